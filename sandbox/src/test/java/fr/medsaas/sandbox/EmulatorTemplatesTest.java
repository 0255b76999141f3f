package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import fr.medsaas.sandbox.EmulatorTemplate.LeftOut;
import fr.medsaas.sandbox.EmulatorTemplate.Placeholder;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SBX-1: the emulator's copy of a template, plain JSON in and out, every change recorded. */
class EmulatorTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A small table for these tests: Egg is not emulated, everything else is. */
    private static final Set<String> NOT_EMULATED = Set.of("Test::Egg", "Custom::Thing");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EmulatorTemplate prepare(String template) {
        return EmulatorTemplates.prepare(json(template), t -> !NOT_EMULATED.contains(t));
    }

    private static final String CDK_BOOTSTRAP = """
            'Parameters': {'BootstrapVersion': {'Type': 'AWS::SSM::Parameter::Value<String>',
                                                'Default': '/cdk-bootstrap/hnb659fds/version'}},
            'Rules': {'CheckBootstrapVersion': {'Assertions': [{'Assert': {'Fn::Not': [{'Fn::Contains': [['1', '2'],
                                                {'Ref': 'BootstrapVersion'}]}]}, 'AssertDescription': 'old'}]}}
            """;

    @Test
    @Requirement("SBX-1")
    void removesTheCdkBootstrapParameterAndRule() {
        EmulatorTemplate t = prepare("{'Resources': {'A': {'Type': 'Test::Hen'}}, " + CDK_BOOTSTRAP + "}");
        assertThat(t.template().has("Parameters")).isFalse();
        assertThat(t.template().has("Rules")).isFalse();
        assertThat(t.removed()).containsExactly(
                "Parameters.BootstrapVersion: the emulator has no CDK bootstrap stack",
                "Rules.CheckBootstrapVersion: the emulator has no CDK bootstrap stack");
        assertThat(t.leftOut()).isEmpty();
        assertThat(t.placeholders()).isEmpty();
    }

    @Test
    @Requirement("SBX-1")
    void aTransformIsRemovedAndSaid() {
        EmulatorTemplate t = prepare("{'Transform': 'AWS::SecretsManager-2020-07-23', 'Resources': {'A': {'Type': 'Test::Hen'}}}");
        assertThat(t.template().has("Transform")).isFalse();
        assertThat(t.removed()).containsExactly("Transform \"AWS::SecretsManager-2020-07-23\": the emulator applies no "
                + "CloudFormation transform; what it would add is not emulated");
    }

    @Test
    @Requirement("SBX-1")
    void keepsOtherParametersAndRules() {
        EmulatorTemplate t = prepare("{'Resources': {'A': {'Type': 'Test::Hen'}}, 'Parameters': {'Size': {'Type': 'Number', "
                + "'Default': 3}, 'BootstrapVersion': {'Type': 'String', 'Default': 'x'}}, 'Rules': {'Mine': {'Assertions': []}}}");
        assertThat(t.template().path("Parameters").has("Size")).isTrue();
        assertThat(t.template().path("Parameters").has("BootstrapVersion")).isFalse();
        assertThat(t.template().path("Rules").has("Mine")).isTrue();
    }

    @Test
    @Requirement("SBX-1")
    void leavesOutTypesTheEmulatorCannotCreateAndListsThem() {
        EmulatorTemplate t = prepare("{'Resources': {'Hen': {'Type': 'Test::Hen'}, 'Egg': {'Type': 'Test::Egg'}, "
                + "'Thing': {'Type': 'Custom::Thing', 'Properties': {'ServiceToken': 'arn'}}}}");
        assertThat(t.template().path("Resources").fieldNames()).toIterable().containsExactly("Hen");
        assertThat(t.leftOut()).extracting(LeftOut::logicalId, LeftOut::type)
                .containsExactly(tuple("Egg", "Test::Egg"),
                        tuple("Thing", "Custom::Thing"));
        assertThat(t.leftOut().get(1).reason()).contains("Lambda-backed custom resource");
    }

    @Test
    @Requirement("SBX-1")
    void refToALeftOutResourceGetsAPlaceholder() {
        EmulatorTemplate t = prepare("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen': {'Type': 'Test::Hen', "
                + "'Properties': {'EggId': {'Ref': 'Egg'}, 'Region': {'Ref': 'AWS::Region'}, 'List': [{'Ref': 'Egg'}]}}}}");
        JsonNode props = t.template().path("Resources").path("Hen").path("Properties");
        assertThat(props.path("EggId").asText()).isEqualTo("placeholder-Egg");
        assertThat(props.path("List").get(0).asText()).isEqualTo("placeholder-Egg");
        assertThat(props.path("Region").path("Ref").asText()).as("pseudo parameters stay").isEqualTo("AWS::Region");
        assertThat(t.placeholders()).extracting(Placeholder::describe).containsExactly(
                "Resources.Hen/Properties/EggId: Ref Egg -> \"placeholder-Egg\"",
                "Resources.Hen/Properties/List/0: Ref Egg -> \"placeholder-Egg\"");
    }

    @Test
    @Requirement("SBX-1")
    void getAttToALeftOutResourceGetsAPlaceholderInBothForms() {
        EmulatorTemplate t = prepare("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen': {'Type': 'Test::Hen', "
                + "'Properties': {'Name': {'Fn::GetAtt': ['Egg', 'Name']}, 'Address': {'Fn::GetAtt': 'Egg.Endpoint.Address'}, "
                + "'Own': {'Fn::GetAtt': ['Hen2', 'Arn']}}}, 'Hen2': {'Type': 'Test::Hen'}}}");
        JsonNode props = t.template().path("Resources").path("Hen").path("Properties");
        assertThat(props.path("Name").asText()).isEqualTo("placeholder-Egg-Name");
        assertThat(props.path("Address").asText()).isEqualTo("placeholder-Egg-Endpoint-Address");
        assertThat(props.path("Own").path("Fn::GetAtt").get(0).asText()).isEqualTo("Hen2");
        assertThat(t.placeholders()).extracting(Placeholder::kind, Placeholder::target)
                .containsExactly(tuple("Fn::GetAtt", "Egg.Name"),
                        tuple("Fn::GetAtt", "Egg.Endpoint.Address"));
    }

    @Test
    @Requirement("SBX-1")
    void subVariablesNamingALeftOutResourceGetAPlaceholder() {
        EmulatorTemplate t = prepare("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen': {'Type': 'Test::Hen', "
                + "'Properties': {"
                + "'A': {'Fn::Sub': 'name:${Egg}/${Egg.Name}/${!Egg}'}, "
                + "'B': {'Fn::Sub': ['${Egg}-${Local}', {'Local': {'Ref': 'Egg'}}]}, "
                + "'C': {'Fn::Sub': ['${Egg}', {'Egg': 'shadowed'}]}}}}}");
        JsonNode props = t.template().path("Resources").path("Hen").path("Properties");
        assertThat(props.path("A").path("Fn::Sub").asText())
                .isEqualTo("name:placeholder-Egg/placeholder-Egg-Name/${!Egg}");
        assertThat(props.path("B").path("Fn::Sub").get(0).asText()).isEqualTo("placeholder-Egg-${Local}");
        assertThat(props.path("B").path("Fn::Sub").get(1).path("Local").asText()).isEqualTo("placeholder-Egg");
        assertThat(props.path("C").path("Fn::Sub").get(0).asText()).as("a local variable shadows the resource").isEqualTo("${Egg}");
        assertThat(t.placeholders()).extracting(Placeholder::owner, Placeholder::path, Placeholder::kind, Placeholder::target)
                .containsExactly(
                        tuple("Resources.Hen", "/Properties/A/Fn::Sub", "Fn::Sub", "Egg"),
                        tuple("Resources.Hen", "/Properties/A/Fn::Sub", "Fn::Sub", "Egg.Name"),
                        tuple("Resources.Hen", "/Properties/B/Fn::Sub/1/Local", "Ref", "Egg"),
                        tuple("Resources.Hen", "/Properties/B/Fn::Sub/0", "Fn::Sub", "Egg"));
    }

    @Test
    @Requirement("SBX-1")
    void wherePlaceholdersStandForAnArnTheyAreArnShaped() {
        // moto validates a policy statement's Resource as an ARN, and a stack importing a secret's
        // ARN hands it to such a statement: those placeholders are ARNs of the left-out service.
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {"
                + "'Secret': {'Type': 'AWS::SecretsManager::Secret'}, 'Db': {'Type': 'AWS::RDS::DBCluster'}, "
                + "'Policy': {'Type': 'AWS::IAM::ManagedPolicy', 'Properties': {'PolicyDocument': {'Statement': [{"
                + "'Effect': 'Allow', 'Action': 'rds:*', 'Resource': [{'Ref': 'Db'}, {'Fn::Sub': '${Db}/*'}]}]}}}}, "
                + "'Outputs': {'SecretArn': {'Value': {'Ref': 'Secret'}}, 'DbArn': {'Value': {'Fn::GetAtt': ['Db', 'DBClusterArn']}}, "
                + "'DbName': {'Value': {'Ref': 'Db'}}}}"));
        String secret = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:placeholder-Secret";
        String db = "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:placeholder-Db";
        JsonNode resources = t.template().path("Resources").path("Policy").path("Properties").path("PolicyDocument")
                .path("Statement").get(0).path("Resource");
        assertThat(resources.get(0).path("Fn::Sub").asText()).isEqualTo(db);
        assertThat(resources.get(1).path("Fn::Sub").asText()).isEqualTo(db + "/*");
        JsonNode outputs = t.template().path("Outputs");
        assertThat(outputs.path("SecretArn").path("Value").path("Fn::Sub").asText()).as("a secret's Ref is its ARN").isEqualTo(secret);
        assertThat(outputs.path("DbArn").path("Value").path("Fn::Sub").asText()).isEqualTo(db + "-DBClusterArn");
        assertThat(outputs.path("DbName").path("Value").asText()).as("a cluster's Ref is its name").isEqualTo("placeholder-Db");
    }

    @Test
    @Requirement("SBX-1")
    void dependsOnALeftOutResourceIsDroppedAndReported() {
        EmulatorTemplate t = prepare("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen2': {'Type': 'Test::Hen'}, "
                + "'Hen': {'Type': 'Test::Hen', 'DependsOn': ['Egg', 'Hen2']}, "
                + "'Hen3': {'Type': 'Test::Hen', 'DependsOn': 'Egg'}}}");
        JsonNode resources = t.template().path("Resources");
        assertThat(resources.path("Hen").path("DependsOn")).hasSize(1);
        assertThat(resources.path("Hen").path("DependsOn").get(0).asText()).isEqualTo("Hen2");
        assertThat(resources.path("Hen3").has("DependsOn")).isFalse();
        assertThat(t.placeholders()).extracting(Placeholder::describe).containsExactly(
                "Resources.Hen/DependsOn: DependsOn Egg dropped", "Resources.Hen3/DependsOn: DependsOn Egg dropped");
    }

    @Test
    @Requirement("SBX-1")
    void outputsNamingALeftOutResourceKeepTheirExportWithAPlaceholder() {
        EmulatorTemplate t = prepare("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen': {'Type': 'Test::Hen'}}, "
                + "'Outputs': {'EggArn': {'Value': {'Fn::GetAtt': ['Egg', 'Id']}, 'Export': {'Name': 'Stack:EggArn'}}, "
                + "'HenId': {'Value': {'Ref': 'Hen'}}}}");
        JsonNode outputs = t.template().path("Outputs");
        assertThat(outputs.path("EggArn").path("Value").asText()).isEqualTo("placeholder-Egg-Id");
        assertThat(outputs.path("EggArn").path("Export").path("Name").asText()).isEqualTo("Stack:EggArn");
        assertThat(outputs.path("HenId").path("Value").path("Ref").asText()).isEqualTo("Hen");
        assertThat(t.placeholders()).extracting(Placeholder::describe)
                .containsExactly("Outputs.EggArn/Value: Fn::GetAtt Egg.Id -> \"placeholder-Egg-Id\"");
    }

    @Test
    @Requirement("SBX-1")
    void conditionsNamingTheBootstrapParameterAreRemovedWithWhatTheyGuard() {
        EmulatorTemplate t = prepare("{'Resources': {'Hen': {'Type': 'Test::Hen', 'Condition': 'Old'}, "
                + "'Hen2': {'Type': 'Test::Hen'}}, "
                + "'Conditions': {'Old': {'Fn::Equals': [{'Ref': 'BootstrapVersion'}, '1']}, "
                + "'Older': {'Fn::Not': [{'Condition': 'Old'}]}, 'Kept': {'Fn::Equals': ['a', 'a']}}, "
                + "'Outputs': {'Out': {'Condition': 'Older', 'Value': 'x'}}, " + CDK_BOOTSTRAP + "}");
        assertThat(t.template().path("Conditions").fieldNames()).toIterable().containsExactly("Kept");
        assertThat(t.template().has("Outputs")).isFalse();
        assertThat(t.leftOut()).extracting(LeftOut::logicalId).containsExactly("Hen");
        assertThat(t.removed()).contains("Conditions.Old: it names BootstrapVersion, which was removed",
                "Conditions.Older: it names condition Old, which was removed",
                "Outputs.Out: its condition was removed with the bootstrap check");
    }

    @Test
    @Requirement("SBX-1")
    void crossRegionStackOutputsAreResolvedOrGetAPlaceholder() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Hen': {'Type': 'Test::Hen', 'Properties': {"
                        + "'Acl': {'Fn::GetStackOutput': {'StackName': 'Edge', 'Region': 'us-east-1', 'OutputName': 'AclArn'}}, "
                        + "'Other': {'Fn::GetStackOutput': {'StackName': 'Edge', 'OutputName': 'Nothing'}}}}}}"),
                t2 -> true, (stack, region, output) -> stack.equals("Edge") && "us-east-1".equals(region) && output.equals("AclArn")
                        ? java.util.Optional.of("arn:aws:wafv2:us-east-1:123456789012:global/webacl/x") : java.util.Optional.empty());
        JsonNode props = t.template().path("Resources").path("Hen").path("Properties");
        assertThat(props.path("Acl").asText()).isEqualTo("arn:aws:wafv2:us-east-1:123456789012:global/webacl/x");
        assertThat(props.path("Other").asText()).isEqualTo("placeholder-Edge-Nothing");
        assertThat(t.resolved()).extracting(EmulatorTemplate.Resolved::describe).containsExactly(
                "Resources.Hen/Properties/Acl: Fn::GetStackOutput Edge@us-east-1.AclArn -> \"arn:aws:wafv2:us-east-1:123456789012:global/webacl/x\"");
        assertThat(t.placeholders()).extracting(Placeholder::describe).containsExactly(
                "Resources.Hen/Properties/Other: Fn::GetStackOutput Edge.Nothing -> \"placeholder-Edge-Nothing\"");
    }

    @Test
    @Requirement("SBX-1")
    void neverChangesTheInput() {
        JsonNode input = json("{'Resources': {'Egg': {'Type': 'Test::Egg'}, 'Hen': {'Type': 'Test::Hen', "
                + "'Properties': {'EggId': {'Ref': 'Egg'}}}}, " + CDK_BOOTSTRAP + "}");
        JsonNode before = input.deepCopy();
        EmulatorTemplates.prepare(input, t -> !NOT_EMULATED.contains(t));
        assertThat(input).isEqualTo(before);
    }

    @Test
    @Requirement("SBX-1")
    void kmsKeyTagsAndPolicyAreRewrittenForMotoAndReported() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Key': {'Type': 'AWS::KMS::Key', 'Properties': {"
                + "'KeyPolicy': {'Version': '2012-10-17', 'Statement': []}, "
                + "'Tags': [{'Key': 'Project', 'Value': 'medical-saas'}]}}}}"));
        JsonNode props = t.template().path("Resources").path("Key").path("Properties");
        assertThat(props.path("Tags").get(0).path("TagKey").asText()).isEqualTo("Project");
        assertThat(props.path("Tags").get(0).path("TagValue").asText()).isEqualTo("medical-saas");
        assertThat(props.path("KeyPolicy").path("Fn::ToJsonString").path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(t.rewrites()).extracting(EmulatorTemplate.Rewrite::defect)
                .containsExactly(MotoDefect.KMS_KEY_TAGS, MotoDefect.KMS_KEY_POLICY);
    }

    @Test
    @Requirement("SBX-1")
    void logGroupKeyIsRenamedForMotoAndReported() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Logs': {'Type': 'AWS::Logs::LogGroup', "
                + "'Properties': {'KmsKeyId': {'Fn::ImportValue': 'Keys:LogsArn'}, 'RetentionInDays': 365}}}}"));
        JsonNode props = t.template().path("Resources").path("Logs").path("Properties");
        assertThat(props.has("KmsKeyId")).isFalse();
        assertThat(props.path("kmsKeyId").path("Fn::ImportValue").asText()).isEqualTo("Keys:LogsArn");
        assertThat(t.rewrites()).extracting(EmulatorTemplate.Rewrite::logicalId, EmulatorTemplate.Rewrite::defect)
                .containsExactly(tuple("Logs", MotoDefect.LOG_GROUP_KMS_KEY));
    }

    @Test
    void sbx1_ecrRepositoryScanningAndEncryptionKeysAreRenamedForMotoAndReported() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Repo': {'Type': 'AWS::ECR::Repository', "
                + "'Properties': {'ImageScanningConfiguration': {'ScanOnPush': true}, 'EncryptionConfiguration': "
                + "{'EncryptionType': 'KMS', 'KmsKey': {'Fn::ImportValue': 'Keys:DeliveryArn'}}}}}}"));
        JsonNode props = t.template().path("Resources").path("Repo").path("Properties");
        assertThat(props.path("ImageScanningConfiguration").path("scanOnPush").asBoolean()).isTrue();
        assertThat(props.path("EncryptionConfiguration").path("encryptionType").asText()).isEqualTo("KMS");
        assertThat(props.path("EncryptionConfiguration").path("kmsKey").path("Fn::ImportValue").asText())
                .isEqualTo("Keys:DeliveryArn");
        assertThat(props.path("EncryptionConfiguration").has("KmsKey")).isFalse();
        assertThat(t.rewrites()).extracting(EmulatorTemplate.Rewrite::defect)
                .containsExactly(MotoDefect.ECR_SCANNING_CONFIGURATION, MotoDefect.ECR_ENCRYPTION_CONFIGURATION);
    }

    @Test
    @Requirement("SBX-1")
    void dbInstanceParameterGroupRefGroupsAndTouchingWindowsAreRewrittenForMotoAndReported() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Params': {'Type': 'AWS::RDS::DBParameterGroup', "
                + "'Properties': {'Family': 'postgres15', 'Description': 'd'}}, 'Db': {'Type': 'AWS::RDS::DBInstance', 'Properties': {"
                + "'DBParameterGroupName': {'Ref': 'Params'}, 'VPCSecurityGroups': ['sg-1'], "
                + "'PreferredBackupWindow': '03:00-04:00', 'PreferredMaintenanceWindow': 'sun:04:00-sun:05:00'}}}}"));
        JsonNode props = t.template().path("Resources").path("Db").path("Properties");
        assertThat(props.has("DBParameterGroupName")).isFalse();
        assertThat(props.has("VPCSecurityGroups")).isFalse();
        assertThat(props.path("VpcSecurityGroupIds").get(0).asText()).isEqualTo("sg-1");
        assertThat(props.path("PreferredBackupWindow").asText()).isEqualTo("03:00-03:59");
        assertThat(t.rewrites()).extracting(EmulatorTemplate.Rewrite::logicalId, EmulatorTemplate.Rewrite::defect).containsExactly(
                tuple("Db", MotoDefect.RDS_PARAMETER_GROUP_REF), tuple("Db", MotoDefect.RDS_SECURITY_GROUPS),
                tuple("Db", MotoDefect.RDS_ADJACENT_WINDOWS));
    }

    @Test
    @Requirement("SBX-1")
    void backupWindowIsKeptWhenTheWindowsDoNotTouch() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Db': {'Type': 'AWS::RDS::DBInstance', 'Properties': {"
                + "'PreferredBackupWindow': '00:00-01:00', 'PreferredMaintenanceWindow': 'sun:04:00-sun:05:00'}}}}"));
        assertThat(t.template().path("Resources").path("Db").path("Properties").path("PreferredBackupWindow").asText())
                .isEqualTo("00:00-01:00");
        assertThat(t.rewrites()).isEmpty();
    }

    @Test
    @Requirement("SBX-1")
    void aListenersCertificateFromConfigurationIsReplacedByTheEmulatorsStandIn() {
        String configured = "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000";
        String standIn = "arn:aws:acm:eu-west-3:123456789012:certificate/standin";
        JsonNode template = json("{'Resources': {'Https': {'Type': 'AWS::ElasticLoadBalancingV2::Listener', 'Properties': {"
                + "'Port': 443, 'Certificates': [{'CertificateArn': '" + configured + "'}]}}}}");
        EmulatorTemplate t = EmulatorTemplates.prepare(template, EmulatorTemplates.StackOutputs.NONE,
                arn -> arn.equals(configured) ? java.util.Optional.of(standIn) : java.util.Optional.empty());
        assertThat(t.template().path("Resources").path("Https").path("Properties").path("Certificates").get(0)
                .path("CertificateArn").asText()).isEqualTo(standIn);
        assertThat(t.resolved()).extracting(EmulatorTemplate.Resolved::describe).containsExactly(
                "Resources.Https/Properties/Certificates/0/CertificateArn: Certificate " + configured + " -> \"" + standIn + "\"");
        // Without a stand-in, the ARN is sent as synthesized.
        assertThat(EmulatorTemplates.prepare(template).template().path("Resources").path("Https").path("Properties")
                .path("Certificates").get(0).path("CertificateArn").asText()).isEqualTo(configured);
    }

    @Test
    @Requirement("SBX-1")
    void theRealTableLeavesOutCustomResourcesAndUnlistedTypes() {
        EmulatorTemplate t = EmulatorTemplates.prepare(json("{'Resources': {'Vpc': {'Type': 'AWS::EC2::VPC'}, "
                + "'Restrict': {'Type': 'Custom::VpcRestrictDefaultSG'}, 'Egress': {'Type': 'AWS::EC2::SecurityGroupEgress'}, "
                + "'Unknown': {'Type': 'AWS::Nothing::Here'}}}"));
        assertThat(t.leftOut()).extracting(LeftOut::logicalId).containsExactly("Restrict", "Egress", "Unknown");
        assertThat(t.leftOut().get(2).reason()).isEqualTo(EmulatedTypes.UNLISTED_REASON);
    }

    @Test
    @Requirement("SBX-1")
    void theCopyListsInItsMetadataWhatTheEmulatorDoesNotHold() {
        EmulatorTemplate t = prepare("""
                {'Metadata': {'Mine': 1}, 'Resources': {
                  'Logs': {'Type': 'AWS::S3::Bucket', 'Properties': {'PublicAccessBlockConfiguration': {'BlockPublicAcls': true}}},
                  'Plain': {'Type': 'AWS::S3::Bucket', 'Properties': {'BucketName': 'b'}},
                  'LogsPolicy': {'Type': 'Test::Egg', 'Properties': {'Bucket': {'Ref': 'Logs'},
                                 'PolicyDocument': {'Statement': [{'Resource': {'Fn::GetAtt': ['Plain', 'Arn']}}]}}},
                  'Sg': {'Type': 'AWS::EC2::SecurityGroup', 'Properties': {'SecurityGroupEgress': [{'CidrIp': '255.255.255.255/32'}]}}}}
                """);
        JsonNode mark = t.template().path("Metadata").path(EmulatorTemplates.NOT_EMULATED_METADATA);
        assertThat(t.template().path("Metadata").path("Mine").asInt()).as("the template's own metadata kept").isEqualTo(1);
        assertThat(mark.path("LeftOut")).hasSize(1);
        assertThat(mark.path("LeftOut").get(0).path("LogicalId").asText()).isEqualTo("LogsPolicy");
        // Only what a property names directly: the bucket the policy is on, not every ARN in its document.
        assertThat(mark.path("LeftOut").get(0).path("Names").toString()).isEqualTo("{\"Bucket\":\"Logs\"}");
        assertThat(mark.path("IgnoredByMoto")).extracting(n -> n.path("LogicalId").asText() + " " + n.path("Property").asText()
                + " " + n.path("Defect").asText()).containsExactlyInAnyOrder(
                "Logs PublicAccessBlockConfiguration moto:S3_BUCKET_PROPERTIES",
                "Sg SecurityGroupEgress moto:SECURITY_GROUP_DEFAULT_EGRESS");
    }
}
