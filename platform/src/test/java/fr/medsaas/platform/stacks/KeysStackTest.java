package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
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
                        "Condition", Map.of("StringEquals", Match.objectLike(Map.of(
                                "kms:ViaService", "rds.eu-west-3.amazonaws.com",
                                "kms:CallerAccount", Map.of("Ref", "AWS::AccountId"))))))))))));
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

    @Test
    @Requirement("KMS-2")
    void noKeyGrantsAnythingToAnyoneWithoutACondition() {
        // The only unconditioned statement is the source's account statement (IAM decides);
        // every other principal is held by a condition.
        Map<String, Map<String, Object>> all = keys.findResources("AWS::KMS::Key");
        assertThat(all.values()).allSatisfy(key -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>)
                    ((Map<String, Object>) ((Map<String, Object>) key.get("Properties")).get("KeyPolicy")).get("Statement");
            for (Map<String, Object> s : statements) {
                if ("AllowEventBridgeToPublishToTheAlertsTopic".equals(s.get("Sid"))) {
                    // OBS-5's one exception: EventBridge's KMS requests for an SNS target carry no
                    // source account or ARN, so any condition would drop every security event; the
                    // alerts key encrypts the alerts topic only, whose own policy holds the condition.
                    assertThat(s.get("Principal").toString()).contains("events.amazonaws.com");
                    assertThat(s.get("Action").toString()).doesNotContain("kms:*", "kms:Encrypt");
                } else if (!"Enable IAM User Permissions".equals(s.get("Sid"))) {
                    assertThat(s).as("statement " + s.get("Sid")).containsKey("Condition");
                } else {
                    assertThat(s.get("Principal").toString()).contains(":root");
                }
            }
        });
    }

    @Test
    @Requirement("DB-9")
    void keysOfHealthDataAreTaggedMedicalSensitive() {
        keys.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp("Application data.*"),
                "Tags", Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive"))))));
    }
}
