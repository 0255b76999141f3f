package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import org.junit.jupiter.api.Test;

/** AUD-1, CLI-1: {@code medsaas audit}'s usage errors and its answer when nothing can be read. */
@Requirement("AUD-1")
class AuditCommandTest {
    @Test
    void refusesAnUnknownFormatWithExit2() {
        CliRun run = CliRun.of("audit", "--env", "dev", "--format", "xml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--format").contains("xml");
    }

    @Test
    void refusesAnEndpointThatIsNotAnHttpUrlWithExit2() {
        CliRun run = CliRun.of("audit", "--env", "dev", "--config", CliRun.configDir() + "/dev.yaml", "--endpoint-url", "localhost");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--endpoint-url: value \"localhost\" is refused: an http(s) URL");
    }

    @Test
    void withoutCredentialsItSaysSoInOneLineAndExits1() {
        CliRun run = CliRun.of("audit", "--config", CliRun.configDir() + "/dev.yaml", "--profile", "medsaas-no-such-profile",
                "--endpoint-url", "http://127.0.0.1:9", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(run.err().strip()).startsWith("medsaas: no AWS credentials: set AWS_PROFILE").doesNotContain("\n")
                .contains("medsaas-no-such-profile").doesNotContain("ProviderChain");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpListsTheAuditAndItsExitCodes() {
        CliRun run = CliRun.of("audit", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--endpoint-url", "--profile", "--format", "1   nothing could be read", "3   findings");
    }
}
