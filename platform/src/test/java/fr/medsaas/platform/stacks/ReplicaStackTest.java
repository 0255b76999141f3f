package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.compliance.ConfigRules;
import fr.medsaas.platform.constructs.compliance.SecurityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The Replica stack of prod in eu-central-1: its keys (REG-2), the media replica bucket (S3-5) and its policy
 * (CF-5), and the watch over that region (HARD-9): AWS Config, GuardDuty, Security Hub, forwarding to the alerts.
 */
class ReplicaStackTest {
    private static final String REPLICA = "medical-saas-media-prod-replica";
    private static final Object PRIMARY_BUS = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
            ":events:eu-west-3:", Map.of("Ref", "AWS::AccountId"), ":event-bus/default")));
    private static Template replica;
    private static Template devExisting;

    @BeforeAll
    static void templates() {
        replica = TestApps.template(TestApps.app("prod").replica());
        devExisting = TestApps.template(TestApps.devWithExistingRecorderAndDetector().replica());
    }

    private static String keyId(String description) {
        return replica.getResourceId("AWS::KMS::Key", Map.of("Properties", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp(description + ".*")))));
    }

    private static List<Object> keyStatements(String description) {
        Capture statements = new Capture();
        replica.hasResourceProperties("AWS::KMS::Key", Map.of("Description", Match.stringLikeRegexp(description + ".*"),
                "KeyPolicy", Match.objectLike(Map.of("Statement", statements))));
        return statements.asArray();
    }

    @Test
    @Requirement("REG-2")
    void reg2_theReplicaStackIsInEuCentral1WithAnS3AndABackupKeyOfThatRegion() {
        StackTemplate stack = TestApps.assembly("prod").stacks().stream()
                .filter(s -> s.stackName().equals("MedSaas-prod-Replica")).findFirst().orElseThrow();
        assertThat(stack.region()).isEqualTo("eu-central-1");
        // S3, backup, and the audit key of AWS Config's delivery there (HARD-9).
        replica.resourceCountIs("AWS::KMS::Key", 3);
        replica.allResources("AWS::KMS::Key", Map.of("Properties", Match.objectLike(Map.of("EnableKeyRotation", true)),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain"));
        replica.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/medical-saas-s3-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(keyId("S3 media"), "Arn"))));
        replica.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/medical-saas-backup-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(keyId("AWS Backup"), "Arn"))));
    }

    @Test
    @Requirement("REG-2")
    void reg2_theKeysAreUsedOnlyThroughServicesOfEuCentral1() {
        List<Object> s3 = keyStatements("S3 media");
        assertThat(s3).anySatisfy(st -> assertThat(st.toString())
                .contains("kms:ViaService=s3.eu-central-1.amazonaws.com").contains("kms:CallerAccount"));
        List<Object> backup = keyStatements("AWS Backup");
        assertThat(backup).anySatisfy(st -> assertThat(st.toString()).contains("kms:ViaService=backup.eu-central-1.amazonaws.com"));
        assertThat(backup).anySatisfy(st -> assertThat(st.toString()).contains("kms:ViaService=rds.eu-central-1.amazonaws.com"));
        assertThat(backup.toString()).doesNotContain("eu-west-3").doesNotContain("cloudfront");
    }

    @Test
    @Requirement("CF-5")
    void cf5_theReplicaKeyLetsCloudFrontDecryptOnlyThroughS3ForThisAccountsDistributions() {
        List<Object> cloudFront = keyStatements("S3 media").stream().filter(s -> s.toString().contains("cloudfront")).toList();
        assertThat(cloudFront).singleElement().satisfies(s -> assertThat(s.toString())
                .contains("Action=kms:Decrypt").contains("Service=cloudfront.amazonaws.com")
                .contains("kms:ViaService=s3.eu-central-1.amazonaws.com").contains("AWS:SourceArn")
                .contains(":cloudfront::").contains(":distribution/*"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaBucketIsEncryptedWithTheEuCentral1KeyVersionedPrivateLoggedTaggedAndRetained() {
        replica.hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "BucketName", REPLICA,
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                                "BucketKeyEnabled", true,
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                        "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(keyId("S3 media"), "Arn"))))))),
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                        "LoggingConfiguration", Match.objectLike(Map.of("DestinationBucketName", Map.of("Ref",
                                replica.getResourceId("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of(
                                        "BucketName", REPLICA + "-access-logs"))))))),
                        "Tags", Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive"))))),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaBucketPolicyIsTlsOnlyRegionBoundAndOpensOnlyToCloudFrontOfThisAccount() {
        String bucket = replica.getResourceId("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of("BucketName", REPLICA))));
        Capture statements = new Capture();
        replica.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("Bucket", Map.of("Ref", bucket),
                "PolicyDocument", Match.objectLike(Map.of("Statement", statements))));
        String all = statements.asArray().toString();
        assertThat(all).contains("aws:SecureTransport=false").contains("s3:TlsVersion=1.2")
                .contains("Sid=RestrictToEUOnly").contains("aws:RequestedRegion=[eu-west-3, eu-central-1]")
                .contains("Sid=DenyUploadsNotUnderKms");
        List<Object> allows = statements.asArray().stream().filter(s -> s.toString().contains("Effect=Allow")).toList();
        assertThat(allows).singleElement().satisfies(s -> assertThat(s.toString())
                .contains("Service=cloudfront.amazonaws.com").contains("Action=s3:GetObject")
                .contains("AWS:SourceArn").contains(":distribution/*"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaDependsOnNoOtherStack() {
        // It deploys first in its region: the Media stack reads its key, not the other way round.
        assertThat(TestApps.app("prod").replica().getDependencies()).isEmpty();
        assertThat(replica.toJSON().toString()).doesNotContain("Fn::ImportValue").doesNotContain("Fn::GetStackOutput");
    }

    @Test
    @Requirement({"HARD-9", "CMP-1"})
    void hard9_theBackupRegionRecordsItsOwnResourcesButNotTheGlobalOnesWhichThePrimaryRecords() {
        replica.hasResourceProperties("AWS::Config::ConfigurationRecorder", Match.objectLike(Map.of(
                "Name", "medical-saas-config-recorder",
                "RecordingGroup", Map.of("AllSupported", true, "IncludeGlobalResourceTypes", false))));
        // Role names are global: the backup region's recorder has a role of its own.
        replica.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "medical-saas-config-role-eu-central-1",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "config.amazonaws.com")))))))));
        TestApps.template(TestApps.app("prod").compliance()).hasResourceProperties("AWS::Config::ConfigurationRecorder",
                Match.objectLike(Map.of("RecordingGroup", Map.of("AllSupported", true, "IncludeGlobalResourceTypes", true))));
    }

    @Test
    @Requirement({"HARD-9", "CMP-1", "REG-2"})
    void hard9_theBackupRegionsConfigurationIsDeliveredEncryptedToABucketOfThatRegionUnderItsOwnAuditKey() {
        String auditKey = keyId("AWS Config delivery encryption of the backup region");
        Object keyArn = Map.of("Fn::GetAtt", List.of(auditKey, "Arn"));
        replica.hasResourceProperties("AWS::Config::DeliveryChannel", Match.objectLike(Map.of("S3KmsKeyArn", keyArn)));
        replica.hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "BucketName", Map.of("Fn::Join", List.of("", List.of("medical-saas-aws-config-eu-central-1-",
                                Map.of("Ref", "AWS::AccountId")))),
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", keyArn))))),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 365)))))),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain"));
        replica.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/medical-saas-audit-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(auditKey, "Arn"))));
        // Only that region's recorder role uses it, through S3 of that region; no trail writes there.
        String policy = keyStatements("AWS Config delivery encryption of the backup region").toString();
        assertThat(policy).contains("role/medical-saas-config-role-eu-central-1")
                .contains("kms:ViaService=s3.eu-central-1.amazonaws.com")
                .doesNotContain("cloudtrail").doesNotContain("eu-west-3").doesNotContain("role/medical-saas-config-role}");
    }

    @Test
    @Requirement({"HARD-9", "CMP-1"})
    void hard9_theBackupRegionsRulesJudgeWhatLivesThere() {
        List<String> rules = ConfigRules.backupRegion(TestApps.config("prod")).stream().map(r -> r.identifier()).toList();
        replica.resourceCountIs("AWS::Config::ConfigRule", rules.size());
        assertThat(rules).contains(ConfigRules.SOURCE_RULE, "S3_BUCKET_SSL_REQUESTS_ONLY", "CMK_BACKING_KEY_ROTATION_ENABLED",
                        "KMS_CMK_NOT_SCHEDULED_FOR_DELETION", "GUARDDUTY_ENABLED_CENTRALIZED", "SECURITYHUB_ENABLED", "REQUIRED_TAGS")
                .doesNotContain("RDS_STORAGE_ENCRYPTED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "VPC_FLOW_LOGS_ENABLED");
        replica.hasResourceProperties("AWS::Config::ConfigRule", Match.objectLike(Map.of(
                "ConfigRuleName", "medical-saas-s3-bucket-server-side-encryption-enabled",
                "Source", Map.of("Owner", "AWS", "SourceIdentifier", ConfigRules.SOURCE_RULE))));
        // Rules need the recorder: CloudFormation creates them after it.
        assertThat(replica.findResources("AWS::Config::ConfigRule").values())
                .allSatisfy(r -> assertThat(r).containsKey("DependsOn"));
    }

    @Test
    @Requirement({"HARD-9", "CMP-3"})
    void hard9_guardDutyWithS3ProtectionForTheReplicaAndSecurityHubInTheBackupRegion() {
        // RDS protection as in the primary region; no runtime monitoring: no task runs in this region.
        replica.hasResourceProperties("AWS::GuardDuty::Detector", Match.objectLike(Map.of("Enable", true,
                "Features", List.of(Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED"),
                        Map.of("Name", "RDS_LOGIN_EVENTS", "Status", "ENABLED")))));
        replica.resourceCountIs("AWS::SecurityHub::Hub", 1);
        // dev: as prod (dev is cheaper, never less watched).
        Template dev = TestApps.template(TestApps.app("dev").replica());
        dev.resourceCountIs("AWS::SecurityHub::Hub", 1);
        dev.resourceCountIs("AWS::GuardDuty::Detector", 1);
        dev.resourceCountIs("AWS::Config::ConfigurationRecorder", 1);
    }

    @Test
    @Requirement({"HARD-9", "OBS-5"})
    void hard9_guardDutyFindingsAndConfigNonComplianceOfTheBackupRegionReachThePrimaryRegionsAlerts() {
        replica.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "Name", "medical-saas-guardduty-findings-to-eu-west-3", "State", "ENABLED",
                "EventPattern", Map.of("source", List.of("aws.guardduty"), "detail-type", List.of("GuardDuty Finding"),
                        "detail", Map.of("severity", List.of(Map.of("numeric", List.of(">=", 4))))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", PRIMARY_BUS, "RoleArn", Match.anyValue()))))));
        replica.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "Name", "medical-saas-config-non-compliant-to-eu-west-3",
                "EventPattern", Match.objectLike(Map.of("source", List.of("aws.config"))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", PRIMARY_BUS))))));
        replica.resourceCountIs("AWS::Events::Rule", SecurityEvent.forwardedFromOtherRegions().size());
        // The primary region's rules, which publish to the alerts topic, match them as they are.
        Template compliance = TestApps.template(TestApps.app("prod").compliance());
        for (SecurityEvent e : SecurityEvent.forwardedFromOtherRegions()) {
            compliance.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern", e.pattern(),
                    "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::ImportValue",
                            Match.stringLikeRegexp(".*Alerts.*"))))))));
        }
    }

    @Test
    @Requirement({"HARD-9", "CMP-1", "CMP-3"})
    void hard9_useExistingInTheBackupRegionCreatesOnlyTheRulesAndTheForwarding() {
        devExisting.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        devExisting.resourceCountIs("AWS::Config::DeliveryChannel", 0);
        devExisting.resourceCountIs("AWS::GuardDuty::Detector", 0);
        // No recorder of ours, no delivery bucket and no key for it.
        devExisting.resourceCountIs("AWS::KMS::Key", 2);
        devExisting.resourceCountIs("AWS::Config::ConfigRule", ConfigRules.backupRegion(TestApps.config("dev")).size());
        devExisting.resourceCountIs("AWS::Events::Rule", SecurityEvent.forwardedFromOtherRegions().size());
    }
}
