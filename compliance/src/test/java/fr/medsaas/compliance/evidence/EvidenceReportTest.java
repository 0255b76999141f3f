package fr.medsaas.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.diagram.DiagramBuilder;
import fr.medsaas.compliance.diagram.DiagramModel;
import fr.medsaas.compliance.diagram.MermaidRenderer;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Store;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.config.Requirement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** CMPL-3, CMPL-5, CMPL-6: the evidence report of the fixture assembly of the stacks to come, in both languages. */
class EvidenceReportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static CloudAssembly assembly;
    static EvidenceReport report;

    static ReportInputs inputs(Optional<JsonNode> audit, Optional<JsonNode> previous) {
        return new ReportInputs(Optional.empty(), Instant.parse("2026-11-29T10:00:00Z"), "0.1.0", "unknown",
                List.of(new EvidenceReport.Pack("cdk-nag AwsSolutions", "3.0.2", "synthesis")), audit, previous, Optional.of(Lang.fr), Optional.empty());
    }

    @BeforeAll
    static void buildOnce() throws URISyntaxException {
        assembly = CloudAssembly.read(Path.of(EvidenceReportTest.class.getResource("/assemblies/next-stacks/manifest.json").toURI()).getParent());
        report = EvidenceBuilder.build(assembly, inputs(Optional.empty(), Optional.empty()));
    }

    static JsonSchema schema() throws IOException {
        Path file = Path.of(System.getProperty("medsaas.root", ".."), "docs", "report-schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()));
    }

    /** Parses XHTML strictly (namespace-aware, no external entity), failing on any ill-formed markup. */
    static Document xhtml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Requirement("CMPL-3")
    void jsonValidatesAgainstThePublishedSchemaInBothLanguages() throws IOException {
        for (Lang lang : Lang.values()) {
            JsonNode json = JSON.readTree(EvidenceJson.write(report, Messages.of(lang)));
            Set<ValidationMessage> problems = schema().validate(json);
            assertThat(problems).as(lang + ": " + problems).isEmpty();
            assertThat(json.path("lang").asText()).isEqualTo(lang.name());
        }
    }

    @Test
    @Requirement("CMPL-3")
    void schemaRefusesAReportWithAnUnknownStatus() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(EvidenceJson.write(report, Messages.of(Lang.en)));
        ((ObjectNode) json.path("controls").path(0)).put("status", "passed");
        assertThat(schema().validate(json)).isNotEmpty();
    }

    @Test
    @Requirement("CMPL-3")
    void everyRuleOfThePackIsAControlWithTheCheckStatusInTheHtml() throws Exception {
        for (Lang lang : Lang.values()) {
            Document doc = xhtml(HtmlWriter.write(report, Messages.of(lang)));
            var xpath = XPathFactory.newInstance().newXPath();
            for (MedSaasPack.PackRule rule : MedSaasPack.RULES) {
                Control c = report.controls().stream().filter(x -> x.id().equals(rule.info().id())).findFirst().orElseThrow();
                Element cell = (Element) xpath.evaluate("//*[@id='ctl-" + c.id() + "']//*[@data-status][1]", doc, XPathConstants.NODE);
                assertThat(cell).as(lang + " " + c.id()).isNotNull();
                assertThat(cell.getAttribute("data-status")).isEqualTo(c.status().key());
                assertThat(cell.getTextContent()).contains(Messages.of(lang).get("status." + c.status().key()));
            }
            assertThat(xpath.evaluate("//*[local-name()='section'][@id='diagram']//*[local-name()='svg']//*[local-name()='rect']",
                    doc, XPathConstants.NODE)).isNotNull();
            assertThat(xpath.evaluate("count(//*[local-name()='script'])", doc)).isEqualTo("0");
            assertThat(xpath.evaluate("/*/@lang", doc)).isEqualTo(lang.name());
        }
    }

    @Test
    @Requirement("CMPL-3")
    void htmlHeadingsGoInOrderAndEveryHeaderCellHasAScope() throws Exception {
        Document doc = xhtml(HtmlWriter.write(report, Messages.of(Lang.fr)));
        var xpath = XPathFactory.newInstance().newXPath();
        var headings = (org.w3c.dom.NodeList) xpath.evaluate("//*[local-name()='h1' or local-name()='h2' or local-name()='h3']",
                doc, XPathConstants.NODESET);
        int previous = 0;
        for (int i = 0; i < headings.getLength(); i++) {
            int level = headings.item(i).getLocalName().charAt(1) - '0';
            assertThat(level).as(headings.item(i).getTextContent()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(xpath.evaluate("count(//*[local-name()='th'][not(@scope)])", doc)).isEqualTo("0");
    }

    @Test
    @Requirement("CMPL-3")
    void statusesComeFromTheCheckAndCountsAddUp() {
        var counts = report.summary().counts();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(report.controls().size());
        assertThat(counts.get(ControlStatus.MANUAL)).isEqualTo(ManualControls.ITEMS.size());
        assertThat(report.controls()).filteredOn(Control::automated).hasSize(MedSaasPack.RULES.size());
        assertThat(report.summary().assemblySha256()).matches("[0-9a-f]{64}").isEqualTo(EvidenceBuilder.sha256(assembly));
        assertThat(report.summary().environment()).isEqualTo("t");
        // Every acknowledgement of the templates is listed with its reason, as written.
        assertThat(report.acknowledgements()).hasSize(fr.medsaas.compliance.assembly.Acknowledgement.of(assembly).size());
    }

    @Test
    @Requirement("CMPL-5")
    void residencyListsEveryStoreWithRegionKeyAndRetention() {
        List<Store> stores = report.residency().stores();
        Store copyVault = stores.stream().filter(s -> s.type().equals("AWS::Backup::BackupVault") && s.region().equals("eu-central-1"))
                .findFirst().orElseThrow();
        assertThat(copyVault.inEea()).isTrue();
        assertThat(stores).noneMatch(s -> s.type().startsWith("AWS::KMS::"));
        assertThat(stores).extracting(Store::type).contains("AWS::S3::Bucket", "AWS::ECR::Repository", "AWS::SNS::Topic");
        assertThat(report.residency().healthDataOutsideEea()).isFalse();
        assertThat(report.residency().crossings()).extracting(EvidenceReport.Crossing::kind).contains("provider-law");
        Texts fr = new Texts(Messages.of(Lang.fr));
        assertThat(fr.statement(report.residency())).contains(
                "Aucun transfert de données de santé à caractère personnel vers un pays tiers à l'espace économique européen");
        assertThat(fr.retention(Optional.of("logs 365, versions 30"))).isEqualTo(
                "journaux conservés 365 jours; anciennes versions supprimées après 30 jours");
    }

    /** A distribution whose only behaviour uses {@code cachePolicyId}, in front of a health-data bucket. */
    static fr.medsaas.compliance.check.ResourceGraph distributionWith(String cachePolicyId) throws IOException {
        JsonNode template = JSON.readTree(("""
                {"Resources": {
                  "Media": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "media",
                    "Tags": [{"Key": "DataType", "Value": "medical-sensitive"}]}},
                  "Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
                    "PriceClass": "PriceClass_100",
                    "Origins": [{"Id": "o", "DomainName": {"Fn::GetAtt": ["Media", "RegionalDomainName"]}}],
                    "DefaultCacheBehavior": {"TargetOriginId": "o", "CachePolicyId": "%s"}}}}}}
                """).formatted(cachePolicyId));
        return new fr.medsaas.compliance.check.ResourceGraph(List.of(new fr.medsaas.compliance.assembly.StackTemplate(
                "Media", "Media", "eu-west-3", "Media.template.json", List.of(), template)));
    }

    @Test
    @Requirement("HARD-11")
    void anEdgeThatCachesNothingIsStatedAsTransitNotAsACopyOfHealthData() throws IOException {
        EvidenceReport.Residency uncached = ResidencyBuilder.of(distributionWith(ResidencyBuilder.CACHING_DISABLED));
        assertThat(uncached.stores()).noneMatch(s -> s.type().equals("AWS::CloudFront::Distribution"));
        assertThat(uncached.crossings()).anyMatch(c -> c.kind().equals("edge-no-cache") && !c.holdsData()
                && c.detail().equals("PriceClass_100"));
        assertThat(uncached.crossings()).noneMatch(c -> c.kind().equals("edge-locations"));
        assertThat(new Texts(Messages.of(Lang.en)).statement(uncached))
                .contains("CloudFront keeps no health-data object at its edge locations")
                .doesNotContain("may be held at edge locations outside the EEA");

        // CachingOptimized keeps objects for up to a year: a copy at the edge, stated as such.
        EvidenceReport.Residency cached = ResidencyBuilder.of(distributionWith("658327ea-f89d-4fab-a63d-7e88639e58f6"));
        assertThat(cached.crossings()).anyMatch(c -> c.kind().equals("edge-locations") && c.holdsData());
        assertThat(new Texts(Messages.of(Lang.fr)).statement(cached)).contains("peuvent être conservés dans des emplacements");
    }

    @Test
    @Requirement("CMPL-5")
    void aHealthDataStoreOutsideTheEeaTurnsTheStatementIntoATransferMap() throws Exception {
        Path copy = Files.createTempDirectory("evidence-");
        try (var files = Files.list(assembly.directory())) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                Files.writeString(copy.resolve(f.getFileName()), f.getFileName().toString().equals("manifest.json")
                        ? text.replace("eu-central-1", "us-east-1") : text);
            }
        }
        EvidenceReport moved = EvidenceBuilder.build(CloudAssembly.read(copy), inputs(Optional.empty(), Optional.empty()));
        assertThat(moved.residency().crossings()).anyMatch(c -> c.kind().equals("resource-outside-eea") && c.region().equals("us-east-1"));
        if (moved.residency().stores().stream().anyMatch(s -> s.healthData() && s.region().equals("us-east-1"))) {
            assertThat(new Texts(Messages.of(Lang.en)).statement(moved.residency())).contains("publish the map of transfers");
        }
        assertThat(moved.controls().stream().filter(c -> c.id().equals("MEDSAAS-RES-1")).findFirst().orElseThrow().status())
                .isEqualTo(ControlStatus.NOT_MET);
        assertThat(moved.summary().assemblySha256()).isNotEqualTo(report.summary().assemblySha256());
    }

    @Test
    @Requirement("CMPL-6")
    void bothBundlesHaveTheSameKeysAndEveryRuleHasBothLanguages() {
        assertThat(new TreeSet<>(Messages.of(Lang.fr).keys())).isEqualTo(new TreeSet<>(Messages.of(Lang.en).keys()));
        for (MedSaasPack.PackRule r : MedSaasPack.RULES) {
            assertThat(RuleTexts.hasFrench(r.info())).as(r.info().id()).isTrue();
            assertThat(RuleTexts.title(r.info(), Lang.fr)).isNotEqualTo(r.info().title());
        }
        for (ManualControls.Item m : ManualControls.ITEMS) {
            for (String part : List.of("title", "why", "bring")) {
                assertThat(Messages.of(Lang.fr).has("manual." + m.id() + "." + part)).as(m.id() + " " + part).isTrue();
            }
        }
        // Every HDS, RGPD and CNIL reference the report shows has a title in both languages.
        Texts fr = new Texts(Messages.of(Lang.fr));
        List<String> untitled = report.references().stream().map(EvidenceReport.ReferenceGroup::reference)
                .filter(r -> !EvidenceBuilder.family(r).equals("MEDSAAS") && fr.referenceTitle(r).equals(r)).toList();
        assertThat(untitled).isEmpty();
    }

    @Test
    @Requirement("CMPL-6")
    void frenchReportSpeaksFrenchAndTranslatesTheReasonsItsPhraseBookHas() {
        String fr = HtmlWriter.write(report, Messages.of(Lang.fr));
        String en = HtmlWriter.write(report, Messages.of(Lang.en));
        assertThat(fr).contains("Où vivent les données de santé", "Contrôles par référence", "Conforme");
        assertThat(en).contains("Where health data lives", "Controls by reference").doesNotContain("Où vivent");
        for (EvidenceReport.Ack a : report.acknowledgements()) {
            Optional<String> french = Phrases.french(a.reason());
            assertThat(en).contains(HtmlWriter.esc(a.reason()));
            if (french.isPresent()) {
                assertThat(fr).contains(HtmlWriter.esc(french.get())).doesNotContain(HtmlWriter.esc(a.reason()));
            } else {
                // A reason the book lacks stays as written, marked as English for readers and screen readers.
                assertThat(fr).contains("<td lang=\"en\">" + HtmlWriter.esc(a.reason()) + "</td>");
            }
        }
    }

    @Test
    @Requirement("CMPL-6")
    void frenchJsonCarriesTheBooksProofsAndReasonsUnderTheSameKeysAndIds() throws IOException {
        JsonNode fr = JSON.readTree(EvidenceJson.write(report, Messages.of(Lang.fr)));
        JsonNode en = JSON.readTree(EvidenceJson.write(report, Messages.of(Lang.en)));
        int translated = 0;
        for (int i = 0; i < report.acknowledgements().size(); i++) {
            String reason = report.acknowledgements().get(i).reason();
            assertThat(en.path("acknowledgements").get(i).path("reason").asText()).isEqualTo(reason);
            assertThat(fr.path("acknowledgements").get(i).path("reason").asText()).isEqualTo(Phrases.in(Lang.fr, reason));
            translated += Phrases.french(reason).isPresent() ? 1 : 0;
        }
        for (int c = 0; c < report.controls().size(); c++) {
            for (int e = 0; e < report.controls().get(c).evidence().size(); e++) {
                EvidenceReport.Evidence ev = report.controls().get(c).evidence().get(e);
                JsonNode x = fr.path("controls").get(c).path("evidence").get(e);
                assertThat(x.path("proof").asText()).isEqualTo(Phrases.in(Lang.fr, ev.proof()));
                ev.acknowledgment().ifPresent(a -> assertThat(x.path("acknowledgedReason").asText()).isEqualTo(Phrases.in(Lang.fr, a)));
                translated += Phrases.french(ev.proof()).isPresent() ? 1 : 0;
            }
        }
        assertThat(translated).as("texts of the fixture the book translates").isGreaterThan(10);
        // Machine keys and values stay: only the texts differ between the two languages.
        assertThat(withoutTexts(fr)).isEqualTo(withoutTexts(en));
    }

    /** {@code json} without the texts in the report's language, nor its language. */
    private static JsonNode withoutTexts(JsonNode json) {
        JsonNode copy = json.deepCopy();
        List<JsonNode> objects = new java.util.ArrayList<>(copy.findParents("lang"));
        for (String field : List.of("title", "explanation", "operatorBrings", "proof", "acknowledgedReason", "reason",
                "residualRisk", "statement")) {
            objects.addAll(copy.findParents(field));
        }
        objects.forEach(o -> ((ObjectNode) o).remove(List.of("lang", "title", "explanation", "operatorBrings", "proof",
                "acknowledgedReason", "reason", "residualRisk", "statement")));
        return copy;
    }

    @Test
    @Requirement({"CMPL-6", "DIAG-1"})
    void mermaidInFrenchTakesItsLabelsFromTheBookAndKeepsIdsAndKeyNames() {
        DiagramModel model = DiagramBuilder.build(assembly);
        String en = MermaidRenderer.render(model);
        String fr = DrawnDiagrams.mermaid(model, Lang.fr);
        assertThat(DrawnDiagrams.mermaid(model, Lang.en)).isEqualTo(en);
        assertThat(fr).isNotEqualTo(en);
        assertThat(fr.lines().map(l -> l.replaceAll("\"[^\"]*\"", "\"\"")).toList())
                .as("the same statements, ids and arrows").isEqualTo(en.lines().map(l -> l.replaceAll("\"[^\"]*\"", "\"\"")).toList());
        for (var e : model.edges()) {
            if (e.kind() != DiagramModel.EdgeKind.ENCRYPTS) {
                assertThat(fr).contains(e.from() + " ").contains("|\"" + Phrases.in(Lang.fr, e.label()) + "\"| " + e.to());
            }
        }
        // The key badge in French typography, the key names as they are.
        assertThat(en).contains("<small>KMS: ");
        assertThat(fr).doesNotContain("KMS: ").contains("<small>KMS : ");
        assertThat(fr.replace("KMS : ", "")).contains(en.replaceAll("(?s).*?<small>KMS: ([^<]*)<.*", "$1"));
        model.groups().forEach(g -> assertThat(fr).contains("[\"" + Phrases.in(Lang.fr, g.label()) + "\"]"));
    }

    @Test
    @Requirement("CMPL-6")
    void phraseBookFillsItsHolesAndTranslatesWhatTheyHold() {
        assertThat(Phrases.in(Lang.fr, "replica of MediaBucket593D5DE8 encrypted with a customer-managed KMS key"))
                .isEqualTo("réplica de MediaBucket593D5DE8 chiffré avec une clé KMS gérée par le client");
        assertThat(Phrases.in(Lang.fr, "backups of Daily deleted after 35 days")).isEqualTo("sauvegardes de Daily supprimées après 35 jours");
        assertThat(Phrases.in(Lang.en, "backups of Daily deleted after 35 days")).isEqualTo("backups of Daily deleted after 35 days");
        assertThat(Phrases.french("a sentence nobody wrote down")).isEmpty();
        // No pattern so loose that a sentence the book lacks comes out half French ("refused dans prod").
        assertThat(Phrases.french("Outside prod only: a sentence nobody wrote down in prod")).isEmpty();
        assertThat(Phrases.in(Lang.fr, "trail bucket in eu-west-3")).isEqualTo("compartiment du trail dans eu-west-3");
    }

    @Test
    @Requirement("CMPL-3")
    void compareListsNewAndResolvedFindingsAndNewAcknowledgements() throws IOException {
        ObjectNode old = (ObjectNode) JSON.readTree(EvidenceJson.write(report, Messages.of(Lang.fr)));
        // The earlier report had one finding more, and an acknowledgement since withdrawn.
        ObjectNode control = (ObjectNode) old.path("controls").path(0);
        ((ArrayNode) control.path("evidence")).addObject().put("ruleStatus", "non-compliant").put("stack", "MedSaas-t-Old")
                .put("logicalId", "Gone").put("region", "eu-west-3").put("type", "AWS::S3::Bucket").put("constructPath", "x")
                .put("proof", "p").putArray("nagFindings");
        ((ArrayNode) old.path("acknowledgements")).addObject().put("rule", "AwsSolutions-S1").put("pack", "AwsSolutions")
                .put("stack", "MedSaas-t-Old").put("logicalId", "Gone").put("type", "AWS::S3::Bucket").put("constructPath", "x")
                .put("reason", "r");
        EvidenceReport now = EvidenceBuilder.build(assembly, inputs(Optional.empty(), Optional.of(old)));
        EvidenceReport.Comparison c = now.comparison().orElseThrow();
        assertThat(c.resolvedFindings()).containsExactly(control.path("id").asText() + " MedSaas-t-Old/Gone (non-compliant)");
        assertThat(c.newFindings()).isEmpty();
        assertThat(c.removedAcknowledgements()).containsExactly("AwsSolutions-S1 MedSaas-t-Old/Gone");
        assertThat(c.newAcknowledgements()).isEmpty();
        assertThat(schema().validate(JSON.readTree(EvidenceJson.write(now, Messages.of(Lang.en))))).isEmpty();
        assertThat(MarkdownWriter.write(now, Messages.of(Lang.en), "flowchart TB\n")).contains("Resolved findings (1)");
        assertThatThrownBy(() -> Comparisons.compare(JSON.readTree("{\"a\":1}"), report))
                .hasMessageContaining("not the JSON of `medsaas report --format json`");
    }

    @Test
    @Requirement("CMPL-3")
    void liveAuditBecomesItsOwnSection() throws IOException {
        JsonNode audit = JSON.readTree("""
                {"tool":"medsaas audit","environment":"t","at":"2026-11-29T09:00:00Z","regions":["eu-west-3"],
                 "summary":{"PASS":1,"FAIL":1,"COULD_NOT_CHECK":1},
                 "findings":[{"ruleId":"MEDSAAS-RES-1","status":"PASS","message":"in eu-west-3","physicalId":"b","region":"eu-west-3",
                   "stackName":"MedSaas-t-Media","logicalId":"MediaBucket","constructPath":"x","references":[]},
                  {"ruleId":"MEDSAAS-TRC-1","status":"FAIL","message":"no trail","physicalId":"t","region":"eu-west-3","references":[]},
                  {"ruleId":"MEDSAAS-BCK-1","status":"COULD_NOT_CHECK","message":"no access","physicalId":"v","region":"eu-central-1","references":[]}],
                 "calledOperations":["s3:GetBucketLocation","backup:ListBackupPlans"]}""");
        EvidenceReport withAudit = EvidenceBuilder.build(assembly, inputs(Optional.of(audit), Optional.empty()));
        assertThat(withAudit.audit().orElseThrow().findings()).hasSize(3);
        assertThat(schema().validate(JSON.readTree(EvidenceJson.write(withAudit, Messages.of(Lang.fr))))).isEmpty();
        String html = HtmlWriter.write(withAudit, Messages.of(Lang.fr));
        assertThat(html).contains("id=\"audit\"", "non vérifié", "2 opérations en lecture seule");
        assertThatThrownBy(() -> LiveAuditReader.read(JSON.readTree("[]"))).hasMessageContaining("medsaas audit");
    }

    @Test
    @Requirement("CMPL-3")
    void markdownHasEveryControlAndTheDiagramAsMermaid() {
        String md = MarkdownWriter.write(report, Messages.of(Lang.en), MermaidRenderer.render(DiagramBuilder.build(assembly)));
        for (Control c : report.controls()) {
            assertThat(md).contains(c.id());
        }
        assertThat(md).contains("```mermaid\n", "## Where health data lives");
        // Every table row has as many cells as its header.
        List<String> lines = md.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("|---")) {
                int cols = cells(lines.get(i - 1));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("| "); j++) {
                    assertThat(cells(lines.get(j))).as(lines.get(j)).isEqualTo(cols);
                }
            }
        }
    }

    private static int cells(String row) {
        return row.replace("\\|", "").split("\\|", -1).length - 2;
    }

    @Test
    void referencesSortHdsByNumberThenRgpdThenCnilThenOurs() {
        List<String> refs = report.references().stream().map(EvidenceReport.ReferenceGroup::reference).toList();
        assertThat(refs.indexOf("HDS EXI 04")).isLessThan(refs.indexOf("HDS EXI 28"));
        assertThat(refs.indexOf("HDS EXI 31")).isLessThan(refs.indexOf("RGPD art. 5(1)(e)"));
        assertThat(refs.indexOf("RGPD art. 9")).isLessThan(refs.indexOf("RGPD art. 32(1)(a)"));
        assertThat(refs.indexOf("CNIL journalisation")).isLessThan(refs.indexOf("CMPL-2"));
        assertThat(report.references().stream().map(EvidenceReport.ReferenceGroup::family).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("HDS", "RGPD", "CNIL", "MEDSAAS");
    }
}
