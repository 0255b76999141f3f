package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.diagram.DiagramBuilder;
import fr.medsaas.compliance.diagram.DiagramModel;
import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.compliance.diagram.DiagramModel.GroupKind;
import fr.medsaas.compliance.diagram.DiagramModel.Node;
import fr.medsaas.config.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DIAG-1, COST-1, CLI-1: {@code medsaas diagram} and {@code medsaas cost} on the prod assembly. */
class DiagramAndCostCommandTest {
    /** The range docs/cost.md justifies for the prod total with the shipped usage, USD per month. */
    static final double PROD_LOW = 1800;
    static final double PROD_HIGH = 2400;

    @TempDir
    static Path tmp;
    static Path prod;
    static DiagramModel model;

    @BeforeAll
    static void synthesizeProdOnce() {
        prod = tmp.resolve("prod.out");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/prod.yaml", "--out", prod.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        model = DiagramBuilder.build(CloudAssembly.read(prod));
    }

    private static Node node(String labelOrKind) {
        return model.nodes().stream().filter(n -> n.label().equals(labelOrKind) || n.kind().name().equals(labelOrKind))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + labelOrKind));
    }

    private static String tierOf(Node n) {
        return model.group(n.group()).label().split(" ")[0];
    }

    private static boolean edge(Node from, Node to, String label, EdgeKind kind) {
        return model.edges().contains(new Edge(from.id(), to.id(), label, kind));
    }

    @Test
    @Requirement("DIAG-1")
    void prodModelNestsRegionVpcAndTiers() {
        Node alb = node("medical-saas-alb");
        Node web = node("django-service");
        Node worker = node("celery-service");
        Node db = node("medical-saas-postgres");
        Node cache = node("medical-saas-redis");
        Node nat = node("3 × NAT gateways");
        Node endpoints = node("7 × Interface endpoints");
        assertThat(tierOf(alb)).isEqualTo("public");
        assertThat(tierOf(nat)).isEqualTo("public");
        assertThat(tierOf(web)).isEqualTo("private-app");
        assertThat(tierOf(worker)).isEqualTo("private-app");
        assertThat(tierOf(endpoints)).isEqualTo("private-app");
        assertThat(tierOf(db)).isEqualTo("private-db");
        assertThat(tierOf(cache)).isEqualTo("private-db");
        var tier = model.group(db.group());
        assertThat(tier.kind()).isEqualTo(GroupKind.TIER);
        var vpc = model.group(tier.parent());
        assertThat(vpc.kind()).isEqualTo(GroupKind.VPC);
        assertThat(vpc.label()).contains("10.0.0.0/16");
        assertThat(model.group(vpc.parent()).label()).isEqualTo("eu-west-3 (Paris)");
        assertThat(model.group(node("medical-saas-waf").group()).label()).startsWith("us-east-1");
    }

    @Test
    @Requirement("DIAG-1")
    void prodModelHasOneNodePerGroupedKind() {
        assertThat(model.nodes()).filteredOn(n -> n.kind().name().equals("Log group")).hasSize(1);
        // Keys are grouped per region: the nine of eu-west-3, the two of the Replica stack in eu-central-1.
        assertThat(model.nodes()).filteredOn(n -> n.kind().name().equals("KMS key")).hasSize(2)
                .extracting(n -> n.group()).containsExactlyInAnyOrder("r_eu_west_3", "r_eu_central_1");
        assertThat(model.nodes()).filteredOn(n -> n.kind().name().equals("NAT gateway")).hasSize(1);
        assertThat(model.nodes()).filteredOn(n -> n.kind().name().equals("Secret")).hasSize(1);
        assertThat(node("Log group").count()).isGreaterThanOrEqualTo(10);
        assertThat(model.grouped()).containsEntry("NAT gateway", 3).containsKey("Log group").containsKey("Subnet (drawn as its tier)");
        assertThat(model.hidden()).containsKey("AWS::IAM::Role").containsKey("AWS::EC2::SecurityGroupIngress")
                .doesNotContainKey("AWS::RDS::DBInstance");
    }

    @Test
    @Requirement("DIAG-1")
    void prodModelHasTheEdgesAReaderNeeds() {
        Node internet = model.node(DiagramModel.INTERNET);
        Node cdn = node("CloudFront distribution");
        Node edgeWaf = node("medical-saas-waf");
        Node media = node("medical-saas-media-prod");
        Node alb = node("medical-saas-alb");
        Node albWaf = node("medical-saas-alb-waf");
        Node web = node("django-service");
        Node worker = node("celery-service");
        Node db = node("medical-saas-postgres");
        Node cache = node("medical-saas-redis");
        assertThat(edge(internet, cdn, "443", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(edgeWaf, cdn, "filters", EdgeKind.CONTROL)).isTrue();
        assertThat(edge(cdn, media, "origin", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(internet, alb, "443", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(albWaf, alb, "filters", EdgeKind.CONTROL)).isTrue();
        assertThat(edge(alb, web, "8000", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(web, db, "5432", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(web, cache, "6379", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(worker, db, "5432", EdgeKind.TRAFFIC)).isTrue();
        assertThat(edge(worker, cache, "6379", EdgeKind.TRAFFIC)).isTrue();
        assertThat(db.keys()).containsExactly("medical-saas-rds-key");
        assertThat(media.keys()).containsExactly("medical-saas-s3-key");
        assertThat(node("Log group").keys()).containsExactly("medical-saas-logs-key");
    }

    @Test
    @Requirement({"DIAG-1", "CLI-1"})
    void diagramWritesAWellFormedSelfContainedSvg() throws Exception {
        Path out = tmp.resolve("arch.svg");
        CliRun run = CliRun.of("diagram", "--assembly", prod.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        String svg = Files.readString(out);
        assertThat(svg).doesNotContain("<script").doesNotContain("<image").doesNotContain("@import").doesNotContainPattern("href=\"(?!#)");
        // No fixed size: the viewBox scales to the window or page. Its width sets the size of the
        // text at 1280 px (12 px fonts x 1280 / width; ReportCommandTest measures it in Chromium):
        // the region's services are stacked in two columns beside the VPC (docs/diagram.md).
        assertThat(doc.getDocumentElement().getAttribute("width")).isEmpty();
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("viewBox").split(" ")[2]))
                .as("narrow enough for 10 px text at 1280 px").isLessThanOrEqualTo(1500);
    }

    @Test
    @Requirement("DIAG-1")
    void prodDrawsBothCopiesToTheBackupRegion() {
        // Both vaults are named medical-saas-backup-vault; the copy action's ARN names eu-central-1.
        Node primary = model.nodes().stream().filter(n -> n.kind().name().equals("Backup vault") && n.group().equals("r_eu_west_3"))
                .findFirst().orElseThrow();
        Node copy = model.nodes().stream().filter(n -> n.kind().name().equals("Backup vault") && n.group().equals("r_eu_central_1"))
                .findFirst().orElseThrow();
        assertThat(edge(primary, copy, "copies to", EdgeKind.COPY)).as("the AWS Backup copy job").isTrue();
        assertThat(edge(node("medical-saas-media-prod"), node("medical-saas-media-prod-replica"), "replicates", EdgeKind.COPY))
                .as("the media replication").isTrue();
    }

    @Test
    @Requirement({"DIAG-1", "CLI-1"})
    void diagramPrintsMermaidThatParses() {
        CliRun run = CliRun.of("diagram", "--assembly", prod.toString(), "--format", "mermaid");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(fr.medsaas.compliance.diagram.MermaidGrammar.errors(run.out())).isEmpty();
    }

    @Test
    @Requirement({"COST-1", "CLI-1"})
    void costPrintsEachLineAsPriceTimesQuantityAndTheTotal() {
        CliRun run = CliRun.of("cost", "--assembly", prod.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("MedSaas-prod-Data").containsPattern("rds\\.db\\.r6g\\.xlarge\\.postg.*0\\.524 USD × 1460 instance-hour\\s+765\\.04")
                .containsPattern("Total: \\d+\\.\\d\\d USD per month").contains("Not priced");
    }

    @Test
    @Requirement("COST-1")
    void prodTotalIsTheSumOfItsLinesAndInTheJustifiedRange() throws Exception {
        CliRun run = CliRun.of("cost", "--assembly", prod.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        double sum = 0;
        for (JsonNode l : json.path("lines")) {
            assertThat(l.path("monthly").asDouble()).isCloseTo(l.path("unitPrice").asDouble() * l.path("quantity").asDouble(), within(1e-9));
            sum += l.path("monthly").asDouble();
        }
        double total = json.path("totalMonthly").asDouble();
        assertThat(total).isCloseTo(sum, within(0.01)).isBetween(PROD_LOW, PROD_HIGH);
        double stacks = 0;
        for (JsonNode s : json.path("stacks")) {
            stacks += s.asDouble();
        }
        assertThat(stacks).isCloseTo(total, within(0.05));
    }

    @Test
    @Requirement("COST-1")
    void docsCostQuotesTheMeasuredProdTotalAndHardeningFigures() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("cost", "--assembly", prod.toString(), "--format", "json").out());
        String doc = Files.readString(Path.of(CliRun.configDir(), "..", "docs", "cost.md"));
        String total = String.format(java.util.Locale.ENGLISH, "%,.2f", json.path("totalMonthly").asDouble());
        String monitoring = String.format(java.util.Locale.ROOT, "+%.2f", json.path("hardening").get(0).path("monthly").asDouble());
        // The trail's lock line names the storage it keeps paying for: "...; its storage, 0.48 a month at this usage, ...".
        String trail = null;
        for (JsonNode d : json.path("hardening").get(3).path("details")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^TrailBucket.*its storage, ([0-9.]+) a month").matcher(d.asText());
            trail = m.find() ? m.group(1) : trail;
        }
        assertThat(trail).as("the trail's lock in the hardening list").isNotNull();
        assertThat(doc).as("docs/cost.md quotes figures `cost --env prod` no longer prints; re-measure and update it")
                .contains("With the shipped table (" + json.path("priceTableDate").asText() + ")").contains(total).contains("| " + monitoring + " |")
                .contains("the trail's objects 365 days (" + trail + " a month");
    }

    @Test
    @Requirement("COST-1")
    void theCsvEndsWithOneTotalRowEqualToTheSumOfItsRows() {
        CliRun run = CliRun.of("cost", "--assembly", prod.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String[]> rows = run.out().lines().skip(1).map(l -> l.split(",", -1)).toList();
        String[] last = rows.get(rows.size() - 1);
        assertThat(last[0]).isEqualTo("total");
        double sum = rows.stream().limit(rows.size() - 1).filter(f -> !f[8].isEmpty()).mapToDouble(f -> Double.parseDouble(f[8])).sum();
        assertThat(Double.parseDouble(last[8])).isCloseTo(sum, within(0.00001)).isBetween(PROD_LOW, PROD_HIGH);
        assertThat(rows.stream().filter(f -> f[0].equals("total"))).hasSize(1);
    }

    @Test
    @Requirement("COST-1")
    void eachBucketIsPricedByItsRoleAndTheReplicaAsTheMedia() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("cost", "--assembly", prod.toString(), "--format", "json").out());
        java.util.Map<String, Double> gbByBucket = new java.util.TreeMap<>();
        for (JsonNode l : json.path("lines")) {
            if (l.path("priceId").asText().equals("s3.standard")) {
                gbByBucket.put(l.path("stack").asText() + "/" + l.path("logicalId").asText(), l.path("quantity").asDouble());
            }
        }
        assertThat(gbByBucket).as("trail").hasEntrySatisfying(key(gbByBucket, "Compliance/TrailBucket"), gb -> assertThat(gb).isEqualTo(20.0));
        assertThat(gbByBucket).as("pipeline").hasEntrySatisfying(key(gbByBucket, "Delivery/Artifacts"), gb -> assertThat(gb).isEqualTo(5.0));
        assertThat(gbByBucket).as("media").hasEntrySatisfying(key(gbByBucket, "Media/MediaBucket"), gb -> assertThat(gb).isEqualTo(500.0));
        assertThat(gbByBucket).as("replica").hasEntrySatisfying(key(gbByBucket, "Replica/ReplicaBucket"), gb -> assertThat(gb).isEqualTo(500.0));
        assertThat(gbByBucket.entrySet()).filteredOn(e -> e.getKey().contains("Config")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(2.0));
        assertThat(gbByBucket.entrySet()).filteredOn(e -> e.getKey().contains("Logs")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(50.0));
        // Overridable in the usage file, the replica following the media bucket.
        Path usage = Files.writeString(tmp.resolve("big-media.yaml"), "s3.mediaStorageGb: 2000\ns3.trailStorageGb: 1\n");
        JsonNode over = new ObjectMapper().readTree(CliRun.of("cost", "--assembly", prod.toString(), "--format", "json",
                "--usage", usage.toString()).out());
        java.util.List<Double> media = new java.util.ArrayList<>();
        for (JsonNode l : over.path("lines")) {
            if (l.path("priceId").asText().equals("s3.standard") && l.path("logicalId").asText().matches("(Media|Replica)Bucket.*")) {
                media.add(l.path("quantity").asDouble());
            }
        }
        assertThat(media).containsExactly(2000.0, 2000.0);
    }

    /** The bucket whose logical ID is {@code id} and CDK's 8-character hash, in {@code stack/id}. */
    private static String key(java.util.Map<String, Double> m, String stackAndIdPrefix) {
        String[] parts = stackAndIdPrefix.split("/");
        return m.keySet().stream().filter(k -> k.matches("MedSaas-prod-" + parts[0] + "/" + parts[1] + "[0-9A-F]{8}")).findFirst()
                .orElseThrow(() -> new AssertionError("no bucket " + stackAndIdPrefix + " in " + m.keySet()));
    }

    @Test
    @Requirement("COST-1")
    void theSampleUsageFileNamesEveryKeyTheCostModelReadsAndIsAccepted() throws Exception {
        Path sample = Path.of(CliRun.configDir()).resolveSibling("docs").resolve("usage-sample.yaml");
        JsonNode keys = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(sample.toFile());
        java.util.Set<String> sampleKeys = new java.util.TreeSet<>();
        keys.fieldNames().forEachRemaining(sampleKeys::add);
        assertThat(sampleKeys).isEqualTo(new java.util.TreeSet<>(fr.medsaas.compliance.cost.UsageAssumptions.shipped().values().keySet()));
        // A comment before each key.
        List<String> lines = Files.readAllLines(sample);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("[a-zA-Z][\\w.]*: .*")) {
                assertThat(lines.get(i - 1)).as("the comment above " + lines.get(i)).startsWith("# ");
            }
        }
        CliRun run = CliRun.of("cost", "--assembly", prod.toString(), "--usage", sample.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: " + sample);
    }

    @Test
    void costCountsAreSingularForOne() {
        CliRun run = CliRun.of("cost", "--assembly", prod.toString());
        assertThat(run.out()).doesNotContainPattern("\\b1 (tasks|AZs|rules|nodes|copies|resources|public addresses)\\b");
    }

    /**
     * HARD-9, HARD-10: the cost says, line by line, what the backup region's monitoring adds (the
     * sum of its own lines: detector, recorder, rules, hub, delivery bucket and key), that the
     * perimeter and the guardrails add nothing, and what the compliance-mode locks commit.
     */
    @Test
    @Requirement({"COST-1", "HARD-9", "HARD-10"})
    void costSaysWhatTheBackupRegionsMonitoringThePerimeterTheGuardrailsAndTheLocksAdd() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CliRun.of("cost", "--assembly", prod.toString(), "--format", "json").out());
        java.util.Set<String> monitoring = java.util.Set.of("AWS::GuardDuty::Detector", "AWS::Config::ConfigurationRecorder",
                "AWS::Config::ConfigRule", "AWS::SecurityHub::Hub");
        double expected = 0;
        java.util.Set<String> priced = new java.util.TreeSet<>();
        for (JsonNode l : json.path("lines")) {
            boolean watch = monitoring.contains(l.path("type").asText())
                    || l.path("logicalId").asText().matches("ConfigBucket.*|KeysAudit.*");
            if (l.path("region").asText().equals("eu-central-1") && watch) {
                expected += l.path("monthly").asDouble();
                priced.add(l.path("priceId").asText());
            }
        }
        // The backup region's own usage (few resources, no global types), not the primary's.
        assertThat(priced).contains("guardduty.cloudtrail", "guardduty.s3", "config.item", "config.evaluation",
                "securityhub.check", "kms.key", "s3.standard");
        for (JsonNode l : json.path("lines")) {
            if (l.path("region").asText().equals("eu-central-1") && l.path("type").asText().equals("AWS::Config::ConfigurationRecorder")) {
                assertThat(l.path("what").asText()).isEqualTo("usage config.backupRegion.itemsPerMonth");
            }
        }
        assertThat(json.path("notPriced").toString()).doesNotContain("MedSaas-prod-Replica");
        JsonNode topics = json.path("hardening");
        assertThat(topics.get(0).path("topic").asText()).startsWith("Monitoring of eu-central-1, beside eu-west-3 (HARD-9)");
        assertThat(topics.get(0).path("monthly").asDouble()).isCloseTo(expected, within(0.01)).isPositive();
        assertThat(topics.get(0).path("details").toString()).contains("EventBridge rules forward its findings");
        assertThat(topics.get(1).path("topic").asText()).startsWith("Data perimeter of the task role (HARD-10)");
        assertThat(topics.get(1).path("monthly").asDouble()).isZero();
        assertThat(topics.get(1).path("details").toString()).contains("kms (Interface)").contains("s3 (Gateway) 0.00")
                .contains("not saved: 3 NAT gateways");
        assertThat(topics.get(2).path("topic").asText()).startsWith("Organisation guardrails (HARD-9");
        assertThat(topics.get(2).path("monthly").asDouble()).isZero();
        assertThat(topics.get(3).path("monthly").asDouble()).isZero();
        assertThat(topics.get(3).path("details").toString()).contains("Object Lock COMPLIANCE, each object kept 365 days")
                .contains("vault lock in compliance mode, recovery points kept at least 30 days");

        CliRun text = CliRun.of("cost", "--assembly", prod.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("What the hardening adds or saves (HARD-9, HARD-10; already in the total):")
                // The same figure as the JSON's (summed in the report's order; the test's sum may differ in the last bit).
                .contains("Monitoring of eu-central-1").contains(String.format(java.util.Locale.ROOT, "%+10.2f",
                        topics.get(0).path("monthly").asDouble()))
                .contains("AWS Organizations does not charge for them");
    }

    @Test
    @Requirement("CLI-1")
    void refusesAFolderWithoutManifestWithExit2AndWritesNothing() {
        Path out = tmp.resolve("nothing.svg");
        CliRun run = CliRun.of("diagram", "--assembly", tmp.resolve("empty").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("holds no manifest.json");
        assertThat(out).doesNotExist();
        CliRun cost = CliRun.of("cost", "--assembly", tmp.toString(), "--out", out.toString());
        assertThat(cost.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).doesNotExist();
    }

    @Test
    @Requirement("CLI-1")
    void refusesAnUnknownFormatWithExit2() {
        assertThat(CliRun.of("cost", "--assembly", prod.toString(), "--format", "xml").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("diagram", "--assembly", prod.toString(), "--format", "png").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @Requirement({"COST-1", "CLI-1"})
    void refusesABadUsageFileWithExit2AndWritesNothing() throws Exception {
        Path usage = tmp.resolve("usage.yaml");
        Files.writeString(usage, "s3.mediaStorageGb: -5\nnoSuchKey: 1\n");
        Path out = tmp.resolve("cost.txt");
        CliRun run = CliRun.of("cost", "--assembly", prod.toString(), "--usage", usage.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(usage.toString()).contains("s3.mediaStorageGb: value \"-5\"")
                .contains("noSuchKey: value \"1\" is refused: a known usage key");
        assertThat(out).doesNotExist();
    }

}
