package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.Acknowledgement;
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
        assertThat(result.rulePacks()).containsExactly("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5");
        // cdk-nag's metadata writer ran: acknowledged rules of all three packs are in the templates.
        assertThat(Acknowledgement.of(result.assembly())).extracting(Acknowledgement::ruleId)
                .anyMatch(id -> id.startsWith("AwsSolutions-"))
                .anyMatch(id -> id.startsWith("HIPAA.Security-"))
                .anyMatch(id -> id.startsWith("NIST.800.53.R5-"));
    }

    @Test
    void cmpl1_thePacksCatchANonCompliantResource() throws Exception {
        // The same registration on a deliberately bad bucket must fail: a pack that cannot fail proves nothing.
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(software.amazon.awscdk.AppProps.builder()
                .outdir(Files.createTempDirectory("medsaas-bad-").toString()).build());
        fr.medsaas.platform.nag.RulePacks.register(app);
        software.amazon.awscdk.Stack stack = new software.amazon.awscdk.Stack(app, "Bad");
        new software.amazon.awscdk.services.s3.CfnBucket(stack, "Open");
        org.assertj.core.api.Assertions.assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
        Path report = Path.of(app.getOutdir()).resolve(ValidationReport.FILE);
        assertThat(ValidationReport.readFrom(report.getParent()).orElseThrow().blocking())
                .extracting(Finding::rule)
                .contains("AwsSolutions-S1", "HIPAA.Security-S3BucketLoggingEnabled", "NIST.800.53.R5-S3BucketLoggingEnabled");
    }

    @Test
    void cmpl1_zeroUnacknowledgedErrors() {
        assertThat(result.report().blocking()).extracting(Finding::describe).isEmpty();
    }

    @Test
    void cmpl1_everyAcknowledgementCarriesAReason() {
        assertThat(Acknowledgement.of(result.assembly())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.reason()).as(a.toString()).hasSizeGreaterThan(40));
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
