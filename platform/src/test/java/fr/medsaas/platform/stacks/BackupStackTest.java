package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.config.VaultLockMode;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.backup.LockedBackupVault;
import fr.medsaas.platform.constructs.backup.LockedBackupVaultProps;
import fr.medsaas.platform.constructs.compliance.SecurityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.MetadataEntry;

/** The Backup stack (BCK-1, BCK-3) and the vault of the Replica stack (BCK-3), prod and where dev differs. */
class BackupStackTest {
    private static Template backup;
    private static Template replica;
    private static Template devBackup;

    @BeforeAll
    static void templates() {
        MedSaasApp app = TestApps.app("prod");
        backup = TestApps.template(app.backup());
        replica = TestApps.template(app.replica());
        devBackup = TestApps.template(TestApps.app("dev").backup());
    }

    private static StackTemplate stack(String env, String name) {
        return TestApps.assembly(env).stacks().stream().filter(s -> s.stackName().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Object> rule(Template t) {
        Capture rules = new Capture();
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of("BackupPlanRule", rules))));
        assertThat(rules.asArray()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> only = (Map<String, Object>) rules.asArray().get(0);
        return only;
    }

    @Test
    @Requirement("BCK-1")
    void bck1_aVaultInThePrimaryRegionEncryptedWithTheBackupKey() {
        assertThat(stack("prod", "MedSaas-prod-Backup").region()).isEqualTo("eu-west-3");
        backup.hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "BackupVaultName", "medical-saas-backup-vault",
                "EncryptionKeyArn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("MedSaas-prod-Keys:.*KeysBackup13AD9A0E.*"))));
    }

    @Test
    @Requirement("BCK-1")
    void bck1_aDailyRuleKeptThirtyDaysAndCopiedToTheEuCentral1VaultForAsLong() {
        Map<String, Object> rule = rule(backup);
        assertThat(rule).containsEntry("ScheduleExpression", "cron(0 5 * * ? *)")
                .containsEntry("Lifecycle", Map.of("DeleteAfterDays", 30))
                .containsEntry("RecoveryPointTags", Map.of("DataType", "medical-sensitive"));
        assertThat(rule.get("CopyActions").toString()).contains(":backup:eu-central-1:")
                .contains(":backup-vault:medical-saas-backup-vault").contains("DeleteAfterDays=30");
    }

    @Test
    @Requirement("BCK-1")
    void bck1_devKeepsFewerDaysButStillCopies() {
        Map<String, Object> rule = rule(devBackup);
        assertThat(rule).containsEntry("Lifecycle", Map.of("DeleteAfterDays", 7));
        assertThat(rule.get("CopyActions").toString()).contains(":backup:eu-central-1:").contains("medical-saas-dev-backup-vault");
    }

    @Test
    @Requirement("BCK-1")
    void bck1_theDatabaseAndTheMediaBucketAreSelectedByArnWithTheStacksOwnRole() {
        Capture resources = new Capture();
        String role = backup.getResourceId("AWS::IAM::Role");
        backup.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupSelection", Match.objectLike(Map.of(
                "IamRoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
                "Resources", resources))));
        assertThat(resources.asArray()).hasSize(2);
        assertThat(resources.asArray().get(0).toString()).contains(":rds:eu-west-3:").endsWith(":db:medical-saas-postgres]]}");
        assertThat(resources.asArray().get(1).toString()).endsWith(":s3:::medical-saas-media-prod]]}");
        // The ARN names the instance the Data stack makes.
        TestApps.template(TestApps.app("prod").data()).hasResourceProperties("AWS::RDS::DBInstance",
                Match.objectLike(Map.of("DBInstanceIdentifier", "medical-saas-postgres")));
    }

    @Test
    @Requirement("BCK-1")
    void bck1_theDataStacksAcknowledgementOfRdsInBackupPlanStatesWhatTheBackupStackDoes() {
        List<String> reasons = new ArrayList<>();
        for (MetadataEntry entry : TestApps.app("prod").data().postgres().instance().getNode().getMetadata()) {
            if ("aws:cdk:acknowledged-rules".equals(entry.getType()) && entry.getData() instanceof Map<?, ?> data) {
                data.forEach((rule, reason) -> {
                    if (String.valueOf(rule).endsWith("RDSInBackupPlan")) {
                        reasons.add(String.valueOf(reason));
                    }
                });
            }
        }
        assertThat(reasons).hasSize(2).allSatisfy(r -> assertThat(r)
                .contains("MedSaas-prod-Backup").contains("by ARN").contains("30 days").contains("eu-central-1"));
        // ... and what it says is there: that stack, a selection of this instance, a copy to eu-central-1.
        assertThat(TestApps.app("prod").backup().getStackName()).isEqualTo("MedSaas-prod-Backup");
        backup.resourceCountIs("AWS::Backup::BackupSelection", 1);
    }

    @Test
    @Requirement("BCK-1")
    void bck1_theRoleTrustsOnlyAwsBackupAndCarriesNoAwsManagedPolicy() {
        backup.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "backup.amazonaws.com"))))))));
        backup.hasResourceProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent(), "Policies", Match.absent()));
    }

    @Test
    @Requirement("BCK-1")
    void bck1_theRoleNamesTheDatabaseTheBucketTheKeysAndTheCopyVaultNothingBroader() {
        Capture statements = new Capture();
        backup.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", statements))));
        for (Object s : statements.asArray()) {
            String text = s.toString();
            assertThat(text).doesNotContain("s3:*").doesNotContain("kms:*").doesNotContain("rds:*").doesNotContainPattern("[=\\[ ]backup:\\*")
                    .doesNotContain("s3:PutObject").doesNotContain("s3:DeleteObject").doesNotContain("rds:DeleteDBInstance")
                    .doesNotContain("RestoreDBInstance");
            if (!text.contains("ListingWithoutResourceLevelPermissions")) {
                assertThat(text).as(text).doesNotContain("Resource=*");
            } else {
                assertThat(text).contains("s3:ListAllMyBuckets").contains("events:ListRules").contains("cloudwatch:GetMetricData")
                        .contains("tag:GetResources");
            }
            if (text.contains("kms:")) {
                assertThat(text).as("key use only through the services").contains("kms:ViaService");
            }
        }
        assertThat(statements.asArray().toString()).contains("medical-saas-media-prod").contains(":db:medical-saas-postgres")
                .contains("backup:CopyIntoBackupVault");
    }

    @Test
    @Requirement({"BCK-1", "ACC-1"})
    void bck1_theCopyJobMayDescribeAndCopyIntoTheCopyVaultAsAwsManagedPolicyAllows() {
        backup.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "CopyIntoTheBackupRegion",
                        "Action", List.of("backup:DescribeBackupVault", "backup:CopyIntoBackupVault"),
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":backup:eu-central-1:", Map.of("Ref", "AWS::AccountId"),
                                ":backup-vault:medical-saas-backup-vault"))))))))))));
        // The snapshots of the copy are described in both regions (the copy job checks its source and its copy).
        backup.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "RdsBackupSnapshots",
                        "Action", Match.arrayWith(List.of("rds:DescribeDBSnapshots", "rds:CopyDBSnapshot")))))))))));
    }

    // BCK-3 ----------------------------------------------------------------------------------

    @Test
    @Requirement({"BCK-3", "HARD-9"})
    void bck3_bothVaultsAreLockedBetweenTheConfiguredBoundsInComplianceModeAfterACoolingOffWindowInProd() {
        for (Template t : List.of(backup, replica)) {
            t.hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                    "LockConfiguration", Map.of("MinRetentionDays", 30, "MaxRetentionDays", 35, "ChangeableForDays", 3)));
        }
    }

    /** HARD-9: dev is cheaper, never less secure: its vaults lock in compliance mode too, with its own bounds. */
    @Test
    @Requirement("HARD-9")
    void everyEnvironmentLocksItsVaultsInComplianceMode() {
        for (String env : List.of("dev", "staging", "prod")) {
            assertThat(TestApps.config(env).backup().lockMode()).as(env).isEqualTo(VaultLockMode.COMPLIANCE);
        }
        TestApps.template(TestApps.app("dev").backup()).hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "LockConfiguration", Map.of("MinRetentionDays", 7, "MaxRetentionDays", 35, "ChangeableForDays", 3)));
    }

    @Test
    @Requirement("BCK-3")
    void bck3_complianceModeByConfigurationGivesTheLockItsGracePeriod() {
        App app = new App();
        Stack stack = new Stack(app, "Vault");
        new LockedBackupVault(stack, "Vault", new LockedBackupVaultProps("vault-test", new Key(stack, "K"), VaultLockMode.COMPLIANCE,
                7, 30, 35, "arn:aws:iam::123456789012:role/deployer"));
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "LockConfiguration", Map.of("MinRetentionDays", 30, "MaxRetentionDays", 35, "ChangeableForDays", 7)));
    }

    @Test
    @Requirement("BCK-3")
    void bck3_bothVaultsDenyDeletingRecoveryPointsToEveryoneAndProtectionChangesOutsideDeployments() {
        for (Template t : List.of(backup, replica)) {
            Capture statements = new Capture();
            t.hasResourceProperties("AWS::Backup::BackupVault", Map.of("AccessPolicy", Match.objectLike(Map.of("Statement", statements))));
            assertThat(statements.asArray()).hasSize(3);
            assertThat(statements.asArray().get(0)).isEqualTo(Map.of("Sid", "DenyRecoveryPointDeletion", "Effect", "Deny",
                    "Principal", Map.of("AWS", "*"), "Resource", "*",
                    "Action", List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle")));
            // HARD-9: nobody removes the lock or the policy, the deployment role included.
            assertThat(statements.asArray().get(1)).isEqualTo(Map.of("Sid", "DenyLockAndPolicyRemoval", "Effect", "Deny",
                    "Principal", Map.of("AWS", "*"), "Resource", "*",
                    "Action", List.of("backup:DeleteBackupVaultLockConfiguration", "backup:DeleteBackupVaultAccessPolicy")));
            // Setting them is what CloudFormation needs, and only the exact deployment role of our qualifier may.
            String protection = statements.asArray().get(2).toString();
            assertThat(protection).contains("Effect=Deny").contains("backup:PutBackupVaultLockConfiguration")
                    .contains("backup:PutBackupVaultAccessPolicy").doesNotContain("Delete")
                    .contains("ArnNotEquals").contains(":role/cdk-hnb659fds-cfn-exec-role-").doesNotContain("*-cfn-exec-role");
        }
    }

    /**
     * HARD-9: the backup region holds two keys; a deletion, a disabling or a policy change of one
     * there is an EventBridge event of that region only, forwarded to the primary region's bus
     * where the Compliance stack's rules publish it to the alerts topic.
     */
    @Test
    @Requirement("HARD-9")
    void keyDeletionAndPolicyChangesInTheBackupRegionReachThePrimaryRegionsBus() {
        Object bus = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":events:eu-west-3:",
                Map.of("Ref", "AWS::AccountId"), ":event-bus/default")));
        for (List<String> names : List.of(List.of("ScheduleKeyDeletion", "DisableKey"), List.of("PutKeyPolicy"))) {
            replica.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                    "State", "ENABLED",
                    "EventPattern", Match.objectLike(Map.of("source", List.of("aws.kms"),
                            "detail", Match.objectLike(Map.of("eventName", names)))),
                    "Targets", List.of(Match.objectLike(Map.of("Arn", bus, "RoleArn", Match.anyValue()))))));
        }
        replica.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Action", "events:PutEvents", "Resource", bus))))))));
        replica.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "events.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))))))));
        // The primary region's rules match the forwarded events: same patterns, whatever the region.
        assertThat(SecurityEvent.forwardedFromOtherRegions()).extracting(SecurityEvent::id)
                .containsExactlyInAnyOrder("GuardDutyFindings", "SecurityHubFindings", "ConfigNonCompliant", "KeyDeletion", "KeyPolicyChanges",
                        "RootActivity");
    }

    @Test
    @Requirement("BCK-1")
    void bck1_bothVaultsAreRetainedAndTaggedMedicalSensitive() {
        for (Template t : List.of(backup, replica)) {
            t.hasResource("AWS::Backup::BackupVault", Map.of(
                    "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain",
                    "Properties", Match.objectLike(Map.of("BackupVaultTags", Match.objectLike(Map.of("DataType", "medical-sensitive"))))));
        }
    }

    @Test
    @Requirement("BCK-1")
    void bck1_theBackupStackDeploysAfterTheStoresItSelectsAndTheVaultItCopiesTo() {
        MedSaasApp app = TestApps.app("prod");
        assertThat(app.backup().getDependencies()).contains(app.data(), app.media(), app.replica());
    }
}
