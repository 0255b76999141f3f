package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.Finding;
import fr.medsaas.compliance.assembly.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CMPL-1: the whole prod app, every stack, every pack: zero unacknowledged errors. */
class RulePacksTest {
    private static Synthesizer.Result result;
    private static Path out;

    @BeforeAll
    static void synthesizeWithEveryPack() throws Exception {
        out = Files.createTempDirectory("medsaas-packs-").resolve("cdk.out");
        result = Synthesizer.synthesize(TestApps.config("prod"), out);
    }

    @Test
    void cmpl1_everyPackRanOnTheWholeApp() {
        assertThat(result.report().plugins())
                .contains("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5");
    }

    @Test
    void cmpl1_zeroUnacknowledgedErrors() {
        assertThat(result.report().blocking()).extracting(Finding::describe).isEmpty();
    }

    @Test
    void cmpl1_everyAcknowledgementCarriesAReason() {
        assertThat(result.report().acknowledged()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.reason()).as(f.describe()).hasSizeGreaterThan(40));
    }

    @Test
    void cmpl1_theReportStaysInTheAssembly() {
        assertThat(ValidationReport.readFrom(out)).isPresent();
        assertThat(out.resolve("manifest.json")).isRegularFile();
    }

    @Test
    void cmpl1_acknowledgementsAreWrittenIntoTheTemplates() {
        long withMetadata = result.assembly().stacks().stream()
                .flatMap(s -> s.resources().values().stream())
                .filter(r -> r.path("Metadata").path("cdk_nag").path("rules_to_suppress").size() > 0)
                .count();
        assertThat(withMetadata).isPositive();
    }
}
