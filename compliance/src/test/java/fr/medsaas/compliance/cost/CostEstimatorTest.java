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
import java.util.List;
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
        assertThat(CostWriter.text(report)).contains("Not priced (1 resource; not in the total)").contains("AWS::AppRunner::Service");
        assertThat(CostWriter.csv(report)).contains("Unknown,AWS::AppRunner::Service,not priced");
    }

    @Test
    void jsonAndCsvCarryTheSameTotal() throws Exception {
        var json = new ObjectMapper().readTree(CostWriter.json(report));
        assertThat(json.path("totalMonthly").asDouble()).isCloseTo(report.totalUsd(), within(0.01));
        assertThat(json.path("currency").asText()).isEqualTo("USD");
        List<String[]> rows = CostWriter.csv(report).lines().skip(1).map(l -> l.split(",")).toList();
        double csvSum = rows.stream().filter(f -> !f[0].equals("total") && !f[8].isEmpty())
                .mapToDouble(f -> Double.parseDouble(f[8])).sum();
        assertThat(csvSum).isCloseTo(report.totalUsd(), within(0.01));
        // The last row is the total, the sum of the priced rows as printed.
        String[] total = rows.get(rows.size() - 1);
        assertThat(total[0]).isEqualTo("total");
        assertThat(Double.parseDouble(total[8])).isCloseTo(csvSum, within(0.00001));
        assertThat(rows.stream().filter(f -> f[0].equals("total"))).hasSize(1);
    }

    @Test
    void theEurRateConvertsOnlyWithinAMonthOfThePrices() {
        String head = "# date: 2026-11-29\n# currency: USD\n# eur_per_usd: 0.86\n# eur_per_usd_source: ECB\n";
        PriceTable fresh = PriceTable.parse(head + "# eur_per_usd_date: 2026-11-27\n");
        assertThat(fresh.eurRate()).contains(0.86);
        assertThat(fresh.eurRateStaleness()).isEmpty();
        assertThat(PriceTable.parse(head + "# eur_per_usd_date: 2026-10-29\n").eurRate()).as("31 days before").contains(0.86);
        PriceTable yearOld = PriceTable.parse(head + "# eur_per_usd_date: 2025-11\n");
        assertThat(yearOld.eurRate()).as("a rate of a year before the prices").isEmpty();
        assertThat(yearOld.eurRateStaleness()).contains("the EUR rate 0.86 is dated 2025-11, 364 days from the prices "
                + "(2026-11-29); a rate within 31 days of them is needed (eur_per_usd and eur_per_usd_date in prices.csv's header)");
        assertThat(PriceTable.parse(head).eurRate()).as("a rate without a date").isEmpty();
        assertThat(CostWriter.text(CostEstimator.estimate(CloudAssembly.read(NEXT), yearOld, UsageAssumptions.shipped()))).contains("EUR: not converted: the EUR rate 0.86 is dated 2025-11")
                .doesNotContain(" EUR at ");
        assertThat(CostWriter.text(CostEstimator.estimate(CloudAssembly.read(NEXT), fresh, UsageAssumptions.shipped()))).contains(" EUR at 0.86 EUR per USD")
                .contains("EUR rate: 0.86 of 2026-11-27 (ECB)").doesNotContain("not converted");
    }

    @Test
    void theShippedEurRateIsUsedOnlyWhenDatedWithinAMonthOfTheShippedPrices() {
        long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(PriceTable.day(prices.eurRateDate()), PriceTable.day(prices.date())));
        assertThat(prices.eurRate().isPresent()).as("the shipped rate is %d days from the prices", days)
                .isEqualTo(days <= PriceTable.EUR_RATE_MAX_DAYS_FROM_PRICES);
    }

    @Test
    void priceTableSaysItsDateCurrencyRateAndSources() {
        assertThat(prices.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.currency()).isEqualTo("USD");
        assertThat(prices.eurRateDate()).matches("\\d{4}-\\d{2}(-\\d{2})?");
        assertThat(prices.eurRateSource()).contains("ECB");
        assertThat(prices.sources()).contains("A =").contains("B =").contains("C =").contains("D =");
        assertThat(prices.rows().values()).allSatisfy(r -> {
            assertThat(r.region()).isIn(Set.of("eu-west-3", "eu-central-1", "us-east-1", "global"));
            // D: not found in the sources at hand on the table's date, and said so in the row (HARD-9's GuardDuty plans).
            assertThat(r.source()).isIn("A", "B", "C", "D");
            if (r.source().equals("D")) {
                assertThat(r.description()).contains("not confirmed");
            }
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

    /** An assembly's manifest of two stacks: P in eu-west-3 and B in eu-central-1. */
    private static void twoStackManifest(Path dir) throws java.io.IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {
                 "P": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/eu-west-3",
                       "properties": {"templateFile": "P.template.json", "stackName": "P"}},
                 "B": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/eu-central-1",
                       "properties": {"templateFile": "B.template.json", "stackName": "B"}}}}
                """);
    }

    /** A primary region with the trail, and a backup region with its own monitoring and a locked vault. */
    private Path twoRegions() throws Exception {
        Path dir = tmp.resolve("two-regions");
        Files.createDirectories(dir);
        twoStackManifest(dir);
        Files.writeString(dir.resolve("P.template.json"), """
                {"Resources": {
                 "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsMultiRegionTrail": true}},
                 "Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}},
                 "Nat": {"Type": "AWS::EC2::NatGateway", "Properties": {}},
                 "Kms": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcEndpointType": "Interface",
                         "ServiceName": "com.amazonaws.eu-west-3.kms", "SubnetIds": ["a", "b"]}},
                 "S3": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcEndpointType": "Gateway",
                        "ServiceName": {"Fn::Join": ["", ["com.amazonaws.", {"Ref": "AWS::Region"}, ".s3"]]}}},
                 "TrailBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "trail-logs",
                        "ObjectLockConfiguration": {"ObjectLockEnabled": "Enabled",
                          "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 365}}}}}}}
                """);
        Files.writeString(dir.resolve("B.template.json"), """
                {"Resources": {
                 "Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}},
                 "Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": {
                        "RecordingGroup": {"AllSupported": true, "IncludeGlobalResourceTypes": false}}},
                 "Rule": {"Type": "AWS::Config::ConfigRule", "Properties": {}},
                 "Hub": {"Type": "AWS::SecurityHub::Hub", "Properties": {}},
                 "AuditKey": {"Type": "AWS::KMS::Key", "Properties": {}},
                 "ConfigBucket": {"Type": "AWS::S3::Bucket", "Properties": {}},
                 "Channel": {"Type": "AWS::Config::DeliveryChannel", "Properties": {"S3BucketName": {"Ref": "ConfigBucket"},
                        "S3KmsKeyArn": {"Fn::GetAtt": ["AuditKey", "Arn"]}}},
                 "Forward": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [{"Arn":
                        {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":events:eu-west-3:", {"Ref": "AWS::AccountId"},
                        ":event-bus/default"]]}}]}},
                 "Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"LockConfiguration":
                        {"MinRetentionDays": 30, "MaxRetentionDays": 35, "ChangeableForDays": 3}}}}}
                """);
        return dir;
    }

    @Test
    @Requirement({"COST-1", "HARD-9", "HARD-10"})
    void saysWhatTheOtherRegionsMonitoringAddsFromItsOwnLinesAndUsage() throws Exception {
        UsageAssumptions usage = UsageAssumptions.shipped();
        CostReport r = CostEstimator.estimate(CloudAssembly.read(twoRegions()), prices, usage);
        assertThat(r.notPriced()).isEmpty();
        // The backup region's quantities are its own usage keys, the primary's stay as they were.
        assertThat(r.lines()).filteredOn(l -> l.stack().equals("B") && l.priceId().equals("guardduty.s3"))
                .extracting(CostReport.Line::quantity).containsExactly(usage.get("guardduty.backupRegion.s3EventsMillions"));
        assertThat(r.lines()).filteredOn(l -> l.stack().equals("P") && l.priceId().equals("guardduty.s3"))
                .extracting(CostReport.Line::quantity).containsExactly(usage.get("guardduty.s3EventsMillions"));
        assertThat(r.lines()).filteredOn(l -> l.priceId().equals("config.item"))
                .extracting(CostReport.Line::what).containsExactly("usage config.backupRegion.itemsPerMonth");
        assertThat(r.lines()).filteredOn(l -> l.priceId().equals("securityhub.check"))
                .extracting(CostReport.Line::quantity).containsExactly(usage.get("securityhub.backupRegion.checksPerMonth"));

        double expected = r.lines().stream().filter(l -> l.stack().equals("B") && !l.logicalId().equals("Vault"))
                .mapToDouble(CostReport.Line::monthlyUsd).sum();
        assertThat(r.hardening()).extracting(CostReport.Topic::title).hasSize(5).first().asString()
                .startsWith("Monitoring of eu-central-1, beside eu-west-3 (HARD-9)");
        CostReport.Topic watch = r.hardening().get(0);
        assertThat(watch.monthlyUsd()).isCloseTo(expected, within(1e-9)).isPositive();
        assertThat(watch.details()).hasSize((int) r.lines().stream().filter(l -> l.stack().equals("B")
                && !l.logicalId().equals("Vault")).count() + 1).last().asString().startsWith("1 EventBridge rules forward");

        CostReport.Topic perimeter = r.hardening().get(1);
        double kms = r.lines().stream().filter(l -> l.logicalId().equals("Kms")).mapToDouble(CostReport.Line::monthlyUsd).sum();
        double nat = r.lines().stream().filter(l -> l.logicalId().equals("Nat")).mapToDouble(CostReport.Line::monthlyUsd).sum();
        assertThat(perimeter.monthlyUsd()).isZero();
        assertThat(String.join("\n", perimeter.details()))
                .contains(String.format(java.util.Locale.ROOT, "kms (Interface) %.2f", kms)).contains("s3 (Gateway) 0.00")
                .contains(String.format(java.util.Locale.ROOT, "not saved: 1 NAT gateways with their addresses and traffic, %.2f", nat));
        assertThat(r.hardening().get(2).monthlyUsd()).isZero();
        assertThat(r.hardening().get(2).details().get(0)).startsWith("organizations.policy: 0 USD a policy");
        assertThat(r.hardening().get(3).details())
                .anySatisfy(d -> assertThat(d).startsWith("TrailBucket (P, eu-west-3): Object Lock COMPLIANCE, each object kept 365 days and nobody"))
                .anySatisfy(d -> assertThat(d).startsWith("Vault (B, eu-central-1): vault lock in compliance mode, recovery points kept at least 30 days, the lock and the vault beyond anyone's reach 3 days"));
        assertThat(CostWriter.text(r)).contains("What the hardening adds or saves")
                .contains(String.format(java.util.Locale.ROOT, "%+10.2f", watch.monthlyUsd()));
        assertThat(new ObjectMapper().readTree(CostWriter.json(r)).path("hardening").get(0).path("monthly").asDouble())
                .isCloseTo(expected, within(0.01));
    }

    @Test
    @Requirement({"COST-1", "HARD-9"})
    void saysWhatEachGuardDutyProtectionPlanAddsLineByLine() throws Exception {
        Path dir = tmp.resolve("plans");
        Files.createDirectories(dir);
        twoStackManifest(dir);
        Files.writeString(dir.resolve("P.template.json"), """
                {"Resources": {
                 "Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsMultiRegionTrail": true}},
                 "Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true, "Features": [
                   {"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}, {"Name": "RDS_LOGIN_EVENTS", "Status": "ENABLED"},
                   {"Name": "RUNTIME_MONITORING", "Status": "ENABLED", "AdditionalConfiguration": [
                     {"Name": "ECS_FARGATE_AGENT_MANAGEMENT", "Status": "ENABLED"}]}]}},
                 "Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"DBInstanceClass": "db.r6g.xlarge", "Engine": "postgres",
                        "MultiAZ": true, "AllocatedStorage": "100", "StorageType": "gp3"}},
                 "WebTask": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": "1024", "Memory": "2048"}},
                 "Web": {"Type": "AWS::ECS::Service", "Properties": {"DesiredCount": 2, "TaskDefinition": {"Ref": "WebTask"}}},
                 "WorkerTask": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": "1024", "Memory": "2048"}},
                 "Worker": {"Type": "AWS::ECS::Service", "Properties": {"DesiredCount": 1, "TaskDefinition": {"Ref": "WorkerTask"}}},
                 "Scan": {"Type": "AWS::GuardDuty::MalwareProtectionPlan", "Properties": {}}}}
                """);
        Files.writeString(dir.resolve("B.template.json"), """
                {"Resources": {
                 "Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true, "Features": [
                   {"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}, {"Name": "RDS_LOGIN_EVENTS", "Status": "ENABLED"}]}}}}
                """);
        UsageAssumptions usage = UsageAssumptions.shipped();
        CostReport r = CostEstimator.estimate(CloudAssembly.read(dir), prices, usage);
        assertThat(r.notPriced()).isEmpty();
        // RDS protection: the instance's 4 vCPU, once although Multi-AZ keeps two copies; none in the backup region.
        assertThat(r.lines()).filteredOn(l -> l.priceId().equals("guardduty.rds"))
                .extracting(CostReport.Line::stack, CostReport.Line::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("P", 4.0), org.assertj.core.groups.Tuple.tuple("B", 0.0));
        // Runtime monitoring: 2 web tasks and 1 worker of 1 vCPU each.
        assertThat(r.lines()).filteredOn(l -> l.priceId().equals("guardduty.runtime.fargate")).singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3.0));
        assertThat(r.lines()).filteredOn(l -> l.priceId().startsWith("guardduty.malware-s3")).extracting(CostReport.Line::quantity)
                .containsExactly(usage.get("guardduty.malwareScanGbPerMonth"), usage.get("guardduty.malwareScanThousandObjectsPerMonth"));
        CostReport.Topic plans = r.hardening().get(r.hardening().size() - 1);
        assertThat(plans.title()).startsWith("GuardDuty protection plans (HARD-9)");
        double expected = r.lines().stream().filter(l -> l.priceId().matches("guardduty\\.(rds|runtime|malware).*"))
                .mapToDouble(CostReport.Line::monthlyUsd).sum();
        assertThat(plans.monthlyUsd()).isCloseTo(expected, within(1e-9)).isPositive();
        assertThat(plans.details()).hasSize(6).last().asString().contains("not billed");
        assertThat(CostWriter.text(r)).contains("GuardDuty protection plans (HARD-9)");
    }

    @Test
    void anAssemblyWithoutASecondRegionsMonitoringSaysSoWithoutATopicForIt() {
        assertThat(report.hardening()).extracting(CostReport.Topic::title).noneMatch(t -> t.startsWith("Monitoring of"));
        assertThat(report.hardening().get(0).details()).contains("no VPC endpoint: the perimeter has no endpoint to name");
    }

    @Test
    @Requirement({"COST-1", "HARD-10"})
    void withoutInterfaceEndpointsTheNatGatewaysAreNeededAndNoSavingIsClaimed() throws Exception {
        Path dir = twoRegions();
        Path primary = dir.resolve("P.template.json");
        Files.writeString(primary, Files.readString(primary).replace("\"Interface\"", "\"Gateway\""));
        CostReport r = CostEstimator.estimate(CloudAssembly.read(dir), prices, UsageAssumptions.shipped());
        assertThat(String.join("\n", r.hardening().get(1).details())).doesNotContain("not saved")
                .contains("1 NAT gateways with their addresses and traffic").contains("needed");
    }
}
