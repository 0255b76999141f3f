package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** KMS-1, KMS-2: the customer-managed keys and their policies. */
class KeysStackTest {
    private static Template keys;

    @BeforeAll
    static void synthesize() {
        keys = TestApps.template(TestApps.app("prod").keys());
    }

    @Test
    @Requirement("KMS-1")
    void everyKeyOfThePlatformExistsWithItsAlias() {
        keys.resourceCountIs("AWS::KMS::Key", KeyPurpose.values().length);
        for (String alias : List.of("data", "rds", "s3", "logs", "secrets", "backup")) {
            keys.hasResourceProperties("AWS::KMS::Alias",
                    Map.of("AliasName", "alias/medical-saas-" + alias + "-key"));
        }
    }

    @Test
    @Requirement("KMS-1")
    void everyKeyRotatesAndIsRetained() {
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        assertThat(all).hasSize(KeyPurpose.values().length);
        assertThat(all.values()).allSatisfy(key -> {
            assertThat(key).containsEntry("DeletionPolicy", "RetainExceptOnCreate").containsEntry("UpdateReplacePolicy", "Retain");
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) key.get("Properties");
            assertThat(props).containsEntry("EnableKeyRotation", true);
        });
    }

    @Test
    @Requirement("KMS-2")
    void serviceUseGoesThroughViaServiceAndCallerAccount() {
        keys.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp("RDS PostgreSQL.*"),
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowUseThroughRds",
                        "Principal", Map.of("AWS", "*"),
                        "Condition", Match.objectLike(Map.of("StringEquals", Match.objectLike(Map.of(
                                "kms:ViaService", "rds.eu-west-3.amazonaws.com",
                                "kms:CallerAccount", Map.of("Ref", "AWS::AccountId")))))))))))));
    }

    @Test
    @Requirement("KMS-2")
    void logsKeyServesOnlyThisAccountsLogGroupsInTheRegion() {
        Capture condition = new Capture();
        keys.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogsOfThisAccount",
                        "Principal", Map.of("Service", "logs.eu-west-3.amazonaws.com"),
                        "Condition", condition))))))));
        assertThat(condition.asObject().toString()).contains("kms:EncryptionContext:aws:logs:arn")
                .contains(":logs:eu-west-3:").contains("log-group:*");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOf(Map<String, Object> key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) key.get("Properties"))
                .get("KeyPolicy")).get("Statement");
    }

    @Test
    @Requirement("HARD-7")
    void kms2_noKeyGrantsAnythingToAnyoneWithoutACondition() {
        // The only unconditioned statements are the root's administration and OBS-5's EventBridge
        // exception; every other principal is held by a condition.
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        assertThat(all.values()).allSatisfy(key -> {
            for (Map<String, Object> s : statementsOf(key)) {
                if ("AllowEventBridgeToPublishToTheAlertsTopic".equals(s.get("Sid"))) {
                    // EventBridge's KMS requests for an SNS target carry no source account or ARN, so
                    // any condition would drop every security event; the alerts key encrypts the
                    // alerts topic only, whose own policy holds the condition.
                    assertThat(s.get("Principal").toString()).contains("events.amazonaws.com");
                    assertThat(s.get("Action").toString()).doesNotContain("kms:*", "kms:Encrypt");
                } else if (!PlatformKeys.ADMIN_SID.equals(s.get("Sid"))) {
                    assertThat(s).as("statement " + s.get("Sid")).containsKey("Condition");
                } else {
                    assertThat(s.get("Principal").toString()).contains(":root");
                }
            }
        });
    }

    @Test
    @Requirement("HARD-7")
    void hard7_rootAdministersButNeitherUsesNorGrants() {
        assertThat(PlatformKeys.ADMIN_ACTIONS).noneMatch(a -> a.equals("kms:*") || a.startsWith("kms:Encrypt")
                || a.startsWith("kms:Decrypt") || a.startsWith("kms:GenerateDataKey") || a.startsWith("kms:ReEncrypt")
                || a.startsWith("kms:Create") && !a.equals("kms:CreateAlias"));
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        assertThat(all.values()).allSatisfy(key -> assertThat(statementsOf(key))
                .filteredOn(s -> PlatformKeys.ADMIN_SID.equals(s.get("Sid")))
                .singleElement()
                .satisfies(s -> assertThat(s.get("Action")).isEqualTo(PlatformKeys.ADMIN_ACTIONS)));
    }

    @Test
    @Requirement("HARD-7")
    void hard7_everyStatementForAnyPrincipalNamesItsRolesAndTheAccount() {
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        int named = 0;
        for (Map<String, Object> key : all.values()) {
            for (Map<String, Object> s : statementsOf(key)) {
                if (!Map.of("AWS", "*").equals(s.get("Principal")) || "Deny".equals(s.get("Effect"))) {
                    continue; // HARD-4's grant deny holds every principal, by design
                }
                named++;
                String condition = s.get("Condition").toString();
                assertThat(condition).as(s.get("Sid").toString())
                        .contains("aws:PrincipalArn").contains("kms:CallerAccount").doesNotContain("role/*");
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(7);
    }

    @Test
    @Requirement("HARD-7")
    void hard7_grantsOnlyForAwsResourcesAndNeverBesideUse() {
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        for (Map<String, Object> key : all.values()) {
            for (Map<String, Object> s : statementsOf(key)) {
                String actions = String.valueOf(s.get("Action"));
                if (actions.contains("kms:CreateGrant") && !"Deny".equals(s.get("Effect"))) {
                    assertThat(s.get("Sid").toString()).endsWith("Grants");
                    assertThat(actions).doesNotContain("kms:Decrypt");
                    assertThat(s.get("Condition").toString()).contains("kms:GrantIsForAWSResource=true")
                            .contains("kms:ViaService");
                }
            }
        }
    }

    @Test
    @Requirement("HARD-7")
    void hard7_theDataKeyIsUsedDirectlyOnlyByTheTaskRole() {
        Capture arns = new Capture();
        keys.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp("Application data.*"),
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowTheApplication",
                        "Condition", Match.objectLike(Map.of("ArnLike", Map.of("aws:PrincipalArn", arns)))))))))));
        assertThat(arns.asArray()).hasSize(1);
        assertThat(arns.asArray().get(0).toString()).contains("role/medical-saas-ecs-task-role");
    }

    @Test
    @Requirement("HARD-7")
    void hard7_noRuntimeRoleUsesTheSecretsKey() {
        Map<String, Map<String, Object>> secretsKey = keys.findResources("AWS::KMS::Key", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Description", Match.stringLikeRegexp("Secrets Manager secrets.*"))))));
        assertThat(secretsKey).hasSize(1);
        String policy = secretsKey.values().iterator().next().toString();
        assertThat(policy).doesNotContain("ecs-task-role").doesNotContain("ecs-execution-role")
                .contains("secrets-builder-role").contains("cfn-exec-role").contains("role/MedSaas-prod-Data-*");
    }

    @Test
    @Requirement("DB-9")
    void keysOfHealthDataAreTaggedMedicalSensitive() {
        keys.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp("Application data.*"),
                "Tags", Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive"))))));
    }
}
