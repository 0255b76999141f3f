package fr.medsaas.compliance.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.ConfigException;
import fr.medsaas.config.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COST-1 on a small assembly of the stacks to come: every line is a price row times a quantity. */
@Requirement("COST-1")
class CostEstimatorTest {
    static final Path NEXT = Path.of("src/test/resources/assemblies/next-stacks");
    private static CostReport report;
    private static PriceTable prices;

    @TempDir
    Path tmp;

    @BeforeAll
    static void estimate() {
        prices = PriceTable.shipped();
        report = CostEstimator.estimate(CloudAssembly.read(NEXT), prices, UsageAssumptions.shipped());
    }

    @Test
    void totalIsTheSumOfLinesAndEachLineIsRowTimesQuantity() {
        assertThat(report.totalUsd()).isCloseTo(report.lines().stream().mapToDouble(CostReport.Line::monthlyUsd).sum(), within(1e-9));
        assertThat(report.totalUsd()).isCloseTo(report.totalsByStack().values().stream().mapToDouble(Double::doubleValue).sum(), within(1e-9));
        for (CostReport.Line l : report.lines()) {
            PriceTable.Row row = prices.find(l.priceId(), l.region()).orElseThrow();
            assertThat(l.unitUsd()).isEqualTo(row.usd());
            assertThat(l.unit()).isEqualTo(row.unit());
            assertThat(l.monthlyUsd()).isEqualTo(row.usd() * l.quantity());
        }
    }

    @Test
    void pricesTheNextStacksResourceTypes() {
        assertThat(report.lines()).extracting(CostReport.Line::priceId).contains("guardduty.cloudtrail", "guardduty.flowlogs",
                "config.item", "config.evaluation", "cloudtrail.data", "backup.warm", "transfer.inter-region", "cloudwatch.alarm",
                "cloudwatch.dashboard", "sns.publish", "ecr.storage", "codebuild.general1.small", "codepipeline.v2", "kms.key");
        assertThat(report.lines()).filteredOn(l -> l.logicalId().equals("ReplicaVault"))
                .extracting(CostReport.Line::region).containsOnly("eu-central-1");
    }

    @Test
    void listsWhatItCannotPriceAndNeverCountsItAsZero() {
        assertThat(report.notPriced()).extracting(CostReport.NotPriced::type).containsExactly("AWS::AppRunner::Service");
        assertThat(report.lines()).noneMatch(l -> l.logicalId().equals("Unknown"));
        assertThat(CostWriter.text(report)).contains("Not priced (1 resources; not in the total)").contains("AWS::AppRunner::Service");
        assertThat(CostWriter.csv(report)).contains("Unknown,AWS::AppRunner::Service,not priced");
    }

    @Test
    void jsonAndCsvCarryTheSameTotal() throws Exception {
        var json = new ObjectMapper().readTree(CostWriter.json(report));
        assertThat(json.path("totalMonthly").asDouble()).isCloseTo(report.totalUsd(), within(0.01));
        assertThat(json.path("currency").asText()).isEqualTo("USD");
        double csvSum = CostWriter.csv(report).lines().skip(1).map(l -> l.split(",")).filter(f -> !f[8].isEmpty())
                .mapToDouble(f -> Double.parseDouble(f[8])).sum();
        assertThat(csvSum).isCloseTo(report.totalUsd(), within(0.01));
    }

    @Test
    void priceTableSaysItsDateCurrencyRateAndSources() {
        assertThat(prices.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.currency()).isEqualTo("USD");
        assertThat(prices.eurRate()).isPresent();
        assertThat(prices.sources()).contains("A =").contains("B =").contains("C =");
        assertThat(prices.rows().values()).allSatisfy(r -> {
            assertThat(r.region()).isIn(Set.of("eu-west-3", "eu-central-1", "us-east-1", "global"));
            assertThat(r.source()).isIn("A", "B", "C");
            assertThat(r.usd()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void usageOverridesChangeTheQuantities() throws Exception {
        Path file = tmp.resolve("usage.yaml");
        Files.writeString(file, "backup.storedGbPerVault: 1000\n");
        CostReport more = CostEstimator.estimate(CloudAssembly.read(NEXT), prices, UsageAssumptions.withOverrides(file));
        assertThat(more.lines()).filteredOn(l -> l.priceId().equals("backup.warm")).extracting(CostReport.Line::quantity).containsOnly(1000.0);
        assertThat(more.usage().source()).isEqualTo(file.toString());
    }

    @Test
    void refusesAnUnknownKeyAndANegativeNumberAtOnce() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "nat.gbProcessed: 3\nlogs.ingestedGbPerLogGroup: -1\n");
        assertThatThrownBy(() -> UsageAssumptions.withOverrides(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nat.gbProcessed: value \"3\" is refused: a known usage key")
                .hasMessageContaining("logs.ingestedGbPerLogGroup: value \"-1\" is refused: a number, 0 or more");
    }
}
