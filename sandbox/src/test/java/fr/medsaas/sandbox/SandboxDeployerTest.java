package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SBX-1: the deployer on small hand-written assemblies: dependency order across an export and
 * its import, placeholders for a left-out resource, and a failing stack's reason, after which
 * nothing else is tried.
 */
@Tag("integration")
@ExtendWith(Emulator.class)
class SandboxDeployerTest {
    @TempDir
    Path tmp;

    /**
     * Writes an assembly of stacks {@code (id[@region], template, dependencies...)}, in the given
     * order; a stack without a region is in eu-west-3.
     */
    private CloudAssembly assembly(String... stacks) throws IOException {
        StringBuilder artifacts = new StringBuilder();
        for (int i = 0; i < stacks.length; i += 3) {
            String id = stacks[i].split("@")[0];
            String region = stacks[i].contains("@") ? stacks[i].split("@")[1] : "eu-west-3";
            Files.writeString(tmp.resolve(id + ".template.json"), stacks[i + 1].replace('\'', '"'));
            artifacts.append(artifacts.isEmpty() ? "" : ",").append("\"").append(id).append("\": {")
                    .append("\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://unknown-account/").append(region).append("\", ")
                    .append("\"properties\": {\"templateFile\": \"").append(id).append(".template.json\", \"stackName\": \"")
                    .append(id).append("\"}, \"dependencies\": [").append(stacks[i + 2]).append("]}");
        }
        Files.writeString(tmp.resolve("manifest.json"), "{\"version\": \"48.0.0\", \"artifacts\": {" + artifacts + "}}");
        return CloudAssembly.read(tmp);
    }

    @Test
    @Requirement("SBX-1")
    void deploysAnExportingStackBeforeItsImporterWhateverTheManifestOrder(MotoServer moto) throws IOException {
        CloudAssembly a = assembly(
                "Importer", "{'Resources': {'Group': {'Type': 'AWS::Logs::LogGroup', 'Properties': {'LogGroupName': "
                        + "{'Fn::Join': ['', ['/test/', {'Fn::ImportValue': 'Exporter:Name'}]]}}}}}", "\"Exporter\", \"Importer.assets\"",
                "Exporter", "{'Resources': {'Topic': {'Type': 'AWS::Logs::LogGroup', 'Properties': {'LogGroupName': 'exported'}}}, "
                        + "'Outputs': {'Name': {'Value': {'Ref': 'Topic'}, 'Export': {'Name': 'Exporter:Name'}}}}", "");
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(a);
            assertThat(d.stacks()).extracting(StackDeployment::stackName).containsExactly("Exporter", "Importer");
            assertThat(d.succeeded()).as(d.failure().map(StackDeployment::failureReason).orElse("")).isTrue();
            assertThat(d.resourcesCreated()).isEqualTo(2);
        }
    }

    @Test
    @Requirement("SBX-1")
    void aCrossRegionStackOutputIsReadFromTheEmulatorAsCloudFormationWould(MotoServer moto) throws IOException {
        CloudAssembly a = assembly(
                "Edge@us-east-1", "{'Resources': {'Group': {'Type': 'AWS::Logs::LogGroup', 'Properties': {'LogGroupName': "
                        + "'edge-group'}}}, 'Outputs': {'GroupName': {'Value': {'Ref': 'Group'}}}}", "",
                "Reader", "{'Resources': {'Group': {'Type': 'AWS::Logs::LogGroup', 'Properties': {'LogGroupName': "
                        + "{'Fn::Join': ['', ['read-', {'Fn::GetStackOutput': {'StackName': 'Edge', 'Region': 'us-east-1', "
                        + "'OutputName': 'GroupName'}}]]}}}, 'Missing': {'Type': 'AWS::Logs::LogGroup', 'Properties': "
                        + "{'LogGroupName': {'Fn::GetStackOutput': {'StackName': 'Edge', 'Region': 'us-east-1', "
                        + "'OutputName': 'NoSuchOutput'}}}}}}", "\"Edge\"");
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(a);
            assertThat(d.succeeded()).as(d.failure().map(StackDeployment::failureReason).orElse("")).isTrue();
            StackDeployment reader = d.stack("Reader");
            assertThat(reader.template().resolved()).extracting(EmulatorTemplate.Resolved::describe).containsExactly(
                    "Resources.Group/Properties/LogGroupName/Fn::Join/1/1: Fn::GetStackOutput Edge@us-east-1.GroupName -> \"edge-group\"");
            assertThat(reader.placeholders()).extracting(EmulatorTemplate.Placeholder::describe).containsExactly(
                    "Resources.Missing/Properties/LogGroupName: Fn::GetStackOutput Edge@us-east-1.NoSuchOutput -> \"placeholder-Edge-NoSuchOutput\"");
            assertThat(reader.template().template().path("Resources").path("Group").path("Properties").path("LogGroupName")
                    .path("Fn::Join").get(1).get(1).asText()).isEqualTo("edge-group");
        }
    }

    @Test
    @Requirement("SBX-1")
    void aKeptResourceNamingALeftOutOneDeploysWithAPlaceholder(MotoServer moto) throws IOException {
        CloudAssembly a = assembly("Placeholders", "{'Resources': {"
                + "'Secret': {'Type': 'AWS::SecretsManager::Secret', 'Properties': {}}, "
                + "'Role': {'Type': 'AWS::IAM::Role', 'DependsOn': 'Secret', 'Properties': {'AssumeRolePolicyDocument': "
                + "{'Version': '2012-10-17', 'Statement': []}, 'Description': {'Fn::Sub': 'reads ${Secret}'}}}}}", "");
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(a);
            StackDeployment s = d.stack("Placeholders");
            assertThat(s.status()).as(s.failureReason()).isEqualTo("CREATE_COMPLETE");
            assertThat(s.resourcesCreated()).isEqualTo(1);
            assertThat(s.leftOut()).extracting(EmulatorTemplate.LeftOut::logicalId).containsExactly("Secret");
            assertThat(s.placeholders()).extracting(EmulatorTemplate.Placeholder::describe).containsExactly(
                    "Resources.Role/DependsOn: DependsOn Secret dropped",
                    "Resources.Role/Properties/Description/Fn::Sub: Fn::Sub Secret -> "
                            + "\"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:placeholder-Secret\"");
        }
    }

    @Test
    @Requirement("SBX-1")
    void aFailingStackIsReportedWithItsReasonAndNothingAfterItIsTried(MotoServer moto) throws IOException {
        CloudAssembly a = assembly(
                "Broken", "{'Resources': {'Subnet': {'Type': 'AWS::EC2::Subnet', 'Properties': {'VpcId': 'vpc-0000000000nowhere', "
                        + "'CidrBlock': '10.9.1.0/24'}}}}", "",
                "After", "{'Resources': {'Group': {'Type': 'AWS::Logs::LogGroup', 'Properties': {'LogGroupName': 'after'}}}}",
                "\"Broken\"");
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(a);
            assertThat(d.succeeded()).isFalse();
            StackDeployment broken = d.failure().orElseThrow();
            assertThat(broken.stackName()).isEqualTo("Broken");
            assertThat(broken.status()).isNotEqualTo("CREATE_COMPLETE");
            assertThat(broken.failureReason()).contains("vpc-0000000000nowhere");
            assertThat(d.notTried()).containsExactly("After");
        }
    }
}
