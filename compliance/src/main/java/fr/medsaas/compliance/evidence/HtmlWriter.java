package fr.medsaas.compliance.evidence;

import fr.medsaas.compliance.evidence.EvidenceReport.Ack;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Crossing;
import fr.medsaas.compliance.evidence.EvidenceReport.Evidence;
import fr.medsaas.compliance.evidence.EvidenceReport.ReferenceGroup;
import fr.medsaas.compliance.evidence.EvidenceReport.Store;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained XHTML file: inline CSS and SVG, no script, no web font; print
 * CSS for A4 (a page per section, no row cut in two); statuses as text and colour.
 */
public final class HtmlWriter {
    private static final String CSS = """
            :root{color-scheme:light}
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45;color:#1f2328;background:#fff;margin:0 auto;max-width:1180px;padding:24px 32px}
            h1{font-size:26px;margin:0 0 4px}
            h2{font-size:20px;border-bottom:2px solid #0a3069;padding-bottom:4px;margin-top:40px;color:#0a3069}
            h3{font-size:16px;margin:24px 0 6px}
            .subtitle{color:#424a53;margin:0 0 16px}
            table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:12.5px}
            caption{text-align:left;font-weight:bold;padding:4px 0;color:#424a53}
            th,td{border:1px solid #b6bec7;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
            thead th{background:#eef1f4}
            th[scope=row]{background:#f6f8fa;width:28%}
            .status{font-weight:bold;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
            .st-met{background:#dafbe1;color:#0a3d1a}
            .st-not-met{background:#ffebe9;color:#82071e}
            .st-acknowledged{background:#fff8c5;color:#5c4300}
            .st-not-evaluable{background:#eaeef2;color:#24292f}
            .st-manual{background:#ddf4ff;color:#0a3069}
            .mono{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:11.5px;overflow-wrap:anywhere}
            .control{border-left:4px solid #b6bec7;padding-left:12px;margin:18px 0}
            .control.c-not-met{border-left-color:#cf222e}
            .control.c-acknowledged{border-left-color:#bf8700}
            .control.c-met{border-left-color:#1a7f37}
            .meta{color:#424a53;margin:2px 0 6px}
            blockquote{border-left:4px solid #0a3069;margin:8px 0;padding:8px 14px;background:#f6f8fa}
            q{quotes:"\\00AB\\00A0" "\\00A0\\00BB"}
            figure{margin:8px 0}
            figure svg{width:100%;height:auto;max-width:100%;border:1px solid #d0d7de}
            section#diagram figure{width:calc(100vw - 64px);max-width:1440px;position:relative;left:50%;transform:translateX(-50%)}
            nav ol{columns:2}
            .cover{border:1px solid #d0d7de;padding:14px 18px;background:#f6f8fa}
            .ack{color:#5c4300}
            .wrap{white-space:normal}
            table.evidence{table-layout:fixed}
            .evidence th:nth-child(1){width:19%}
            .evidence th:nth-child(2){width:13%}
            .evidence th:nth-child(3){width:9%}
            .evidence th:nth-child(4){width:11%}
            .evidence th:nth-child(5){width:24%}
            table.stores{table-layout:fixed}
            .stores th:nth-child(1){width:21%}
            .stores th:nth-child(2){width:12%}
            .stores th:nth-child(3){width:11%}
            .stores th:nth-child(4){width:8%}
            .stores th:nth-child(5){width:17%}
            .stores th:nth-child(6){width:13%}
            footer{margin-top:40px;color:#424a53;font-size:12px}
            @page{size:A4;margin:14mm 12mm}
            @page diagram{size:A4 landscape;margin:8mm}
            @media print{
              body{max-width:none;padding:0;font-size:10.5pt}
              nav{display:none}
              section{break-before:page}
              section#summary{break-before:auto}
              tr,figure,blockquote,.control h3{break-inside:avoid}
              h2,h3{break-after:avoid}
              thead{display:table-header-group}
              figure svg{width:auto;max-width:100%;height:auto;max-height:250mm}
              section#diagram{page:diagram}
              section#diagram figure{width:100%;left:0;transform:none;break-inside:auto}
              section#diagram figure svg{width:100%;max-height:none}
              a{color:inherit;text-decoration:none}
            }
            """;

    private final EvidenceReport report;
    private final Texts t;
    private final Messages m;
    private final StringBuilder out = new StringBuilder(256 * 1024);

    private HtmlWriter(EvidenceReport report, Messages m) {
        this.report = report;
        this.m = m;
        this.t = new Texts(m);
    }

    /** The whole document. */
    public static String write(EvidenceReport report, Messages m) {
        return new HtmlWriter(report, m).document();
    }

    private String document() {
        EvidenceReport.Summary s = report.summary();
        String title = m.get("title", s.environment());
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(m.lang().name())
                .append("\" xml:lang=\"").append(m.lang().name()).append("\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"subtitle\">")
                .append(esc(m.get("subtitle", s.generatedAt().toString().substring(0, 10)))).append("</p>\n</header>\n");
        nav();
        summary();
        references();
        controls();
        acknowledgements();
        residency();
        diagram();
        cost();
        report.audit().ifPresent(this::audit);
        manual();
        report.comparison().ifPresent(this::comparison);
        appendix();
        out.append("<footer><p>").append(esc(m.get("footer", s.toolVersion(), s.assemblySha256()))).append("</p></footer>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void nav() {
        out.append("<nav aria-label=\"").append(esc(m.get("toc"))).append("\">\n<h2>").append(esc(m.get("toc")))
                .append("</h2>\n<ol>\n");
        for (String id : sections()) {
            out.append("<li><a href=\"#").append(id).append("\">").append(esc(m.get("section." + id))).append("</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private List<String> sections() {
        java.util.ArrayList<String> ids = new java.util.ArrayList<>(List.of("summary", "references", "controls",
                "acknowledgements", "residency", "diagram", "cost"));
        report.audit().ifPresent(a -> ids.add("audit"));
        ids.add("manual");
        report.comparison().ifPresent(c -> ids.add("changes"));
        ids.add("appendix");
        return ids;
    }

    private void open(String id) {
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(m.get("section." + id))).append("</h2>\n");
        if (m.has("intro." + id)) {
            out.append("<p>").append(esc(m.get("intro." + id))).append("</p>\n");
        }
    }

    private void close() {
        out.append("</section>\n");
    }

    private void summary() {
        EvidenceReport.Summary s = report.summary();
        open("summary");
        out.append("<table class=\"kv\">\n<caption>").append(esc(m.get("summary.caption"))).append("</caption>\n<tbody>\n");
        row(m.get("summary.environment"), s.environment());
        row(m.get("summary.date"), s.generatedAt().toString());
        row(m.get("summary.tool"), s.toolVersion());
        row(m.get("summary.commit"), s.gitCommit());
        row(m.get("summary.sha"), s.assemblySha256());
        row(m.get("summary.size"), m.get("summary.size.value", s.stacks(), s.resources()));
        StringBuilder packs = new StringBuilder();
        s.packs().forEach(p -> packs.append(packs.length() > 0 ? "; " : "").append(p.name())
                .append(p.version().isEmpty() ? "" : " " + p.version()).append(" (").append(m.get("pack." + p.where())).append(")"));
        row(m.get("summary.packs"), packs.toString());
        out.append("</tbody>\n</table>\n");
        out.append("<table class=\"counts\">\n<caption>").append(esc(m.get("summary.counts"))).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(esc(m.get("col.status"))).append("</th><th scope=\"col\">").append(esc(m.get("col.controls")))
                .append("</th><th scope=\"col\">").append(esc(m.get("col.meaning"))).append("</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<ControlStatus, Integer> e : s.counts().entrySet()) {
            out.append("<tr>");
            statusCell(e.getKey(), "th");
            out.append("<td>").append(e.getValue()).append("</td><td>").append(esc(m.get("meaning." + e.getKey().key())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    private void row(String head, String value) {
        out.append("<tr><th scope=\"row\">").append(esc(head)).append("</th><td class=\"mono\">").append(esc(value))
                .append("</td></tr>\n");
    }

    private void statusCell(ControlStatus s, String tag) {
        out.append('<').append(tag).append(tag.equals("th") ? " scope=\"row\"" : "").append(" class=\"status st-").append(s.key())
                .append("\" data-status=\"").append(s.key()).append("\">").append(esc(symbol(s) + " " + t.status(s)))
                .append("</").append(tag).append('>');
    }

    private static String symbol(ControlStatus s) {
        return switch (s) {
            case MET -> "✔";
            case NOT_MET -> "✘";
            case ACKNOWLEDGED -> "!";
            case NOT_EVALUABLE -> "?";
            case MANUAL -> "☐";
        };
    }

    private void references() {
        open("references");
        String family = "";
        for (ReferenceGroup g : report.references()) {
            if (!g.family().equals(family)) {
                if (!family.isEmpty()) {
                    out.append("</tbody>\n</table>\n");
                }
                family = g.family();
                out.append("<h3>").append(esc(m.get("family." + family))).append("</h3>\n<table>\n<thead><tr><th scope=\"col\">")
                        .append(esc(m.get("col.reference"))).append("</th><th scope=\"col\">").append(esc(m.get("col.asks")))
                        .append("</th><th scope=\"col\">").append(esc(m.get("col.status"))).append("</th><th scope=\"col\">")
                        .append(esc(m.get("col.controls"))).append("</th></tr></thead>\n<tbody>\n");
            }
            out.append("<tr><th scope=\"row\">").append(esc(g.reference())).append("</th><td>").append(esc(t.referenceTitle(g.reference())))
                    .append("</td>");
            statusCell(g.status(), "td");
            if (g.status() != ControlStatus.MANUAL && g.controlIds().stream().anyMatch(Texts::isManual)) {
                // The automated part's status; the operator's documents are still due.
                out.insert(out.lastIndexOf("</td>"), esc(" + " + t.status(ControlStatus.MANUAL).toLowerCase(m.lang().locale())));
            }
            out.append("<td>");
            for (int i = 0; i < g.controlIds().size(); i++) {
                String id = g.controlIds().get(i);
                out.append(i > 0 ? ", " : "").append("<a href=\"#ctl-").append(id).append("\">").append(esc(id)).append("</a>");
            }
            out.append("</td></tr>\n");
        }
        if (!family.isEmpty()) {
            out.append("</tbody>\n</table>\n");
        }
        close();
    }

    private void controls() {
        open("controls");
        for (Control c : report.controls()) {
            if (!c.automated()) {
                continue;
            }
            out.append("<div class=\"control c-").append(c.status().key()).append("\" id=\"ctl-").append(c.id()).append("\">\n<h3>")
                    .append(esc(c.id() + " — " + t.controlTitle(c))).append("</h3>\n");
            out.append("<table class=\"ctl-head\"><tbody><tr><th scope=\"row\">").append(esc(m.get("col.status"))).append("</th>");
            statusCell(c.status(), "td");
            out.append("</tr><tr><th scope=\"row\">").append(esc(m.get("col.level"))).append("</th><td>").append(esc(m.get("level." + c.level())))
                    .append("</td></tr><tr><th scope=\"row\">").append(esc(m.get("col.references"))).append("</th><td>")
                    .append(esc(String.join(", ", c.references()))).append("</td></tr></tbody></table>\n");
            out.append("<p>").append(esc(t.controlExplanation(c))).append("</p>\n");
            out.append("<table class=\"evidence\">\n<caption>").append(esc(m.get("controls.evidence", c.evidence().size()))).append("</caption>\n<thead><tr>");
            for (String col : List.of("col.resource", "col.type", "col.region", "col.answer", "col.proof", "col.exceptions")) {
                out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (Evidence e : c.evidence()) {
                out.append("<tr><td class=\"mono\">").append(esc(e.stack().isEmpty() ? m.get("assembly") : e.stack() + "/" + e.logicalId()))
                        .append("</td><td class=\"mono\">").append(esc(e.type())).append("</td><td>").append(esc(e.region()))
                        .append("</td>");
                ControlStatus st = answerStatus(e);
                out.append("<td class=\"status st-").append(st.key()).append("\">").append(esc(symbol(st) + " " + t.ruleStatus(e.ruleStatus())))
                        .append("</td>");
                words(e.proof(), "td");
                out.append("<td>");
                e.acknowledgment().ifPresent(a -> out.append("<p class=\"ack\"><strong>").append(esc(m.get("acknowledged")))
                        .append("</strong> ").append(esc(Phrases.in(m.lang(), a))).append("</p>"));
                if (!e.nagFindings().isEmpty()) {
                    out.append("<p>").append(esc(m.get("controls.nag", e.nagFindings().size()))).append(" ");
                    for (int i = 0; i < e.nagFindings().size(); i++) {
                        out.append(i > 0 ? ", " : "").append("<span class=\"mono\">").append(esc(e.nagFindings().get(i).rule())).append("</span>");
                    }
                    out.append("</p>");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n</div>\n");
        }
        close();
    }

    /**
     * A cell of text written in English in code or in the templates, in the report's language; one the
     * phrase book lacks keeps its English and says so with {@code lang="en"}.
     */
    private void words(String english, String tag) {
        String text = Phrases.in(m.lang(), english);
        boolean untranslated = m.lang() != Lang.en && Phrases.french(english).isEmpty();
        out.append('<').append(tag).append(untranslated ? " lang=\"en\"" : "").append('>').append(esc(text))
                .append("</").append(tag).append('>');
    }

    static ControlStatus answerStatus(Evidence e) {
        return switch (e.ruleStatus()) {
            case "compliant", "not-applicable" -> ControlStatus.MET;
            case "cannot-decide" -> e.acknowledgment().isPresent() ? ControlStatus.ACKNOWLEDGED : ControlStatus.NOT_EVALUABLE;
            default -> e.acknowledgment().isPresent() ? ControlStatus.ACKNOWLEDGED : ControlStatus.NOT_MET;
        };
    }

    private void acknowledgements() {
        open("acknowledgements");
        out.append("<table>\n<caption>").append(esc(m.get("acks.caption", report.acknowledgements().size()))).append("</caption>\n<thead><tr>");
        for (String col : List.of("col.rule", "col.pack", "col.resource", "col.type", "col.reason")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Ack a : report.acknowledgements()) {
            out.append("<tr><td class=\"mono\">").append(esc(a.rule())).append("</td><td>").append(esc(a.pack()))
                    .append("</td><td class=\"mono\">").append(esc(a.constructPath())).append("</td><td class=\"mono\">")
                    .append(esc(a.type())).append("</td>");
            words(a.reason(), "td");
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    private void residency() {
        EvidenceReport.Residency r = report.residency();
        open("residency");
        out.append("<h3>").append(esc(m.get("residency.stores"))).append("</h3>\n<table class=\"stores\">\n<thead><tr>");
        for (String col : List.of("col.store", "col.type", "col.region", "col.health", "col.key", "col.retention", "col.readers")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Store s : r.stores()) {
            out.append("<tr><td class=\"mono\"><strong>").append(esc(s.name())).append("</strong><br />").append(esc(s.stack() + "/" + s.logicalId()))
                    .append("</td><td class=\"mono\">").append(esc(s.type())).append("</td>");
            ControlStatus where = s.inEea() ? ControlStatus.MET : s.region().equals("edge") ? ControlStatus.NOT_EVALUABLE : ControlStatus.NOT_MET;
            out.append("<td class=\"status wrap st-").append(where.key()).append("\">").append(esc(s.region().equals("edge") ? m.get("region.edge")
                    : s.region() + " (" + m.get(s.inEea() ? "region.eea" : "region.outside") + ")")).append("</td>");
            out.append("<td>").append(esc(m.get(s.healthData() ? "yes" : "no"))).append("</td><td class=\"mono\">")
                    .append(esc(s.key().orElse(m.get("key.none")))).append("</td><td>").append(esc(t.retention(s.retention())))
                    .append("</td><td class=\"mono\">").append(esc(s.readers().isEmpty() ? m.get("readers.none") : String.join(", ", s.readers())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<h3>").append(esc(m.get("residency.crossings"))).append("</h3>\n<table>\n<thead><tr>");
        for (String col : List.of("col.what", "col.resource", "col.region", "col.risk")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Crossing c : r.crossings()) {
            out.append("<tr><td>").append(esc(t.crossingWhat(c))).append("</td><td class=\"mono\">")
                    .append(esc(c.stack().isEmpty() ? "—" : c.stack() + "/" + c.logicalId() + " (" + c.type() + ")"))
                    .append("</td><td>").append(esc(c.region())).append("</td><td>").append(esc(t.residualRisk(c))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<h3>").append(esc(m.get("residency.statement"))).append("</h3>\n<blockquote lang=\"").append(m.lang().name()).append("\"><p>")
                .append(quoted(esc(t.statement(r)))).append("</p></blockquote>\n");
        close();
    }

    /**
     * The sentence HDS EXI 31 has the host publish is quoted in French whatever the report's language:
     * marked as a French quotation, so that readers and screen readers (and the language test) know.
     */
    private String quoted(String statement) {
        String quote = esc(m.get("statement.quote"));
        return statement.replace("« " + quote + " »", "<q lang=\"fr\" xml:lang=\"fr\">" + quote + "</q>");
    }

    private void diagram() {
        open("diagram");
        String svg = report.diagramSvg().orElseThrow(() -> new IllegalStateException("the HTML report needs the diagram"));
        int start = svg.indexOf("<svg");
        out.append("<figure role=\"group\" aria-label=\"").append(esc(m.get("section.diagram"))).append("\">\n")
                .append(svg.substring(Math.max(start, 0)).replaceFirst("<svg ", "<svg role=\"img\" aria-label=\""
                        + esc(m.get("diagram.alt")) + "\" "))
                .append("\n<figcaption>").append(esc(m.get("diagram.caption"))).append("</figcaption>\n</figure>\n");
        close();
    }

    private void cost() {
        EvidenceReport.CostSummary c = report.cost();
        open("cost");
        out.append("<table>\n<caption>").append(esc(m.get("cost.caption", c.priceDate(), c.currency()))).append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(esc(m.get("col.stack"))).append("</th><th scope=\"col\">").append(esc(m.get("col.monthly", c.currency())))
                .append("</th></tr></thead>\n<tbody>\n");
        c.byStack().forEach((k, v) -> out.append("<tr><th scope=\"row\" class=\"mono\">").append(esc(k)).append("</th><td>")
                .append(money(v)).append("</td></tr>\n"));
        out.append("<tr><th scope=\"row\">").append(esc(m.get("cost.total"))).append("</th><td><strong>").append(money(c.totalUsd()))
                .append("</strong></td></tr>\n</tbody>\n</table>\n<p>").append(esc(m.get("cost.notPriced", c.notPriced()))).append("</p>\n");
        close();
    }

    /** An amount in the report's locale ({@code 2 044,42} in French, {@code 2,044.42} in English). */
    private String money(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(m.lang().locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(v);
    }

    private void audit(EvidenceReport.LiveAudit a) {
        open("audit");
        out.append("<p>").append(esc(m.get("audit.summary", a.environment(), a.at(), a.counts().get("PASS"), a.counts().get("FAIL"),
                a.counts().get("COULD_NOT_CHECK"), a.operations()))).append("</p>\n<table>\n<thead><tr>");
        for (String col : List.of("col.rule", "col.answer", "col.resource", "col.region", "col.proof")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (EvidenceReport.AuditFinding f : a.findings()) {
            ControlStatus st = switch (f.status()) {
                case "PASS" -> ControlStatus.MET;
                case "FAIL" -> ControlStatus.NOT_MET;
                default -> ControlStatus.NOT_EVALUABLE;
            };
            out.append("<tr><td class=\"mono\"><a href=\"#ctl-").append(esc(f.ruleId())).append("\">").append(esc(f.ruleId()))
                    .append("</a></td><td class=\"status st-").append(st.key()).append("\">").append(esc(m.get("audit." + f.status())))
                    .append("</td><td class=\"mono\">").append(esc(f.where())).append("</td><td>").append(esc(f.region()))
                    .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    private void manual() {
        open("manual");
        out.append("<table>\n<thead><tr>");
        for (String col : List.of("col.control", "col.status", "col.references", "col.bring")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Control c : report.controls()) {
            if (c.automated()) {
                continue;
            }
            out.append("<tr id=\"ctl-").append(c.id()).append("\"><th scope=\"row\"><span class=\"mono\">").append(esc(c.id()))
                    .append("</span><br />").append(esc(t.controlTitle(c))).append("</th>");
            statusCell(c.status(), "td");
            out.append("<td>").append(esc(String.join(", ", c.references()))).append("</td><td>").append(esc(t.controlExplanation(c)))
                    .append(" <strong>").append(esc(m.get("bring"))).append("</strong> ").append(esc(t.bring(c))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    private void comparison(EvidenceReport.Comparison c) {
        open("changes");
        out.append("<p>").append(esc(m.get("changes.since", c.previousAt(), c.previousSha256()))).append("</p>\n");
        list("changes.newFindings", c.newFindings());
        list("changes.resolvedFindings", c.resolvedFindings());
        list("changes.newAcknowledgements", c.newAcknowledgements());
        list("changes.removedAcknowledgements", c.removedAcknowledgements());
        close();
    }

    private void list(String key, List<String> items) {
        out.append("<h3>").append(esc(m.get(key, items.size()))).append("</h3>\n");
        if (items.isEmpty()) {
            out.append("<p>").append(esc(m.get("none"))).append("</p>\n");
            return;
        }
        out.append("<ul>\n");
        items.forEach(i -> out.append("<li class=\"mono\">").append(esc(i)).append("</li>\n"));
        out.append("</ul>\n");
    }

    private void appendix() {
        open("appendix");
        out.append("<table>\n<thead><tr>");
        for (String col : List.of("col.rule", "col.level", "col.what", "col.fix", "col.references")) {
            out.append("<th scope=\"col\">").append(esc(m.get(col))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Control c : report.controls()) {
            if (!c.automated()) {
                continue;
            }
            out.append("<tr><th scope=\"row\" class=\"mono\">").append(esc(c.id())).append("</th><td>").append(esc(m.get("level." + c.level())))
                    .append("</td><td><strong>").append(esc(t.controlTitle(c))).append("</strong>. ").append(esc(t.controlExplanation(c)))
                    .append("</td><td>").append(esc(t.fix(c))).append("</td><td>").append(esc(String.join(", ", c.references())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        close();
    }

    /** Escapes text for XHTML content and attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
