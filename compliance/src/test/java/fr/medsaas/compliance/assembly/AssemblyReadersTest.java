package fr.medsaas.compliance.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CMPL-1: the readers of an assembly's manifest, templates, validation report and acknowledgements. */
class AssemblyReadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private void write(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json.replace('\'', '"'));
    }

    private void assembly() throws IOException {
        write("manifest.json", """
                {'version': '54.0.0', 'artifacts': {
                  'MedSaas-prod-Keys.assets': {'type': 'cdk:asset-manifest'},
                  'MedSaas-prod-Keys': {'type': 'aws:cloudformation:stack', 'environment': 'aws://unknown-account/eu-west-3',
                    'properties': {'templateFile': 'keys.json', 'stackName': 'MedSaas-prod-Keys'}},
                  'MedSaas-prod-EdgeFirewall': {'type': 'aws:cloudformation:stack', 'environment': 'aws://unknown-account/us-east-1',
                    'properties': {'templateFile': 'edge.json'}, 'dependencies': ['MedSaas-prod-Keys']}}}
                """);
        write("keys.json", """
                {'Resources': {
                  'KeyA': {'Type': 'AWS::KMS::Key', 'Metadata': {'cdk_nag': {'rules_to_suppress': [
                     {'id': 'AwsSolutions-KMS5', 'reason': 'a reason long enough for a reviewer to accept it'}]}}},
                  'AliasA': {'Type': 'AWS::KMS::Alias'}}}
                """);
        write("edge.json", "{'Resources': {'Acl': {'Type': 'AWS::WAFv2::WebACL'}}}");
    }

    @Test
    void readsTheStacksTheirRegionsTemplatesAndDependencies() throws IOException {
        assembly();
        CloudAssembly a = CloudAssembly.read(dir);
        assertThat(a.stacks()).extracting(StackTemplate::stackName)
                .containsExactly("MedSaas-prod-Keys", "MedSaas-prod-EdgeFirewall");
        assertThat(a.stacks()).extracting(StackTemplate::region).containsExactly("eu-west-3", "us-east-1");
        assertThat(a.stack("EdgeFirewall").orElseThrow().dependencies()).containsExactly("MedSaas-prod-Keys");
        assertThat(a.stack("Keys").orElseThrow().logicalIdsOfType("AWS::KMS::Key")).containsExactly("KeyA");
        assertThat(a.resourceCount()).isEqualTo(3);
        assertThat(a.validationReport()).isEmpty();
    }

    @Test
    void readsTheAcknowledgementsWithTheirReasons() throws IOException {
        assembly();
        assertThat(Acknowledgement.of(CloudAssembly.read(dir))).containsExactly(new Acknowledgement(
                "MedSaas-prod-Keys", "KeyA", "AWS::KMS::Key", "AwsSolutions-KMS5",
                "a reason long enough for a reviewer to accept it"));
    }

    @Test
    void aReportTellsOpenErrorsFromWarningsAndAcknowledgedFindings() throws IOException {
        ValidationReport report = ValidationReport.parse(JSON.readTree("""
                {"pluginReports": [
                  {"pluginName": "AwsSolutions", "conclusion": "failure", "violations": [
                    {"ruleName": "AwsSolutions-S1", "description": "no access logs", "severity": "error",
                     "violatingConstructs": [{"constructPath": "S/Bucket/Resource"}, {"constructPath": "S/Bucket/Resource"}]}],
                   "suppressedViolations": []},
                  {"pluginName": "CloudFormation Validate", "conclusion": "success", "violations": [
                    {"ruleName": "W3010", "description": "hard-coded zone", "severity": "warning",
                     "violatingConstructs": [{"constructPath": "S/Subnet"}]}],
                   "suppressedViolations": [
                    {"ruleName": "W3010", "description": "hard-coded zone", "severity": "warning", "reason": "zones are configured",
                     "violatingConstructs": [{"constructPath": "S/Other"}]}]}]}
                """));
        assertThat(report.plugins()).containsExactly("AwsSolutions", "CloudFormation Validate");
        assertThat(report.blocking()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("AwsSolutions-S1");
            assertThat(f.describe()).isEqualTo("ERROR AwsSolutions-S1 (AwsSolutions) at S/Bucket/Resource: no access logs");
        });
        assertThat(report.openWarnings()).extracting(Finding::constructPath).containsExactly("S/Subnet");
        assertThat(report.acknowledged()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("zones are configured"));
    }
}
