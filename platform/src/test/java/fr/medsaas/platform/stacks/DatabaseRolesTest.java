package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.data.DatabaseRoles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** HARD-6: the application never uses the master user. */
class DatabaseRolesTest {
    private static Template data;

    @BeforeAll
    static void synthesizeOnce() {
        data = TestApps.template(TestApps.app("prod").data());
    }

    @Test
    @Requirement("HARD-6")
    void aJavaFunctionInTheAppTierMakesTheRoles() {
        data.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "medical-saas-db-roles",
                "Runtime", "java21",
                "Handler", "fr.medsaas.dbroles.Handler::handleRequest",
                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", List.of(
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SecurityGroupsDbRoles.*"))))))));
        data.hasResourceProperties(DatabaseRoles.RESOURCE_TYPE, Match.objectLike(Map.of(
                "Database", "medical_saas", "Schema", "app", "Owner", "medical_saas_owner",
                "AppRole", "medical_saas_app", "MigrationRole", "medical_saas_migration",
                "Port", "5432")));
    }

    @Test
    @Requirement("HARD-6")
    void eachRoleHasAGeneratedSecretUnderTheSecretsKeyRotatedWithAlternatingUsers() {
        for (String role : List.of("app", "migration")) {
            data.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                    "Name", "medical-saas/postgres-" + role,
                    "KmsKeyId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysSecrets.*")),
                    "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "password")))));
        }
        Map<String, Map<String, Object>> multiUser = data.findResources("AWS::SecretsManager::RotationSchedule",
                Map.of("Properties", Match.objectLike(Map.of("HostedRotationLambda", Match.objectLike(Map.of(
                        "RotationType", "PostgreSQLMultiUser"))))));
        assertThat(multiUser).hasSize(2);
    }

    @Test
    @Requirement("HARD-6")
    void databaseUrlIsBuiltFromTheApplicationRoleNotTheMaster() {
        Capture env = new Capture();
        data.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "medical-saas-secrets-builder", "Environment", Map.of("Variables", env))));
        assertThat(env.asObject().get("DATABASE_SECRET_ARN").toString()).contains("DatabaseRolesAppUserSecretAttachment");
        assertThat(env.asObject().toString()).doesNotContain("PostgresMasterSecret");
    }

    @Test
    @Requirement("HARD-6")
    void theRotationsComeAfterTheRolesExist() {
        String roles = data.findResources(DatabaseRoles.RESOURCE_TYPE).keySet().iterator().next();
        Map<String, Map<String, Object>> multiUser = data.findResources("AWS::SecretsManager::RotationSchedule",
                Map.of("Properties", Match.objectLike(Map.of("HostedRotationLambda", Match.objectLike(Map.of(
                        "RotationType", "PostgreSQLMultiUser"))))));
        assertThat(multiUser.values()).allSatisfy(r -> assertThat(r.get("DependsOn").toString()).contains(roles));
    }
}
