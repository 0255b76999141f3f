package fr.medsaas.compliance.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.config.Requirement;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
        assertThat(svg).contains("medical-saas-replica-vault").contains("Hidden (IAM and plumbing").contains("Grouped:");
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
