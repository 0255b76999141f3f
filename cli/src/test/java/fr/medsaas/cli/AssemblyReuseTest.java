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
    void freshSynthesizesAgain() {
        CliRun fresh = CliRun.of("cost", "--config", CliRun.configDir() + "/dev.yaml", "--from", dev.toString(), "--fresh");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.err()).doesNotContain("reused");
        assertThat(fresh.out()).contains("MedSaas-dev-");
    }
}
