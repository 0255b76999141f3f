package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.compliance.ConfigRules;
import fr.medsaas.platform.constructs.compliance.SecurityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Compliance stack of prod, and of dev in an account that has its recorder and detector: CMP-1..3, CMP-5, OBS-5. */
class ComplianceStackTest {
    private static Template prod;
    private static Template devExisting;

    @BeforeAll
    static void synthesizeOnce() {
        prod = TestApps.template(TestApps.app("prod").compliance());
        devExisting = TestApps.template(TestApps.devWithExistingRecorderAndDetector().compliance());
    }

    @Test
    @Requirement("CMP-2")
    void cmp2_multiRegionTrailWithValidationKmsAndCloudWatchLogs() {
        prod.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
                "TrailName", "medical-saas-audit-trail", "IsMultiRegionTrail", true, "IncludeGlobalServiceEvents", true,
                "EnableLogFileValidation", true, "IsLogging", true,
                "KMSKeyId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysAudit.*")),
                "CloudWatchLogsLogGroupArn", Match.anyValue(), "CloudWatchLogsRoleArn", Match.anyValue())));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "/aws/cloudtrail/medical-saas-audit-trail", "RetentionInDays", 365,
                "KmsKeyId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysLogs.*")))));
    }

    @Test
    @Requirement("CMP-2")
    void cmp2_dataEventsOfTheMediaBucketWhoReadWhichMedicalFile() {
        prod.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of("EventSelectors", List.of(Map.of(
                "IncludeManagementEvents", true, "ReadWriteType", "All",
                "DataResources", List.of(Map.of("Type", "AWS::S3::Object", "Values", List.of(Map.of("Fn::Join",
                        List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":s3:::medical-saas-media-prod/"))),
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":s3:::medical-saas-media-prod-replica/")))))))))));
    }

    @Test
    @Requirement({"CMP-5", "HARD-9"})
    void cmp5_trailBucketIsObjectLockedForTheRetentionInComplianceModeAndEncryptedWithTheAuditKey() {
        prod.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "DeletionPolicy", "RetainExceptOnCreate",
                "Properties", Match.objectLike(Map.of(
                        "ObjectLockEnabled", true,
                        "ObjectLockConfiguration", Map.of("ObjectLockEnabled", "Enabled",
                                "Rule", Map.of("DefaultRetention", Map.of("Mode", "COMPLIANCE", "Days", 365))),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "BucketEncryption", Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                        "KMSMasterKeyID", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysAudit.*")))))))))))));
    }

    @Test
    @Requirement("CMP-5")
    void cmp5_nobodyMayDeleteATrailFileAndOnlyTlsIsAccepted() {
        prod.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("Bucket", Map.of("Ref", Match.stringLikeRegexp("TrailBucket.*")),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Principal", Map.of("AWS", "*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Sid", "DenyEveryDeletionOfTrailFiles", "Effect", "Deny",
                                "Principal", Map.of("AWS", "*"),
                                "Action", Match.arrayWith(List.of("s3:DeleteObject", "s3:DeleteObjectVersion",
                                        "s3:BypassGovernanceRetention")))))))))));
    }

    @Test
    @Requirement("CMP-1")
    void cmp1_recorderOfEverySupportedTypeGlobalIncludedAndAnEncryptedDeliveryChannel() {
        prod.hasResourceProperties("AWS::Config::ConfigurationRecorder", Match.objectLike(Map.of(
                "RecordingGroup", Map.of("AllSupported", true, "IncludeGlobalResourceTypes", true))));
        prod.hasResourceProperties("AWS::Config::DeliveryChannel", Match.objectLike(Map.of(
                "S3KmsKeyArn", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysAudit.*")))));
    }

    @Test
    @Requirement("CMP-1")
    void cmp1_theSourcesRuleAndTheRulesOfOurRequirements() {
        prod.hasResourceProperties("AWS::Config::ConfigRule", Match.objectLike(Map.of(
                "ConfigRuleName", "medical-saas-s3-bucket-server-side-encryption-enabled",
                "Source", Map.of("Owner", "AWS", "SourceIdentifier", ConfigRules.SOURCE_RULE))));
        int expected = ConfigRules.of(TestApps.config("prod")).size();
        prod.resourceCountIs("AWS::Config::ConfigRule", expected);
        assertThat(expected).isGreaterThan(30);
        prod.hasResourceProperties("AWS::Config::ConfigRule", Match.objectLike(Map.of(
                "Source", Map.of("Owner", "AWS", "SourceIdentifier", "CW_LOGGROUP_RETENTION_PERIOD_CHECK"),
                "InputParameters", Map.of("MinRetentionTime", "365"))));
    }

    @Test
    @Requirement("CMP-1")
    void cmp1_rulesAnEnvironmentDoesNotPromiseAreLeftOut() {
        // dev has a single-zone database: a Multi-AZ rule would only ever raise false alerts (OBS-5).
        assertThat(ConfigRules.of(TestApps.config("dev"))).extracting(r -> r.identifier())
                .doesNotContain("RDS_MULTI_AZ_SUPPORT", "ELASTICACHE_REPL_GRP_AUTO_FAILOVER_ENABLED")
                // Security Hub runs in dev as in prod, so its rule is kept.
                .contains(ConfigRules.SOURCE_RULE, "SECURITYHUB_ENABLED");
    }

    @Test
    @Requirement("CMP-3")
    void cmp3_guardDutyWithS3ProtectionAndSecurityHubByConfiguration() {
        prod.hasResourceProperties("AWS::GuardDuty::Detector", Match.objectLike(Map.of("Enable", true,
                "Features", Match.arrayWith(List.of(Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED"))))));
        prod.resourceCountIs("AWS::SecurityHub::Hub", 1);
        TestApps.template(TestApps.app("dev").compliance()).resourceCountIs("AWS::SecurityHub::Hub", 1);
    }

    @Test
    @Requirement("HARD-9")
    void hard9_rdsProtectionAndRuntimeMonitoringOfFargateWithTheAgentManagedByGuardDuty() {
        prod.hasResourceProperties("AWS::GuardDuty::Detector", Match.objectLike(Map.of("Features", List.of(
                Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED"),
                Map.of("Name", "RDS_LOGIN_EVENTS", "Status", "ENABLED"),
                Map.of("Name", "RUNTIME_MONITORING", "Status", "ENABLED", "AdditionalConfiguration",
                        List.of(Map.of("Name", "ECS_FARGATE_AGENT_MANAGEMENT", "Status", "ENABLED")))))));
        // dev runs what prod runs (config/dev.yaml).
        TestApps.template(TestApps.app("dev").compliance()).hasResourceProperties("AWS::GuardDuty::Detector",
                Match.objectLike(Map.of("Features", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Name", "RDS_LOGIN_EVENTS")),
                        Match.objectLike(Map.of("Name", "RUNTIME_MONITORING")))))));
    }

    @Test
    @Requirement({"CMP-1", "CMP-3"})
    void cmp1_cmp3_useExistingCreatesOnlyTheRulesAndRouting() {
        devExisting.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        devExisting.resourceCountIs("AWS::Config::DeliveryChannel", 0);
        devExisting.resourceCountIs("AWS::GuardDuty::Detector", 0);
        devExisting.resourceCountIs("AWS::Config::ConfigRule", ConfigRules.of(TestApps.config("dev")).size());
        devExisting.resourceCountIs("AWS::Events::Rule", SecurityEvent.all().size());
        assertThat(devExisting.findResources("AWS::Config::ConfigRule").values())
                .allSatisfy(r -> assertThat(r).doesNotContainKey("DependsOn"));
    }

    @Test
    @Requirement("OBS-5")
    void obs5_securityEventsGoToTheAlertsTopicAsReadableMessages() {
        prod.resourceCountIs("AWS::Events::Rule", SecurityEvent.all().size());
        prod.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("aws.guardduty"), "detail-type", List.of("GuardDuty Finding"),
                        "detail", Map.of("severity", List.of(Map.of("numeric", List.of(">=", 4))))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Alerts.*")),
                        "InputTransformer", Match.objectLike(Map.of("InputTemplate",
                                Match.stringLikeRegexp("\"GuardDuty finding, severity <severity>.*"))))))))); 
        for (List<String> names : List.of(List.of("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"),
                List.of("ScheduleKeyDeletion", "DisableKey"), List.of("PutKeyPolicy"))) {
            prod.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern",
                    Match.objectLike(Map.of("detail", Match.objectLike(Map.of("eventName", names)))))));
        }
        prod.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern", Match.objectLike(Map.of(
                "detail", Map.of("messageType", List.of("ComplianceChangeNotification"),
                        "newEvaluationResult", Map.of("complianceType", List.of("NON_COMPLIANT"))))))));
        prod.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern", Match.objectLike(Map.of(
                "detail", Map.of("userIdentity", Map.of("type", List.of("Root"))))))));
    }

    @Test
    @Requirement("OBS-5")
    void obs5_rootActivityInAnyRegionRaisesAnAlarmFromTheTrailsLogGroup() {
        prod.hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of(
                "FilterPattern", Match.stringLikeRegexp(".*userIdentity.type = \"Root\".*"))));
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "medical-saas-root-user-activity", "MetricName", "RootUserActivity",
                "AlarmActions", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Alerts.*"))))));
    }

    @Test
    @Requirement("REG-1")
    void reg1_everythingItStoresIsInThePrimaryRegion() {
        assertThat(TestApps.app("prod").compliance().getRegion()).isEqualTo("eu-west-3");
        assertThat(TestApps.app("prod").observability().getRegion()).isEqualTo("eu-west-3");
    }
}
