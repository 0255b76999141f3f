package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-1: a user's mistakes (a misspelled flag or command, a missing file, bad YAML) get one clear line and exit 2. */
class UsageMistakesTest {
    @TempDir
    static Path tmp;

    @Test
    @Requirement("CLI-1")
    void aMisspelledOptionGetsTheClosestRealOneOnOneLine() {
        CliRun run = CliRun.of("check", "--formt", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("medsaas check: unknown option '--formt'; did you mean '--format'?" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMisspelledOptionOfAnyCommandGetsItsClosestOption() {
        assertThat(CliRun.of("report", "--lnag", "fr").err()).startsWith("medsaas report: unknown option '--lnag'; did you mean '--lang'?");
        assertThat(CliRun.of("cost", "--usgae=x.yaml").err()).startsWith("medsaas cost: unknown option '--usgae'; did you mean '--usage'?");
        assertThat(CliRun.of("deploy", "--lcoal").err()).startsWith("medsaas deploy: unknown option '--lcoal'; did you mean '--local'?");
        CliRun synth = CliRun.of("synth", "--colour", "blue");
        assertThat(synth.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(synth.err().lines().toList()).hasSize(1);
    }

    @Test
    void anOptionCloseToNoneListsTheCommandsOptionsOnOneLine() {
        CliRun run = CliRun.of("check", "--sevrity", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas check: unknown option '--sevrity'; its options: "
                + "--assembly, --config, --env, --format, --help, --out, --profile, --region, --template, --verbose, --version "
                + "(see medsaas check --help)");
    }

    @Test
    void aMisspelledCommandGetsTheClosestCommand() {
        CliRun run = CliRun.of("chek");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: unknown command 'chek'; did you mean 'check'?");
    }

    @Test
    void aMissingConfigurationFileIsNamedAsMissing() {
        CliRun run = CliRun.of("check", "--config", "/nope.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: configuration file /nope.yaml does not exist");
    }

    @Test
    void aFolderGivenAsConfigurationFileIsNamedAsAFolder() {
        CliRun run = CliRun.of("check", "--config", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: configuration file " + tmp + " is a folder, not a YAML file");
    }

    @Test
    void anUnreadableConfigurationFileIsNamedAsUnreadable() throws IOException {
        Path file = Files.writeString(tmp.resolve("locked.yaml"), "name: dev\n");
        if (!file.toFile().setReadable(false) || Files.isReadable(file)) {
            return; // root reads any file: nothing to prove here
        }
        CliRun run = CliRun.of("check", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: configuration file " + file + " cannot be read (permission denied)");
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileTheLineTheColumnAndWhatWasExpected() throws IOException {
        // Line 13 of dev.yaml is "  natGateways: 1"; indented one space too many, it cannot belong to network's mapping.
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of(CliRun.configDir(), "dev.yaml")));
        assertThat(lines.get(12)).isEqualTo("  natGateways: 1");
        lines.set(12, "   natGateways: 1");
        Path file = Files.writeString(tmp.resolve("dev.yaml"), String.join("\n", lines) + "\n");
        CliRun run = CliRun.of("check", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: configuration file " + file
                + " is not valid YAML at line 13, column 4: while parsing a block mapping, expected <block end>, but found "
                + "'<block mapping start>'");
    }

    @Test
    void aMissingUsageFileIsNamedAsMissing() {
        CliRun run = CliRun.of("cost", "--assembly", tmp.toString(), "--usage", "/nope-usage.yaml");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("medsaas: usage file /nope-usage.yaml does not exist");
    }
}
