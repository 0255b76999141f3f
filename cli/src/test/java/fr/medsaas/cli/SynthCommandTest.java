package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CFG-1: {@code medsaas synth} refuses a bad data section with exit 2 and writes nothing. */
class SynthCommandTest {

    private static Path prodYaml() {
        String root = System.getProperty("medsaas.root");
        Path file = (root == null ? Path.of("..") : Path.of(root)).resolve("config").resolve("prod.yaml");
        return Files.isRegularFile(file) ? file : Path.of("..", "config", "prod.yaml");
    }

    @Test
    void cfg1_refusesARetiredPostgresVersionWithExitTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("prod.yaml");
        Files.writeString(config, Files.readString(prodYaml())
                .replace("version: \"15.15\"", "version: \"15.4\"")
                .replace("backupRetentionDays: 30", "backupRetentionDays: 7"));
        Path out = dir.resolve("cdk.out");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"synth", "--config", config.toString(), "--out", out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(err.toString()).contains("data.postgres.version: value \"15.4\" is refused", "15.10",
                "data.postgres.backupRetentionDays: value \"7\" is refused", "30 to 35 days in prod");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(config);
        }
    }
}
