package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.guardrails.Guardrails;
import fr.medsaas.config.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HARD-9: {@code medsaas guardrails} writes the environment's SCPs and RCP, within Organizations' limits. */
class GuardrailsCommandTest {
    @Test
    @Requirement("HARD-9")
    void writesEachPolicyFromTheConfigurationWithinOrganizationsLimits(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("guardrails", "--config", CliRun.configDir() + "/prod.yaml", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> files;
        try (Stream<Path> list = Files.list(tmp)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactly("medsaas-prod-data-perimeter.json", "medsaas-prod-keys-and-locks.json",
                "medsaas-prod-regions.json", "medsaas-prod-security-services.json", "medsaas-prod-task-role-perimeter.json");
        JsonNode regions = new ObjectMapper().readTree(tmp.resolve("medsaas-prod-regions.json").toFile());
        // The configuration's regions, and its break-glass role, are what the policy names.
        assertThat(regions.toString()).contains("\"eu-west-3\"", "\"eu-central-1\"", "\"us-east-1\"",
                "arn:aws:iam::*:role/medical-saas-break-glass");
        JsonNode perimeter = new ObjectMapper().readTree(tmp.resolve("medsaas-prod-data-perimeter.json").toFile());
        assertThat(perimeter.toString()).contains("arn:aws:iam::*:role/medical-saas-ecs-task-role", "aws:SourceVpc");
        for (String f : files) {
            String compact = new ObjectMapper().readTree(tmp.resolve(f).toFile()).toString();
            assertThat(compact.length()).as(f).isLessThanOrEqualTo(Guardrails.MAX_SCP_CHARACTERS);
        }
        assertThat(run.out()).contains("SCP medsaas-prod-regions", "RCP medsaas-prod-data-perimeter",
                "of 5120 characters", "medical-saas-break-glass");
    }

    @Test
    void devNamesItsOwnRoles(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("guardrails", "--config", CliRun.configDir() + "/dev.yaml", "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(tmp.resolve("medsaas-dev-task-role-perimeter.json")))
                .contains("arn:aws:iam::*:role/medical-saas-dev-ecs-task-role").doesNotContain("role/medical-saas-ecs-task-role");
    }
}
