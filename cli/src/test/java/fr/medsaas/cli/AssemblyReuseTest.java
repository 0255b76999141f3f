package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-1: {@code diagram}, {@code cost} and {@code report} with {@code --env} reuse the assembly
 * {@code synth} wrote when its stamp names the same configuration and commit, and only then.
 */
@Requirement("CLI-1")
class AssemblyReuseTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    static Path tmp;
    static Path dev;

    @BeforeAll
    static void synthesizeDevWithAKnownCommit() {
        System.setProperty(AssemblyStamp.COMMIT_PROPERTY, COMMIT);
        dev = tmp.resolve("cdk.out");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/dev.yaml", "--out", dev.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
    }

    @AfterAll
    static void forgetTheCommit() {
        System.clearProperty(AssemblyStamp.COMMIT_PROPERTY);
    }

    private static EnvironmentConfig config(String env) {
        return ConfigLoader.loadEnvironment(Path.of(CliRun.configDir()), env);
    }

    @Test
    void synthStampsTheAssemblyWithItsConfigurationAndCommit() throws Exception {
        assertThat(Files.readString(dev.resolve(AssemblyStamp.FILE))).contains(COMMIT).contains("\"environment\" : \"dev\"");
        assertThat(AssemblyStamp.matching(dev, config("dev"))).isPresent();
    }

    @Test
    void anotherConfigurationOrCommitOrAModifiedTreeIsNotReused() {
        assertThat(AssemblyStamp.matching(dev, config("staging"))).isEmpty();
        try {
            System.setProperty(AssemblyStamp.COMMIT_PROPERTY, "fedcba9876543210fedcba9876543210fedcba98");
            assertThat(AssemblyStamp.matching(dev, config("dev"))).isEmpty();
            System.setProperty(AssemblyStamp.COMMIT_PROPERTY, COMMIT + " (modified)");
            assertThat(AssemblyStamp.matching(dev, config("dev"))).isEmpty();
        } finally {
            System.setProperty(AssemblyStamp.COMMIT_PROPERTY, COMMIT);
        }
    }

    @Test
    void diagramWithEnvReusesItAndSaysSoAndDrawsWhatTheAssemblyHolds() {
        CliRun reused = CliRun.of("diagram", "--config", CliRun.configDir() + "/dev.yaml", "--from", dev.toString(),
                "--format", "mermaid");
        assertThat(reused.exitCode()).as(reused.err()).isZero();
        assertThat(reused.err()).startsWith("reused " + dev + " (made ").contains("same configuration and commit");
        CliRun read = CliRun.of("diagram", "--assembly", dev.toString(), "--format", "mermaid");
        assertThat(reused.out()).isEqualTo(read.out());
    }

    @Test
    @Requirement({"CLI-1", "CMPL-3"})
    void synthDrawsTheDiagramOnceAndOnlyAReportThatReusesTheAssemblyEmbedsThatDrawing() throws Exception {
        Path drawn = dev.resolve("medsaas-diagram-fr.svg");
        assertThat(dev.resolve("medsaas-diagram-en.svg")).isRegularFile();
        String original = Files.readString(drawn);
        assertThat(original).contains("viewBox=", "sous-réseaux");
        // What report --assembly lays out itself is what synth drew.
        Path read = tmp.resolve("read.html");
        CliRun run = CliRun.of("report", "--assembly", dev.toString(), "--lang", "fr", "--out", read.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(read)).contains(original.substring(original.indexOf("<title>")).strip());
        try {
            Files.writeString(drawn, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\"><text>drawn by synth</text></svg>");
            Path reused = tmp.resolve("reused.html");
            run = CliRun.of("report", "--config", CliRun.configDir() + "/dev.yaml", "--from", dev.toString(), "--lang", "fr",
                    "--out", reused.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).startsWith("reused ");
            assertThat(Files.readString(reused)).contains("drawn by synth");
            run = CliRun.of("report", "--assembly", dev.toString(), "--lang", "fr", "--out", read.toString());
            assertThat(Files.readString(read)).doesNotContain("drawn by synth");
        } finally {
            Files.writeString(drawn, original);
        }
    }

    @Test
    void freshSynthesizesAgain() {
        CliRun fresh = CliRun.of("cost", "--config", CliRun.configDir() + "/dev.yaml", "--from", dev.toString(), "--fresh");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.err()).doesNotContain("reused");
        assertThat(fresh.out()).contains("MedSaas-dev-");
    }
}
