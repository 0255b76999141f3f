package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI-4: {@code medsaas bootstrap}; a real bootstrap cannot run here, its commands are checked with --dry-run. */
class BootstrapCommandTest {
    @TempDir
    Path tmp;

    private static List<String> bootstrapLines(CliRun run) {
        return run.out().lines().filter(l -> l.startsWith("npx aws-cdk@2 bootstrap")).toList();
    }

    @Test
    @Requirement("CI-4")
    void ci4_dryRunPrintsOneBootstrapPerRegionWithTheCustomerKey() {
        CliRun run = CliRun.of("bootstrap", "--config", CliRun.configDir() + "/prod.yaml", "--dry-run",
                "--account", "123456789012");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = bootstrapLines(run);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("npx aws-cdk@2 bootstrap aws://123456789012/eu-west-3 ");
        assertThat(lines.get(1)).startsWith("npx aws-cdk@2 bootstrap aws://123456789012/eu-central-1 ");
        assertThat(lines.get(2)).startsWith("npx aws-cdk@2 bootstrap aws://123456789012/us-east-1 ");
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("--bootstrap-customer-key", "--termination-protection",
                "--cloudformation-execution-policies arn:aws:iam::123456789012:policy/MedSaas-prod-CdkExecution",
                "--tags Environment=production", "--tags Compliance=RGPD")
                .doesNotContain("AdministratorAccess").doesNotContain("--qualifier"));
        assertThat(run.out()).contains("aws iam create-policy --policy-name MedSaas-prod-CdkExecution "
                + "--policy-document file://cdk-execution-policy.json");
    }

    @Test
    @Requirement("CI-4")
    void ci4_dryRunWithoutAnAccountPrintsAPlaceholder() {
        CliRun run = CliRun.of("bootstrap", "--config", CliRun.configDir() + "/dev.yaml", "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(bootstrapLines(run)).hasSize(3).allSatisfy(l -> assertThat(l).contains("aws://ACCOUNT_ID/",
                "policy/MedSaas-dev-CdkExecution", "--tags Environment=dev"));
    }

    @Test
    @Requirement("CI-4")
    void ci4_printPolicyWritesTheExecutionPolicyDocument() throws IOException {
        CliRun run = CliRun.of("bootstrap", "--config", CliRun.configDir() + "/prod.yaml", "--print-policy",
                "--account", "123456789012");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(doc.get("Statement").toString()).doesNotContain("\"*:*\"").doesNotContain("\"iam:*\"")
                .contains("arn:aws:iam::123456789012:role/MedSaas-prod-*");
    }

    @Test
    @Requirement("CI-4")
    void refusesABadAccountWithExit2() {
        CliRun run = CliRun.of("bootstrap", "--config", CliRun.configDir() + "/prod.yaml", "--dry-run", "--account", "12345");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--account: value \"12345\" is refused: an AWS account id of 12 digits");
    }

    @Test
    @Requirement("CI-4")
    void refusesARealRunWithoutAnAccountWithExit2() {
        CliRun run = CliRun.of("bootstrap", "--config", CliRun.configDir() + "/prod.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--account is required");
        assertThat(run.out()).doesNotContain("running:");
    }

    @Test
    @Requirement("CI-4")
    void refusesABadConfigurationWithExit2() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "prod.yaml"))
                .replaceFirst("imagesKept: 30", "imagesKept: 0"));
        CliRun run = CliRun.of("bootstrap", "--config", config.toString(), "--dry-run");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("delivery.imagesKept", "1 to 1000");
        assertThat(run.out()).isEmpty();
    }
}
