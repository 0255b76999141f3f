package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** HARD-6: migrations run as a task of their own; only its execution role reads the migration login. */
class MigrationTaskTest {
    private static Template app;

    @BeforeAll
    static void synthesizeOnce() {
        app = TestApps.template(TestApps.app("prod").application());
    }

    @Test
    @Requirement({"HARD-6", "HARD-1"})
    void theMigrationTaskGetsTheMigrationLoginAndTheOwnerRole() {
        Capture secrets = new Capture();
        app.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", "medical-saas-migrate",
                "ExecutionRoleArn", Match.anyValue(),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Command", List.of("python", "manage.py", "migrate", "--noinput"),
                        "ReadonlyRootFilesystem", true,
                        "User", "1000:1000",
                        "Memory", Match.anyValue(),
                        "Environment", Match.arrayWith(List.of(Map.of("Name", "DATABASE_ROLE", "Value", "medical_saas_owner"))),
                        "Secrets", secrets))))));
        assertThat(secrets.asArray().toString()).contains("DATABASE_USER").contains("DATABASE_PASSWORD")
                .contains(":password::").doesNotContain("DATABASE_URL");
    }

    @Test
    @Requirement("HARD-6")
    void onlyTheMigrationExecutionRoleReadsTheMigrationSecretAndNoServiceRunsIt() {
        app.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("RoleName", "medical-saas-ecs-migration-execution-role")));
        Map<String, Map<String, Object>> policies = app.findResources("AWS::IAM::ManagedPolicy");
        long readers = policies.values().stream().filter(p -> p.toString().contains("postgres-migration")
                || p.toString().contains("DatabaseRolesMigrationUserSecret")).count();
        assertThat(readers).isEqualTo(1);
        assertThat(app.findResources("AWS::ECS::Service").values())
                .noneMatch(s -> s.toString().contains("Migration"));
    }
}
