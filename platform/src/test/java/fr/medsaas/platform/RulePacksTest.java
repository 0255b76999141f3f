package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.Acknowledgement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.Finding;
import fr.medsaas.compliance.assembly.ValidationReport;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CMPL-1: the whole prod app, every stack, every pack: zero unacknowledged errors. */
class RulePacksTest {
    private static Synthesizer.Result result;
    private static Path out;

    @BeforeAll
    static void synthesizeWithEveryPack() {
        result = TestApps.checked("prod");
        out = result.assembly().directory();
    }

    @Test
    @Requirement("CMPL-1")
    void everyPackRanOnTheWholeApp() {
        assertThat(result.rulePacks()).containsExactly("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "MedSaas.HDS-RGPD");
        // cdk-nag's metadata writer ran: acknowledged rules of all three packs are in the templates.
        assertThat(Acknowledgement.of(result.assembly())).extracting(Acknowledgement::ruleId)
                .anyMatch(id -> id.startsWith("AwsSolutions-"))
                .anyMatch(id -> id.startsWith("HIPAA.Security-"))
                .anyMatch(id -> id.startsWith("NIST.800.53.R5-"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"staging", "dev"})
    @Requirement("CMPL-1")
    void theOtherEnvironmentsAreCleanToo(String env) throws Exception {
        // Their settings differ (one zone's database, no endpoints, ...), and so can their findings.
        Synthesizer.Result other = TestApps.checked(env);
        assertThat(other.report().blocking()).extracting(Finding::describe).isEmpty();
    }

    @Test
    @Requirement("CMPL-1")
    void thePacksCatchANonCompliantResource() throws Exception {
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
    @Requirement("CMPL-1")
    void zeroUnacknowledgedErrors() {
        assertThat(result.report().blocking()).extracting(Finding::describe).isEmpty();
    }

    @Test
    @Requirement("CMPL-1")
    void everyAcknowledgementCarriesAReason() {
        assertThat(Acknowledgement.of(result.assembly())).isNotEmpty()
                .allSatisfy(a -> assertThat(a.reason()).as(a.toString()).hasSizeGreaterThan(40));
    }

    @Test
    @Requirement("CMPL-1")
    void theReportStaysInTheAssembly() {
        assertThat(ValidationReport.readFrom(out)).isPresent();
        assertThat(out.resolve("manifest.json")).isRegularFile();
    }

    @Test
    @Requirement("CMPL-1")
    void acknowledgementsAreWrittenIntoTheTemplates() {
        long withMetadata = result.assembly().stacks().stream()
                .flatMap(s -> s.resources().values().stream())
                .filter(r -> r.path("Metadata").path("cdk_nag").path("rules_to_suppress").size() > 0)
                .count();
        assertThat(withMetadata).isPositive();
    }

    /**
     * CDK matches an acknowledgement to a finding by rule id across the whole app, so one
     * acknowledgement could silence the same rule on an unrelated resource. Every acknowledged
     * finding must carry an acknowledgement of its rule on its own construct or a parent.
     */
    @Test
    @Requirement("CMPL-1")
    void everyFindingIsAcknowledgedOnItsOwnConstructOrAParent() throws IOException {
        Map<String, List<String>> acknowledgedAt = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".metadata.json")).toList()) {
                json.readTree(file.toFile()).fields().forEachRemaining(e -> {
                    for (JsonNode entry : e.getValue()) {
                        if ("aws:cdk:acknowledged-rules".equals(entry.path("type").asText())) {
                            entry.path("data").fieldNames().forEachRemaining(id ->
                                    acknowledgedAt.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(id));
                        }
                    }
                });
            }
        }
        List<String> borrowed = new ArrayList<>();
        for (Finding f : result.report().acknowledged()) {
            String id = (f.plugin() + "::" + f.rule()).replace(' ', '-');
            boolean own = false;
            for (String path = "/" + f.constructPath(); !path.isEmpty(); path = path.substring(0, path.lastIndexOf('/'))) {
                List<String> ids = acknowledgedAt.getOrDefault(path, List.of());
                own |= ids.contains(id) || ids.contains(f.rule());
            }
            if (!own) {
                borrowed.add(f.describe());
            }
        }
        assertThat(borrowed).as("findings silenced by an acknowledgement made on another construct").isEmpty();
    }
}
