package fr.medsaas.compliance.register;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acknowledgement register, from the cdk_nag metadata of small hand-made assemblies. */
class AcknowledgementRegisterTest {
    @TempDir
    Path dir;

    private CloudAssembly assembly(String env, String reason) throws IOException {
        Path out = Files.createDirectories(dir.resolve(env));
        Files.writeString(out.resolve("manifest.json"), ("""
                {'version': '54.0.0', 'artifacts': {
                  'MedSaas-ENV-Data': {'type': 'aws:cloudformation:stack', 'environment': 'aws://unknown-account/eu-west-3',
                    'properties': {'templateFile': 'data.json', 'stackName': 'MedSaas-ENV-Data'}}}}
                """).replace("ENV", env).replace('\'', '"'));
        Files.writeString(out.resolve("data.json"), ("""
                {'Resources': {
                  'Db': {'Type': 'AWS::RDS::DBInstance', 'Metadata': {'aws:cdk:path': 'MedSaas-ENV-Data/Postgres/Resource',
                    'cdk_nag': {'rules_to_suppress': [
                     {'id': 'AwsSolutions-RDS11', 'reason': 'REASON'},
                     {'id': 'HIPAA.Security-RDSMultiAZSupport', 'reason': 'a | pipe'}]}}},
                  'Plain': {'Type': 'AWS::KMS::Alias'}}}
                """).replace("ENV", env).replace("REASON", reason).replace('\'', '"'));
        return CloudAssembly.read(out);
    }

    @Test
    @Requirement("CMPL-1")
    void anAcknowledgementTheSameInSeveralEnvironmentsIsOneEntryNamingThem() throws IOException {
        Map<String, CloudAssembly> assemblies = new LinkedHashMap<>();
        assemblies.put("prod", assembly("prod", "port 5432 is fixed by SG-3"));
        assemblies.put("dev", assembly("dev", "port 5432 is fixed by SG-3"));
        assertThat(AcknowledgementRegister.entries(assemblies)).containsExactly(
                new AcknowledgementRegister.Entry("Data", "Postgres/Resource", "AwsSolutions-RDS11",
                        "port 5432 is fixed by SG-3", List.of("prod", "dev")),
                new AcknowledgementRegister.Entry("Data", "Postgres/Resource", "HIPAA.Security-RDSMultiAZSupport",
                        "a | pipe", List.of("prod", "dev")));
    }

    @Test
    @Requirement("CMPL-1")
    void aReasonThatDiffersByEnvironmentIsAnEntryOfItsOwn() throws IOException {
        Map<String, CloudAssembly> assemblies = new LinkedHashMap<>();
        assemblies.put("prod", assembly("prod", "deletion protection on"));
        assemblies.put("dev", assembly("dev", "deletion protection off by configuration"));
        assertThat(AcknowledgementRegister.entries(assemblies)).filteredOn(e -> e.rule().equals("AwsSolutions-RDS11"))
                .extracting(AcknowledgementRegister.Entry::environments)
                .containsExactlyInAnyOrder(List.of("prod"), List.of("dev"));
    }

    @Test
    @Requirement("CMPL-1")
    void theMarkdownHasOneRowPerEntryWithPipesEscaped() throws IOException {
        String md = AcknowledgementRegister.markdown(Map.of("prod", assembly("prod", "port 5432 is fixed by SG-3")));
        assertThat(md).contains("| Data | `Postgres/Resource` | `AwsSolutions-RDS11` | port 5432 is fixed by SG-3 | prod |")
                .contains("a \\| pipe").contains("2 entries");
    }
}
