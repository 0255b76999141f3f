package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import fr.medsaas.compliance.diagram.MermaidGrammar;
import fr.medsaas.compliance.evidence.Phrases;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMPL-3, CMPL-5, CMPL-6: {@code medsaas report} on the prod assembly, in both languages, then the
 * French HTML opened in headless Chromium: the rendered page, its PDF, and screenshots under
 * {@code target/report/} for people to look at.
 */
class ReportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path OUT = Path.of("target", "report");

    @TempDir
    static Path tmp;
    static Path prod;
    static Path rapport;

    @BeforeAll
    static void synthesizeProdAndWriteTheFrenchReport() throws IOException {
        prod = tmp.resolve("prod.out");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/prod.yaml", "--out", prod.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Files.createDirectories(OUT);
        rapport = OUT.resolve("rapport.html");
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--lang", "fr", "--out", rapport.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    @Requirement("CMPL-3")
    void frenchAndEnglishHtmlAreSelfContained() throws IOException {
        Path report = OUT.resolve("report.html");
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--lang", "en", "--format", "html", "--out", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Path p : List.of(rapport, report)) {
            String html = Files.readString(p);
            assertThat(html).doesNotContain("<script", "@font-face", "<link ", "src=\"http", "url(http");
            assertThat(html).contains("<svg", "@media print", "MEDSAAS-RES-1");
        }
        assertThat(Files.readString(rapport)).contains("<title>Rapport de preuves de conformité HDS et RGPD : environnement prod</title>");
        assertThat(Files.readString(report)).contains("<title>Compliance evidence report, HDS and RGPD: environment prod</title>");
    }

    @Test
    @Requirement("CMPL-6")
    void frenchReportOfProdHasNoEnglishSentenceAndEnglishReportNoFrench() throws IOException {
        Path report = tmp.resolve("report-en.html");
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--lang", "en", "--out", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(LanguageScan.foreignSentences(Files.readString(rapport), LanguageScan.ENGLISH))
                .as("English sentences in the French report (add them to evidence/phrases_fr.txt or messages_fr)").isEmpty();
        assertThat(LanguageScan.foreignSentences(Files.readString(report), LanguageScan.FRENCH))
                .as("French sentences in the English report").isEmpty();
    }

    @Test
    @Requirement("CMPL-6")
    void frenchJsonOfProdHasNoEnglishProofOrReasonAndEnglishJsonNoFrench() throws IOException {
        JsonNode fr = reportJson(prod, "fr");
        JsonNode en = reportJson(prod, "en");
        assertThat(jsonTexts(fr)).hasSizeGreaterThan(300);
        assertThat(LanguageScan.foreignSentences(jsonTexts(fr), LanguageScan.ENGLISH))
                .as("English proofs or reasons in the French JSON (add them to evidence/phrases_fr.txt)").isEmpty();
        assertThat(LanguageScan.foreignSentences(jsonTexts(en), LanguageScan.FRENCH)).as("French in the English JSON").isEmpty();
        // Only the texts translate: keys, ids, statuses and resources are the English report's.
        assertThat(fr.path("acknowledgements").size()).isEqualTo(en.path("acknowledgements").size());
        for (int i = 0; i < en.path("acknowledgements").size(); i++) {
            JsonNode f = ((ObjectNode) fr.path("acknowledgements").get(i).deepCopy()).without("reason");
            assertThat(f).isEqualTo(((ObjectNode) en.path("acknowledgements").get(i).deepCopy()).without("reason"));
        }
        assertThat(fr.findValuesAsText("ruleStatus")).isEqualTo(en.findValuesAsText("ruleStatus"));
        assertThat(fr.findValuesAsText("logicalId")).isEqualTo(en.findValuesAsText("logicalId"));
    }

    @Test
    @Requirement({"CMPL-6", "DIAG-1"})
    void frenchMermaidOfProdHasNoEnglishLabelAndEnglishMermaidNoFrench() {
        CliRun french = CliRun.of("diagram", "--assembly", prod.toString(), "--format", "mermaid", "--lang", "fr");
        CliRun english = CliRun.of("diagram", "--assembly", prod.toString(), "--format", "mermaid");
        assertThat(french.exitCode()).as(french.err()).isZero();
        assertThat(english.exitCode()).as(english.err()).isZero();
        assertThat(MermaidGrammar.errors(french.out())).isEmpty();
        assertThat(mermaidLabels(french.out())).hasSizeGreaterThan(40);
        assertThat(LanguageScan.foreignSentences(mermaidLabels(french.out()), LanguageScan.ENGLISH))
                .as("English labels in the French Mermaid (add them to evidence/phrases_fr.txt)").isEmpty();
        assertThat(LanguageScan.foreignSentences(mermaidLabels(english.out()), LanguageScan.FRENCH)).as("French in the English Mermaid")
                .isEmpty();
        // The French Markdown report embeds that same diagram.
        CliRun md = CliRun.of("report", "--assembly", prod.toString(), "--format", "md", "--lang", "fr");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).contains("```mermaid\n" + french.out() + "```");
    }

    /** The proofs and reasons of a report's JSON: the texts written in English in code and templates. */
    static List<String> jsonTexts(JsonNode json) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("proof", "acknowledgedReason", "reason")) {
            out.addAll(json.findValuesAsText(field));
        }
        return out;
    }

    /** The labels of a Mermaid flowchart (subgraphs, nodes, edges), one text per line of a label. */
    static List<String> mermaidLabels(String mermaid) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(mermaid);
        while (m.find()) {
            for (String line : m.group(1).split("<br/>")) {
                out.add(line.replace("<small>", "").replace("</small>", "").replace("#quot;", "\"").replace("#124;", "|"));
            }
        }
        return out;
    }

    static JsonNode reportJson(Path assembly, String lang) throws IOException {
        CliRun run = CliRun.of("report", "--assembly", assembly.toString(), "--format", "json", "--lang", lang);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dev", "staging"})
    @Requirement("CMPL-6")
    void frenchReportsOfDevAndStagingHaveNoEnglishSentenceAndEnglishOnesNoFrench(String env) throws IOException {
        Path assembly = tmp.resolve(env + ".out");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/" + env + ".yaml", "--out", assembly.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Path fr = tmp.resolve("rapport-" + env + ".html");
        Path en = tmp.resolve("report-" + env + ".html");
        assertThat(CliRun.of("report", "--assembly", assembly.toString(), "--lang", "fr", "--out", fr.toString()).exitCode()).isZero();
        assertThat(CliRun.of("report", "--assembly", assembly.toString(), "--lang", "en", "--out", en.toString()).exitCode()).isZero();
        assertThat(Files.readString(fr)).contains("environnement " + env);
        assertThat(LanguageScan.foreignSentences(Files.readString(fr), LanguageScan.ENGLISH))
                .as("English sentences in the French report of " + env + " (add them to evidence/phrases_fr.txt or messages_fr)")
                .isEmpty();
        assertThat(LanguageScan.foreignSentences(Files.readString(en), LanguageScan.FRENCH))
                .as("French sentences in the English report of " + env).isEmpty();
        assertThat(LanguageScan.foreignSentences(jsonTexts(reportJson(assembly, "fr")), LanguageScan.ENGLISH))
                .as("English proofs or reasons in the French JSON of " + env).isEmpty();
    }

    @Test
    @Requirement("CMPL-6")
    void languageScanFailsOnAnInjectedSentenceAndIgnoresIdentifiers() throws IOException {
        String html = Files.readString(rapport);
        String injected = html.replace("</footer>", "<p>The bucket is encrypted with a key.</p></footer>");
        assertThat(LanguageScan.foreignSentences(injected, LanguageScan.ENGLISH))
                .containsExactly("\"The bucket is encrypted with a key.\" [The, is, with]");
        String identifiers = "<p>Régler https-only, aws:SecureTransport=false, is_public, s3:ListBucket ; MediaBucket.</p>"
                + "<td class=\"mono\">the bucket of the trail</td>";
        assertThat(LanguageScan.foreignSentences(identifiers, LanguageScan.ENGLISH)).isEmpty();
        assertThat(LanguageScan.foreignSentences("<p>Le compartiment est chiffré.</p>", LanguageScan.FRENCH))
                .containsExactly("\"Le compartiment est chiffré.\" [Le, est]");
    }

    @Test
    @Requirement("CMPL-6")
    void everyAcknowledgementReasonAndProofOfProdHasItsFrench() throws IOException {
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--format", "json", "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        java.util.Set<String> missing = new java.util.TreeSet<>();
        json.path("acknowledgements").forEach(a -> {
            if (Phrases.french(a.path("reason").asText()).isEmpty()) {
                missing.add("reason: " + a.path("reason").asText());
            }
        });
        json.path("controls").forEach(c -> c.path("evidence").forEach(e -> {
            if (Phrases.french(e.path("proof").asText()).isEmpty()) {
                missing.add("proof: " + e.path("proof").asText());
            }
        }));
        assertThat(json.path("acknowledgements").size()).isGreaterThan(100);
        assertThat(missing).as("texts without their French in evidence/phrases_fr.txt").isEmpty();
    }

    @Test
    @Requirement("CMPL-3")
    void jsonValidatesAndCompareListsWhatChanged() throws IOException {
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--format", "json", "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Path.of(CliRun.configDir(), "..", "docs", "report-schema.json").toFile()));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.path("summary").path("packs").toString()).contains("AwsSolutions", "MedSaas.HDS-RGPD");
        assertThat(json.path("acknowledgements").size()).isGreaterThan(100);

        // Last quarter's report lacked one acknowledgement and had a finding since fixed.
        ObjectNode old = json.deepCopy();
        JsonNode dropped = ((ArrayNode) old.path("acknowledgements")).remove(0);
        ((ArrayNode) old.path("controls").path(0).path("evidence")).addObject().put("ruleStatus", "non-compliant")
                .put("stack", "MedSaas-prod-Data").put("logicalId", "Fixed").put("region", "eu-west-3").put("type", "AWS::S3::Bucket")
                .put("constructPath", "x").put("proof", "p").putArray("nagFindings");
        Path oldFile = tmp.resolve("old.json");
        JSON.writeValue(oldFile.toFile(), old);
        CliRun compared = CliRun.of("report", "--assembly", prod.toString(), "--format", "json", "--compare", oldFile.toString());
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        JsonNode c = JSON.readTree(compared.out()).path("comparison");
        assertThat(c.path("newAcknowledgements").toString()).contains(dropped.path("rule").asText() + " "
                + dropped.path("stack").asText() + "/" + dropped.path("logicalId").asText());
        assertThat(c.path("resolvedFindings").toString()).contains("MedSaas-prod-Data/Fixed (non-compliant)");
        assertThat(c.path("newFindings")).isEmpty();
    }

    @Test
    @Requirement("CMPL-3")
    void markdownRendersTheSameSections() {
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--format", "md", "--lang", "fr");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Rapport de preuves").contains("## Où vivent les données de santé (CMPL-5)",
                "```mermaid", "| `MEDSAAS-RES-1` |");
    }

    @Test
    @Requirement("CMPL-3")
    void refusesABadCompareOrAuditFileWithExit2AndWritesNothing() throws IOException {
        Path out = tmp.resolve("never.html");
        Path notJson = tmp.resolve("bad.json");
        Files.writeString(notJson, "not json");
        CliRun run = CliRun.of("report", "--assembly", prod.toString(), "--compare", notJson.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--compare", "bad.json", "nothing was written");
        Files.writeString(notJson, "{\"some\":\"json\"}");
        run = CliRun.of("report", "--assembly", prod.toString(), "--audit", notJson.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("medsaas audit --format json");
        run = CliRun.of("report", "--assembly", tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("report", "--assembly", prod.toString(), "--lang", "de").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).doesNotExist();
    }

    /** Chromium's path, or empty; with CI=true its absence fails the test (the CI installs it). */
    static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is missing: .ci/run installs it (apt-get install -y chromium)");
        }
        System.err.println("NOTICE: chromium not found; the rendered-report test is skipped (apt-get install -y chromium)");
        Assumptions.abort("chromium not installed");
        return null;
    }

    static String browse(Path chromium, Path page, String... action) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,2000"));
        cmd.addAll(List.of(action));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return out;
    }

    @Test
    @Requirement({"CMPL-3", "DIAG-1"})
    void diagramFitsA1280PixelWindowWithoutHorizontalScrolling() throws Exception {
        Path chromium = chromium();
        // The report has no script; a copy gets one that writes what the browser measured into the DOM.
        String html = Files.readString(rapport);
        Path measured = tmp.resolve("rapport-measured.html");
        Files.writeString(measured, html.replace("</body>", "<script>var s=document.querySelector('#diagram svg');"
                + "var r=s.getBoundingClientRect();document.body.setAttribute('data-measured',"
                + "[document.documentElement.scrollWidth,window.innerWidth,Math.round(r.right),Math.round(r.width),"
                + "s.viewBox.baseVal.width].join(' '));</script></body>"));
        String dom = browse(chromium, measured, "--window-size=1280,800", "--virtual-time-budget=3000", "--dump-dom");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-measured=\"(\\d+) (\\d+) (\\d+) (\\d+) (\\d+)\"").matcher(dom);
        assertThat(m.find()).as("the page's measures").isTrue();
        int scrollWidth = Integer.parseInt(m.group(1));
        int window = Integer.parseInt(m.group(2));
        assertThat(window).isEqualTo(1280);
        assertThat(scrollWidth).as("page width at 1280 px").isLessThanOrEqualTo(window);
        assertThat(Integer.parseInt(m.group(3))).as("the diagram's right edge").isLessThanOrEqualTo(window);
        System.err.printf("diagram at 1280 px: drawn %s px wide from a viewBox %s wide%n", m.group(4), m.group(5));
        Path shot = OUT.resolve("rapport-1280.png");
        browse(chromium, rapport, "--window-size=1280,800", "--screenshot=" + shot.toAbsolutePath());
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /**
     * Run in the page by Chromium: for every text of the diagram, its measured box (getBBox) against
     * the box it is drawn in (the first rect of its group), any node box covering it, each arrow's
     * end against the node boxes, and the smallest font as drawn on the screen (font size times the
     * ratio of drawn to viewBox width). Written into the DOM as JSON for --dump-dom.
     */
    static final String MEASURE = """
            <script>
            var s=document.querySelector('#diagram svg')||document.querySelector('svg');
            var k=s.getBoundingClientRect().width/s.viewBox.baseVal.width,out={overflow:[],covered:[],arrows:[],minFont:1e9,texts:0};
            var nodes=[].slice.call(s.querySelectorAll('rect.node')).map(function(r){return r.getBBox();});
            function inside(b,r,t){return b.x>=r.x-t&&b.y>=r.y-t&&b.x+b.width<=r.x+r.width+t&&b.y+b.height<=r.y+r.height+t;}
            function meets(a,b){return a.x<b.x+b.width&&b.x<a.x+a.width&&a.y<b.y+b.height&&b.y<a.y+a.height;}
            s.querySelectorAll('text').forEach(function(t){
              out.texts++;
              out.minFont=Math.min(out.minFont,parseFloat(getComputedStyle(t).fontSize)*k);
              var b=t.getBBox(),box=t.parentNode.querySelector(':scope > rect');
              if(!box||!inside(b,box.getBBox(),0.5)){out.overflow.push(t.textContent);}
              nodes.forEach(function(n){var own=box&&box.classList.contains('node')&&box.getBBox();
                if(!(own&&own.x===n.x&&own.y===n.y)&&meets(b,n)){out.covered.push(t.textContent);}});
            });
            s.querySelectorAll('path[marker-end]').forEach(function(p){
              if(p.closest('.legend')){return;}
              var e=p.getPointAtLength(p.getTotalLength());
              var onNode=nodes.some(function(n){var inX=e.x>=n.x-1.5&&e.x<=n.x+n.width+1.5,inY=e.y>=n.y-1.5&&e.y<=n.y+n.height+1.5;
                return inX&&inY&&(Math.abs(e.x-n.x)<1.5||Math.abs(e.x-n.x-n.width)<1.5||Math.abs(e.y-n.y)<1.5||Math.abs(e.y-n.y-n.height)<1.5);});
              if(!onNode){out.arrows.push(p.getAttribute('d'));}
            });
            out.width=Math.round(s.getBoundingClientRect().width);out.viewBox=s.viewBox.baseVal.width+'x'+s.viewBox.baseVal.height;
            out.minFont=Math.round(out.minFont*100)/100;
            document.body.setAttribute('data-diagram',JSON.stringify(out));
            </script>""";

    /** What {@link #MEASURE} found in {@code page} opened at {@code window}. */
    static JsonNode measured(Path chromium, Path page, String window) throws Exception {
        String dom = browse(chromium, page, "--window-size=" + window, "--virtual-time-budget=5000", "--dump-dom");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-diagram=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("the diagram's measures").isTrue();
        return JSON.readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
    }

    /**
     * DIAG-1 as a person sees it: the prod diagram alone, at 1280x800 and at the width of an A4
     * landscape page (1123 px), and inside the French report at 1280: no text outside its box or
     * under another node, every arrow ends on a node's border, and the smallest text is at least
     * 10 px on the screen (about 7 pt on the A4 landscape page).
     */
    @Test
    @Requirement({"DIAG-1", "CMPL-3"})
    void diagramTextFitsItsBoxesAndReadsAt1280AndOnA4Landscape() throws Exception {
        Path chromium = chromium();
        Path svg = tmp.resolve("arch.svg");
        CliRun run = CliRun.of("diagram", "--assembly", prod.toString(), "--out", svg.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path page = OUT.resolve("diagram.html");
        Files.writeString(page, "<!doctype html><html><head><meta charset=\"utf-8\"><style>body{margin:0}svg{display:block;width:100%;height:auto}"
                + "</style></head><body>" + Files.readString(svg) + MEASURE + "</body></html>");
        for (String[] at : new String[][] {{"1280,800", "10"}, {"1123,794", "9"}}) {
            JsonNode m = measured(chromium, page, at[0]);
            System.err.printf("diagram at %s: %s%n", at[0], m);
            assertThat(m.path("texts").asInt()).isGreaterThan(100);
            assertThat(m.path("overflow")).as("texts outside their box at " + at[0]).isEmpty();
            assertThat(m.path("covered")).as("texts under another node at " + at[0]).isEmpty();
            assertThat(m.path("arrows")).as("arrows that do not end on a node at " + at[0]).isEmpty();
            assertThat(m.path("minFont").asDouble()).as("smallest text on the screen at " + at[0] + ", px")
                    .isGreaterThanOrEqualTo(Double.parseDouble(at[1]));
        }
        browse(chromium, page, "--window-size=1280,800", "--screenshot=" + OUT.resolve("diagram-1280.png").toAbsolutePath());
        browse(chromium, page, "--window-size=1123,794", "--screenshot=" + OUT.resolve("diagram-a4-landscape.png").toAbsolutePath());

        Path report = tmp.resolve("rapport-diagram.html");
        Files.writeString(report, Files.readString(rapport).replace("</body>", MEASURE + "</body>"));
        JsonNode inReport = measured(chromium, report, "1280,800");
        System.err.printf("diagram in the report at 1280: %s%n", inReport);
        assertThat(inReport.path("overflow")).isEmpty();
        assertThat(inReport.path("minFont").asDouble()).as("smallest text of the report's diagram at 1280, px").isGreaterThanOrEqualTo(10);
    }

    @Test
    @Requirement({"CMPL-3", "CMPL-5", "CMPL-6"})
    void chromiumRendersPrintsAndScreenshotsTheFrenchReport() throws Exception {
        Path chromium = chromium();
        String dom = browse(chromium, rapport, "--dump-dom");
        assertThat(dom).contains("<title>Rapport de preuves de conformité HDS et RGPD : environnement prod</title>");
        // A control's status cell, as rendered: the data-status and its text.
        int control = dom.indexOf("id=\"ctl-MEDSAAS-RES-1\"");
        assertThat(control).isPositive();
        String after = dom.substring(control);
        assertThat(after.substring(after.indexOf("data-status=\""), after.indexOf("</td>")))
                .contains("data-status=\"met\"", "Conforme");
        // The embedded diagram is there and has content.
        int svg = dom.indexOf("<svg", dom.indexOf("id=\"diagram\""));
        assertThat(svg).isPositive();
        String diagram = dom.substring(svg, dom.indexOf("</svg>", svg));
        assertThat(diagram).contains("<rect", "<text", "eu-west-3");
        assertThat(diagram.length()).isGreaterThan(10_000);

        Path pdf = OUT.resolve("rapport.pdf");
        Files.deleteIfExists(pdf);
        browse(chromium, rapport, "--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath());
        assertThat(Files.size(pdf)).isGreaterThan(50_000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        Path first = OUT.resolve("rapport-first-page.png");
        browse(chromium, rapport, "--screenshot=" + first.toAbsolutePath());
        assertThat(Files.size(first)).isGreaterThan(20_000);
        // A headless screenshot ignores #fragments: the residency section is shot from a page of its own.
        String html = Files.readString(rapport);
        int start = html.indexOf("<section id=\"residency\">");
        Path residencyPage = OUT.resolve("rapport-residency.html");
        Files.writeString(residencyPage, html.substring(0, html.indexOf("<body>") + 6)
                + html.substring(start, html.indexOf("</section>", start) + 10) + "</body></html>");
        Path residency = OUT.resolve("rapport-residency.png");
        browse(chromium, residencyPage, "--screenshot=" + residency.toAbsolutePath());
        assertThat(Files.size(residency)).isGreaterThan(20_000);
    }
}
