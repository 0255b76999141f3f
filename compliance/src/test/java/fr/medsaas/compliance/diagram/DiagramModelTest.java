package fr.medsaas.compliance.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.compliance.diagram.DiagramModel.Group;
import fr.medsaas.compliance.diagram.DiagramModel.Node;
import fr.medsaas.config.Requirement;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * DIAG-1 on a small assembly of the stacks to come (observability, compliance, backup, replica in
 * eu-central-1, delivery): their kinds, copies across regions, controls and key badges.
 */
@Requirement("DIAG-1")
class DiagramModelTest {
    static final Path NEXT = Path.of("src/test/resources/assemblies/next-stacks");
    private static DiagramModel model;

    @BeforeAll
    static void build() {
        model = DiagramBuilder.build(CloudAssembly.read(NEXT));
    }

    private static boolean has(String from, String to, String label, EdgeKind kind) {
        return model.edges().contains(new Edge(from, to, label, kind));
    }

    @Test
    void drawsTheNextStacksKindsInTheirRegions() {
        assertThat(model.node("Replica_ReplicaVault").group()).isEqualTo("r_eu_central_1");
        assertThat(model.node("Replica_ReplicaBucket").group()).isEqualTo("r_eu_central_1");
        assertThat(model.node("Backup_Vault").group()).isEqualTo("r_eu_west_3");
        assertThat(model.node("r_eu_west_3_CloudWatch_alarm").count()).isEqualTo(2);
        assertThat(model.node("r_eu_west_3_CloudWatch_alarm").label()).isEqualTo("2 × CloudWatch alarms");
        assertThat(model.node("r_eu_west_3_Config_rule").count()).isEqualTo(2);
        assertThat(model.nodes()).extracting(n -> n.kind().name()).contains("SNS topic", "CloudWatch dashboard",
                "CloudTrail trail", "Config recorder", "GuardDuty detector", "Backup plan", "Backup vault", "KMS replica key",
                "ECR repository", "CodeBuild project", "CodePipeline");
    }

    @Test
    void drawsCopiesAcrossRegionsAndControls() {
        assertThat(has("Backup_Vault", "Replica_ReplicaVault", "copies to", EdgeKind.COPY)).isTrue();
        assertThat(has("Backup_Plan", "Backup_Vault", "backs up to", EdgeKind.COPY)).isTrue();
        assertThat(has("Media_MediaBucket", "Replica_ReplicaBucket", "replicates", EdgeKind.COPY)).isTrue();
        assertThat(has("r_eu_west_3_KMS_key", "r_eu_central_1_KMS_replica_key", "replica", EdgeKind.COPY)).isTrue();
        assertThat(has("r_eu_west_3_CloudWatch_alarm", "Observability_AlarmTopic", "notifies", EdgeKind.CONTROL)).isTrue();
        assertThat(has("Compliance_Trail", "Compliance_TrailBucket", "trail logs", EdgeKind.CONTROL)).isTrue();
        assertThat(has("Delivery_Pipeline", "Delivery_Build", "builds", EdgeKind.CONTROL)).isTrue();
        assertThat(has("Delivery_Build", "Delivery_Repository", "pushes", EdgeKind.CONTROL)).isTrue();
        assertThat(model.edges()).as("the trail's data-event selector names the media bucket; it does not log into it")
                .noneMatch(e -> e.from().equals("Compliance_Trail") && e.to().equals("Media_MediaBucket"));
    }

    @Test
    void badgesEachStoreWithItsKey() {
        assertThat(model.node("Backup_Vault").keys()).containsExactly("medical-saas-backup-key");
        assertThat(model.node("Media_MediaBucket").keys()).containsExactly("medical-saas-data-key");
        assertThat(model.node("r_eu_central_1_KMS_replica_key").keys()).as("a key is not encrypted by its primary").isEmpty();
    }

    @Test
    void legendSaysWhatWasHiddenAndGrouped() {
        assertThat(model.hidden()).containsEntry("AWS::IAM::Role", 1).containsEntry("AWS::KMS::Alias", 2)
                .containsEntry("AWS::Backup::BackupSelection", 1);
        assertThat(model.grouped()).containsEntry("CloudWatch alarm", 2).containsEntry("Config rule", 2);
    }

    @Test
    void svgIsWellFormedAndSelfContained() throws Exception {
        String svg = SvgRenderer.render(model, "test");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).doesNotContain("<script").doesNotContain("<image").doesNotContain("@import")
                .doesNotContain("@font-face").doesNotContainPattern("href=\"(?!#)").doesNotContain("url(http");
        // A name broken over two lines (after a hyphen) is whole in its node's tooltip.
        assertThat(svg).contains("<title>medical-saas-replica-vault").contains("Hidden (IAM and plumbing").contains("Grouped:");
    }

    @Test
    void drawsTheBackupCopyBetweenVaultsThatShareTheirNameInTwoRegions(@TempDir Path tmp) throws Exception {
        // prod names both vaults medical-saas-backup-vault: the copy's ARN tells them apart by its
        // region. The Replica stack comes first here, as in prod, so a match by name alone finds
        // the primary's vault (the copy then goes nowhere and is not drawn).
        try (var files = Files.list(NEXT)) {
            for (Path f : files.toList()) {
                Files.writeString(tmp.resolve(f.getFileName().toString()), Files.readString(f)
                        .replace("medical-saas-replica-vault", "medical-saas-vault"));
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(tmp.resolve("manifest.json").toFile());
        var artifacts = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("artifacts");
        var reordered = json.createObjectNode().set("MedSaas-t-Replica", artifacts.get("MedSaas-t-Replica"));
        artifacts.fields().forEachRemaining(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) reordered).putIfAbsent(a.getKey(), a.getValue()));
        manifest.set("artifacts", reordered);
        json.writeValue(tmp.resolve("manifest.json").toFile(), manifest);
        DiagramModel same = DiagramBuilder.build(CloudAssembly.read(tmp));
        assertThat(same.node("Replica_ReplicaVault").group()).isEqualTo("r_eu_central_1");
        assertThat(same.edges()).contains(new Edge("Backup_Vault", "Replica_ReplicaVault", "copies to", EdgeKind.COPY));
    }

    @Test
    void wrapsALongLabelOnWordBoundariesAndKeepsTheWholeTextInATooltip() throws Exception {
        String label = "Global edge (CloudFront points of presence)";
        String detail = "fargate · 2 tasks × 1024 CPU units / 2048 MiB · medical-saas-extraordinarily-long-name";
        DiagramModel one = new DiagramModel(List.of(new Group("r", "eu-west-3 (Paris)", DiagramModel.GroupKind.REGION, "")),
                List.of(new Node("n", new Kind("Fargate service", "ECS", "#ed7100", Kind.Display.SHOWN), label, detail,
                        List.of("medical-saas-rds-key"), "r", 1)), List.of(), Map.of(), Map.of());
        String svg = SvgRenderer.render(one, "test");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element title = text(doc, "n-title");
        Element detailText = text(doc, "n-detail");
        List<String> titleLines = tspans(title);
        List<String> detailLines = tspans(detailText);
        assertThat(titleLines).as("wrapped, not cut").hasSizeGreaterThan(1);
        assertThat(String.join(" ", titleLines)).isEqualTo(label);
        assertThat(detailLines).hasSizeGreaterThan(1);
        // Lines break between words, or after a hyphen inside a name: nothing is lost or cut.
        assertThat(String.join(" ", detailLines).replaceAll("- ", "-")).isEqualTo(detail);
        Set<String> words = new java.util.HashSet<>(List.of((label + " " + detail).split("[ ]|(?<=-)")));
        for (String line : union(titleLines, detailLines)) {
            assertThat(words).as("every piece of '" + line + "' is a whole word").containsAll(List.of(line.split("[ ]|(?<=-)")));
        }
        titleLines.forEach(l -> assertThat(TextMetrics.width(l, SvgRenderer.NODE_TITLE, true)).as(l).isLessThanOrEqualTo(SvgRenderer.TEXT_W));
        detailLines.forEach(l -> assertThat(TextMetrics.width(l, SvgRenderer.DETAIL, false)).as(l).isLessThanOrEqualTo(SvgRenderer.TEXT_W));
        Element tooltip = (Element) ((Element) title.getParentNode()).getElementsByTagName("title").item(0);
        assertThat(tooltip).as("the node's tooltip").isNotNull();
        assertThat(tooltip.getTextContent()).contains(label, detail, "KMS: rds");
    }

    @Test
    void abbreviatesOnlyAWordTooLongForALineAndSaysSo() {
        TextMetrics.Wrapped w = TextMetrics.wrap("short Averyveryverylongwordwithnohyphenthatcannotfitinanybox end", 13, true, 163, 3);
        assertThat(w.shortened()).isTrue();
        assertThat(w.lines()).containsExactly("short", w.lines().get(1), "end");
        assertThat(w.lines().get(1)).startsWith("Averyvery").endsWith("…");
        TextMetrics.Wrapped fits = TextMetrics.wrap("medical-saas-alb", 13, true, 163, 3);
        assertThat(fits.lines()).containsExactly("medical-saas-alb");
        assertThat(fits.shortened()).isFalse();
    }

    private static Element text(org.w3c.dom.Document doc, String cls) {
        var all = doc.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) {
                return e;
            }
        }
        throw new AssertionError("no text of class " + cls);
    }

    private static List<String> tspans(Element text) {
        List<String> out = new ArrayList<>();
        var spans = text.getElementsByTagName("tspan");
        for (int i = 0; i < spans.getLength(); i++) {
            out.add(spans.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void mermaidParsesInTheStrictGrammar() {
        String mermaid = MermaidRenderer.render(model);
        assertThat(MermaidGrammar.errors(mermaid)).isEmpty();
        assertThat(mermaid).contains("Backup_Vault ==>|\"copies to\"| Replica_ReplicaVault");
    }

    @Test
    void theGrammarRefusesWhatMermaidWouldNotParse() {
        assertThat(MermaidGrammar.errors("flowchart LR\n    a[\"x\"]\n    a -->|\"y\"| b\n")).anyMatch(e -> e.contains("unknown id b"));
        assertThat(MermaidGrammar.errors("flowchart LR\n    subgraph g[\"x\"]\n")).anyMatch(e -> e.contains("left open"));
        assertThat(MermaidGrammar.errors("flowchart LR\n    a[\"say \"hi\"\"]\n")).isNotEmpty();
    }

    @Test
    void compactsConsecutiveSubnetRanges() {
        assertThat(DiagramBuilder.cidrRange(java.util.List.of("10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"))).isEqualTo("10.0.1–3.0/24");
        assertThat(DiagramBuilder.cidrRange(java.util.List.of("10.0.1.0/24", "10.0.5.0/24"))).isEqualTo("10.0.1.0/24, 10.0.5.0/24");
    }
}
