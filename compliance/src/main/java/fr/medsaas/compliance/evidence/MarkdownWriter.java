package fr.medsaas.compliance.evidence;

import fr.medsaas.compliance.evidence.EvidenceReport.Ack;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Crossing;
import fr.medsaas.compliance.evidence.EvidenceReport.Evidence;
import fr.medsaas.compliance.evidence.EvidenceReport.ReferenceGroup;
import fr.medsaas.compliance.evidence.EvidenceReport.Store;
import java.util.List;
import java.util.Locale;

/**
 * The report as GitHub-flavoured Markdown: the same sections as the HTML; the diagram as Mermaid
 * (GitHub draws it; an inline SVG would be stripped).
 */
public final class MarkdownWriter {
    private final EvidenceReport report;
    private final Texts t;
    private final Messages m;
    private final String mermaid;
    private final StringBuilder out = new StringBuilder(128 * 1024);

    private MarkdownWriter(EvidenceReport report, Messages m, String mermaid) {
        this.report = report;
        this.m = m;
        this.t = new Texts(m);
        this.mermaid = mermaid;
    }

    /** The whole document; {@code mermaid} is the diagram in Mermaid. */
    public static String write(EvidenceReport report, Messages m, String mermaid) {
        return new MarkdownWriter(report, m, mermaid).document();
    }

    private String document() {
        EvidenceReport.Summary s = report.summary();
        out.append("# ").append(m.get("title", s.environment())).append("\n\n")
                .append(m.get("subtitle", s.generatedAt().toString().substring(0, 10))).append("\n\n");
        section("summary");
        table(List.of(m.get("col.field"), m.get("col.value")), List.of(
                List.of(m.get("summary.environment"), s.environment()),
                List.of(m.get("summary.date"), s.generatedAt().toString()),
                List.of(m.get("summary.tool"), s.toolVersion()),
                List.of(m.get("summary.commit"), "`" + s.gitCommit() + "`"),
                List.of(m.get("summary.sha"), "`" + s.assemblySha256() + "`"),
                List.of(m.get("summary.size"), m.get("summary.size.value", s.stacks(), s.resources())),
                List.of(m.get("summary.packs"), String.join("; ", s.packs().stream().map(p -> p.name()
                        + (p.version().isEmpty() ? "" : " " + p.version()) + " (" + m.get("pack." + p.where()) + ")").toList()))));
        table(List.of(m.get("col.status"), m.get("col.controls"), m.get("col.meaning")), s.counts().entrySet().stream()
                .map(e -> List.of(status(e.getKey()), String.valueOf(e.getValue()), m.get("meaning." + e.getKey().key()))).toList());

        section("references");
        String family = "";
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ReferenceGroup g : report.references()) {
            if (!g.family().equals(family)) {
                flushRefs(family, rows);
                family = g.family();
            }
            String manual = g.status() != ControlStatus.MANUAL && g.controlIds().stream().anyMatch(Texts::isManual)
                    ? " + " + t.status(ControlStatus.MANUAL).toLowerCase(m.lang().locale()) : "";
            rows.add(List.of(g.reference(), t.referenceTitle(g.reference()), status(g.status()) + manual, String.join(", ", g.controlIds())));
        }
        flushRefs(family, rows);

        section("controls");
        for (Control c : report.controls()) {
            if (!c.automated()) {
                continue;
            }
            out.append("### ").append(c.id()).append(" — ").append(t.controlTitle(c)).append("\n\n")
                    .append("**").append(m.get("col.status")).append("**: ").append(status(c.status())).append(" · **")
                    .append(m.get("col.level")).append("**: ").append(m.get("level." + c.level())).append(" · **")
                    .append(m.get("col.references")).append("**: ").append(String.join(", ", c.references())).append("\n\n")
                    .append(t.controlExplanation(c)).append("\n\n");
            table(List.of(m.get("col.resource"), m.get("col.type"), m.get("col.region"), m.get("col.answer"), m.get("col.proof"),
                    m.get("col.exceptions")), c.evidence().stream().map(this::evidenceRow).toList());
        }

        section("acknowledgements");
        out.append(m.get("acks.caption", report.acknowledgements().size())).append("\n\n");
        table(List.of(m.get("col.rule"), m.get("col.pack"), m.get("col.resource"), m.get("col.type"), m.get("col.reason")),
                report.acknowledgements().stream().map(a -> List.of("`" + a.rule() + "`", a.pack(), "`" + a.constructPath() + "`",
                        a.type(), Phrases.in(m.lang(), a.reason()))).toList());

        EvidenceReport.Residency r = report.residency();
        section("residency");
        out.append("### ").append(m.get("residency.stores")).append("\n\n");
        table(List.of(m.get("col.store"), m.get("col.type"), m.get("col.region"), m.get("col.health"), m.get("col.key"),
                m.get("col.retention"), m.get("col.readers")), r.stores().stream().map(this::storeRow).toList());
        out.append("### ").append(m.get("residency.crossings")).append("\n\n");
        table(List.of(m.get("col.what"), m.get("col.resource"), m.get("col.region"), m.get("col.risk")), r.crossings().stream()
                .map(c -> List.of(t.crossingWhat(c), c.stack().isEmpty() ? "—" : "`" + c.stack() + "/" + c.logicalId() + "` (" + c.type() + ")",
                        c.region(), t.residualRisk(c))).toList());
        out.append("### ").append(m.get("residency.statement")).append("\n\n> ").append(t.statement(r)).append("\n\n");

        section("diagram");
        out.append("```mermaid\n").append(mermaid.strip()).append("\n```\n\n").append(m.get("diagram.caption")).append("\n\n");

        EvidenceReport.CostSummary c = report.cost();
        section("cost");
        out.append(m.get("cost.caption", c.priceDate(), c.currency())).append("\n\n");
        List<List<String>> costRows = new java.util.ArrayList<>();
        c.byStack().forEach((k, v) -> costRows.add(List.of("`" + k + "`", money(v))));
        costRows.add(List.of("**" + m.get("cost.total") + "**", "**" + money(c.totalUsd()) + "**"));
        table(List.of(m.get("col.stack"), m.get("col.monthly", c.currency())), costRows);
        out.append(m.get("cost.notPriced", c.notPriced())).append("\n\n");

        report.audit().ifPresent(a -> {
            section("audit");
            out.append(m.get("audit.summary", a.environment(), a.at(), a.counts().get("PASS"), a.counts().get("FAIL"),
                    a.counts().get("COULD_NOT_CHECK"), a.operations())).append("\n\n");
            table(List.of(m.get("col.rule"), m.get("col.answer"), m.get("col.resource"), m.get("col.region"), m.get("col.proof")),
                    a.findings().stream().map(f -> List.of("`" + f.ruleId() + "`", m.get("audit." + f.status()), "`" + f.where() + "`",
                            f.region(), f.message())).toList());
        });

        section("manual");
        table(List.of(m.get("col.control"), m.get("col.status"), m.get("col.references"), m.get("col.bring")),
                report.controls().stream().filter(x -> !x.automated()).map(x -> List.of("`" + x.id() + "` " + t.controlTitle(x),
                        status(x.status()), String.join(", ", x.references()),
                        t.controlExplanation(x) + " **" + m.get("bring") + "** " + t.bring(x))).toList());

        report.comparison().ifPresent(cmp -> {
            section("changes");
            out.append(m.get("changes.since", cmp.previousAt(), cmp.previousSha256())).append("\n\n");
            list("changes.newFindings", cmp.newFindings());
            list("changes.resolvedFindings", cmp.resolvedFindings());
            list("changes.newAcknowledgements", cmp.newAcknowledgements());
            list("changes.removedAcknowledgements", cmp.removedAcknowledgements());
        });

        section("appendix");
        table(List.of(m.get("col.rule"), m.get("col.level"), m.get("col.what"), m.get("col.fix"), m.get("col.references")),
                report.controls().stream().filter(Control::automated).map(x -> List.of("`" + x.id() + "`", m.get("level." + x.level()),
                        "**" + t.controlTitle(x) + "**. " + t.controlExplanation(x), t.fix(x), String.join(", ", x.references()))).toList());
        out.append("---\n\n").append(m.get("footer", s.toolVersion(), s.assemblySha256())).append("\n");
        return out.toString();
    }

    private void flushRefs(String family, List<List<String>> rows) {
        if (!family.isEmpty()) {
            out.append("### ").append(m.get("family." + family)).append("\n\n");
            table(List.of(m.get("col.reference"), m.get("col.asks"), m.get("col.status"), m.get("col.controls")), rows);
        }
        rows.clear();
    }

    private List<String> evidenceRow(Evidence e) {
        StringBuilder ex = new StringBuilder();
        e.acknowledgment().ifPresent(a -> ex.append("**").append(m.get("acknowledged")).append("** ").append(Phrases.in(m.lang(), a)));
        if (!e.nagFindings().isEmpty()) {
            ex.append(ex.length() > 0 ? "<br>" : "").append(m.get("controls.nag", e.nagFindings().size())).append(" ")
                    .append(String.join(", ", e.nagFindings().stream().map(a -> "`" + a.rule() + "`").toList()));
        }
        ControlStatus st = HtmlWriter.answerStatus(e);
        return List.of(e.stack().isEmpty() ? m.get("assembly") : "`" + e.stack() + "/" + e.logicalId() + "`", e.type(), e.region(),
                emoji(st) + " " + t.ruleStatus(e.ruleStatus()), Phrases.in(m.lang(), e.proof()), ex.toString());
    }

    private List<String> storeRow(Store s) {
        String region = s.region().equals("edge") ? m.get("region.edge") : s.region() + " (" + m.get(s.inEea() ? "region.eea" : "region.outside") + ")";
        return List.of(s.name() + "<br>`" + s.stack() + "/" + s.logicalId() + "`", s.type(), region, m.get(s.healthData() ? "yes" : "no"),
                s.key().orElse(m.get("key.none")), t.retention(s.retention()),
                s.readers().isEmpty() ? m.get("readers.none") : String.join(", ", s.readers()));
    }

    private void list(String key, List<String> items) {
        out.append("**").append(m.get(key, items.size())).append("**\n\n");
        if (items.isEmpty()) {
            out.append(m.get("none")).append("\n\n");
            return;
        }
        items.forEach(i -> out.append("- `").append(i).append("`\n"));
        out.append("\n");
    }

    private void section(String id) {
        out.append("## ").append(m.get("section." + id)).append("\n\n");
        if (m.has("intro." + id)) {
            out.append(m.get("intro." + id)).append("\n\n");
        }
    }

    private String status(ControlStatus s) {
        return emoji(s) + " " + t.status(s);
    }

    private static String emoji(ControlStatus s) {
        return switch (s) {
            case MET -> "✅";
            case NOT_MET -> "❌";
            case ACKNOWLEDGED -> "⚠️";
            case NOT_EVALUABLE -> "❔";
            case MANUAL -> "📝";
        };
    }

    private void table(List<String> head, List<List<String>> rows) {
        out.append("| ").append(String.join(" | ", head.stream().map(MarkdownWriter::cell).toList())).append(" |\n|");
        head.forEach(h -> out.append("---|"));
        out.append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(MarkdownWriter::cell).toList())).append(" |\n");
        }
        out.append("\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
