package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-1, CFG-1: {@code medsaas synth} output, exit codes, and nothing written on bad input. */
class SynthCommandTest {
    @TempDir
    static Path tmp;
    private static CliRun prod;
    private static Path prodOut;

    @BeforeAll
    static void synthesizeProdOnce() {
        prodOut = tmp.resolve("prod.out");
        prod = CliRun.of("synth", "--config", CliRun.configDir() + "/prod.yaml", "--out", prodOut.toString());
    }

    @Test
    @Requirement("CLI-1")
    void synthWritesTheAssemblyAndPrintsOneLinePerStack() {
        assertThat(prod.exitCode()).as(prod.err()).isZero();
        assertThat(prod.out()).containsPattern("MedSaas-prod-Keys\\s+eu-west-3\\s+\\d+ resources")
                .containsPattern("MedSaas-prod-Network\\s+eu-west-3\\s+\\d+ resources")
                .contains("0 open errors")
                .containsPattern("assembly written to .* in \\d+\\.\\d s");
        assertThat(prodOut.resolve("manifest.json")).isRegularFile();
        assertThat(prodOut.resolve("MedSaas-prod-Network.template.json")).isRegularFile();
        assertThat(prodOut.resolve("validation-report.json")).isRegularFile();
    }

    @Test
    @Requirement("CLI-1")
    void noStagingFolderIsLeftBeside() throws IOException {
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".staging-") || n.contains(".old-"));
        }
    }

    @Test
    void refusesAnUnknownEnvironmentWithExit2AndWritesNothing() {
        Path out = tmp.resolve("nowhere.out");
        CliRun run = CliRun.of("synth", "--env", "nowhere", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("env: value \"nowhere\" is refused: one of prod, staging, dev");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAVpcInUsEast1WithExit2AndWritesNothing() throws IOException {
        Path config = tmp.resolve("us.yaml");
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "prod.yaml")).replace("eu-west-3", "us-east-1"));
        Path out = tmp.resolve("us.out");
        CliRun run = CliRun.of("synth", "--config", config.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(config.toString()).contains("regions.primary")
                .contains("\"us-east-1\"").contains("inside the EU");
        assertThat(out).doesNotExist();
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".us.out"));
        }
    }

    @Test
    void refusesABadConfigurationAndLeavesAnEarlierAssemblyUntouched() throws IOException {
        Path out = tmp.resolve("kept.out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("marker"), "earlier assembly");
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "prod.yaml"))
                .replace("retentionDays: 365", "retentionDays: 30"));
        CliRun run = CliRun.of("synth", "--config", config.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("logging.retentionDays").contains("\"30\"").contains("365, 400, 545 or 731");
        assertThat(out.resolve("marker")).hasContent("earlier assembly");
    }

    @Test
    void refusesAnUnknownOptionWithExit2() {
        CliRun run = CliRun.of("synth", "--colour", "blue");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("medsaas synth: unknown option '--colour'");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("synth").contains("Exit codes:")
                .contains("2   bad usage or configuration").contains("3   compliance findings");
    }

    @Test
    void refusesARetiredPostgresVersionAndAShortBackupInProdWithExit2AndWritesNothing() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("retired"));
        Path config = dir.resolve("prod.yaml");
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "prod.yaml"))
                .replace("version: \"15.15\"", "version: \"15.4\"")
                .replace("backupRetentionDays: 30", "backupRetentionDays: 7"));
        Path out = dir.resolve("cdk.out");
        CliRun run = CliRun.of("synth", "--config", config.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("data.postgres.version: value \"15.4\" is refused", "15.13",
                "data.postgres.backupRetentionDays: value \"7\" is refused", "30 to 35 in prod");
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(config);
        }
    }
}
