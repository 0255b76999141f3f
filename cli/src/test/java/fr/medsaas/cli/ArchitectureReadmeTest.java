package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.diagram.MermaidGrammar;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's architecture diagram is the one {@code medsaas diagram --format mermaid} draws from
 * the prod templates. After a change, regenerate it: {@code mvn -B -o -pl cli -am test
 * -Dtest=ArchitectureReadmeTest -Dsurefire.failIfNoSpecifiedTests=false -Dmedsaas.updateReadme=true}.
 */
class ArchitectureReadmeTest {
    static final String START = "<!-- architecture:start (generated; ArchitectureReadmeTest keeps it in step) -->\n";
    static final String END = "<!-- architecture:end -->";

    @TempDir
    Path tmp;

    @Test
    @Requirement("DIAG-1")
    void readmeDiagramIsTheGeneratedOne() throws IOException {
        Path out = tmp.resolve("prod.out");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/prod.yaml", "--out", out.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        CliRun run = CliRun.of("diagram", "--assembly", out.toString(), "--format", "mermaid");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MermaidGrammar.errors(run.out())).isEmpty();

        Path readme = Path.of(CliRun.configDir()).getParent().resolve("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = text.substring(0, start + START.length()) + "```mermaid\n" + run.out() + "```\n" + text.substring(end);
        if (Boolean.getBoolean("medsaas.updateReadme") && !expected.equals(text)) {
            Files.writeString(readme, expected);
            text = expected;
        }
        assertThat(text).as("README architecture diagram is stale; regenerate it with -Dmedsaas.updateReadme=true").isEqualTo(expected);
    }
}
