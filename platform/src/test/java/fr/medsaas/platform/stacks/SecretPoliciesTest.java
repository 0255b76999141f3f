package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.iam.SecretReaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** HARD-7: every secret of the Data stack denies its value to all but the roles that need it. */
class SecretPoliciesTest {
    private static Template data;

    @BeforeAll
    static void synthesizeOnce() {
        data = TestApps.template(TestApps.app("prod").data());
    }

    /** The readers named by the deny of the secret whose logical ID starts with {@code secretIdPrefix}. */
    @SuppressWarnings("unchecked")
    private static String readersOf(String secretIdPrefix) {
        Map<String, Map<String, Object>> policies = data.findResources("AWS::SecretsManager::ResourcePolicy");
        List<String> found = policies.values().stream()
                .map(p -> (Map<String, Object>) p.get("Properties"))
                .filter(p -> String.valueOf(p.get("SecretId")).contains(secretIdPrefix))
                .flatMap(p -> ((List<Map<String, Object>>) ((Map<String, Object>) p.get("ResourcePolicy")).get("Statement")).stream())
                .filter(s -> SecretReaders.SID.equals(s.get("Sid")))
                .map(s -> {
                    assertThat(s).containsEntry("Effect", "Deny").containsEntry("Action", "secretsmanager:GetSecretValue")
                            .containsEntry("Principal", Map.of("AWS", "*"));
                    return s.get("Condition").toString();
                })
                .toList();
        assertThat(found).as("deny of " + secretIdPrefix).hasSize(1);
        return found.get(0);
    }

    @Test
    @Requirement("HARD-7")
    void hard7_theMasterSecretIsReadableByNoRuntimeRole() {
        String readers = readersOf("PostgresMasterSecretAttachment");
        assertThat(readers).doesNotContain("ecs-task-role").doesNotContain("ecs-execution-role")
                .doesNotContain("secrets-builder-role")
                .contains("medical-saas-db-roles-role").contains("cfn-exec-role").contains("role/MedSaas-prod-Data-*");
    }

    @Test
    @Requirement("HARD-7")
    void hard7_theRedisTokenIsReadableByTheDeployerAndTheBuilderOnly() {
        String readers = readersOf("RedisAuthToken");
        assertThat(readers).doesNotContain("ecs-").contains("secrets-builder-role").contains("cfn-exec-role");
    }

    @Test
    @Requirement("HARD-7")
    void hard7_theApplicationsSecretsAreReadByTheExecutionRoleAndTheBuilderOnly() {
        for (String secret : List.of("SecretsDatabaseUrl", "SecretsRedisUrl", "SecretsEncryptionKey")) {
            String readers = readersOf(secret);
            assertThat(readers).as(secret).contains("medical-saas-ecs-execution-role").contains("secrets-builder-role")
                    .doesNotContain("ecs-task-role").doesNotContain("cfn-exec-role");
        }
    }

    @Test
    @Requirement("HARD-6")
    void hard6_theRolesSecretsAreReadByNoRuntimeRole() {
        String app = readersOf("DatabaseRolesAppUserSecret");
        assertThat(app).doesNotContain("ecs-").contains("secrets-builder-role").contains("db-roles-role");
        String migration = readersOf("DatabaseRolesMigrationUserSecret");
        assertThat(migration).doesNotContain("ecs-task-role").doesNotContain("secrets-builder-role")
                .doesNotContain("medical-saas-ecs-execution-role").contains("ecs-migration-execution-role");
    }

    @Test
    @Requirement("HARD-7")
    @SuppressWarnings("unchecked")
    void hard7_eachSecretHasOneResourcePolicyOnly() {
        // Secrets Manager keeps one policy a secret: two ResourcePolicy resources on one secret
        // (directly and through its attachment) would overwrite each other, losing a deny.
        Map<String, Map<String, Object>> attachments = data.findResources("AWS::SecretsManager::SecretTargetAttachment");
        List<String> targets = data.findResources("AWS::SecretsManager::ResourcePolicy").values().stream()
                .map(p -> String.valueOf(((Map<String, Object>) ((Map<String, Object>) p.get("Properties")).get("SecretId")).get("Ref")))
                .map(ref -> attachments.containsKey(ref)
                        ? String.valueOf(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) attachments.get(ref)
                                .get("Properties")).get("SecretId"))).get("Ref"))
                        : ref)
                .toList();
        assertThat(targets).doesNotHaveDuplicates();
    }

    @Test
    @Requirement("HARD-7")
    void hard7_everySecretOfThePlatformHasItsDeny() {
        assertThat(data.findResources("AWS::SecretsManager::Secret")).hasSize(SecretReaders.of(
                fr.medsaas.platform.constructs.iam.PlatformPrincipals.of(TestApps.config("prod"))).size());
        assertThat(data.findResources("AWS::SecretsManager::ResourcePolicy").values().stream()
                .filter(p -> p.toString().contains(SecretReaders.SID))).hasSize(7);
        // The Data stack holds every secret of the platform, in every environment: a secret made in
        // another stack would escape the count above.
        for (String env : List.of("prod", "dev")) {
            for (fr.medsaas.compliance.assembly.StackTemplate stack : TestApps.assembly(env).stacks()) {
                long secrets = stack.resources().values().stream()
                        .filter(r -> r.path("Type").asText().equals("AWS::SecretsManager::Secret")).count();
                assertThat(secrets).as(env + " " + stack.stackName())
                        .isEqualTo(stack.stackName().endsWith("-Data") ? 7 : 0);
            }
        }
    }
}
