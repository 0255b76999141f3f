package fr.medsaas.compliance.evidence;

import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Crossing;
import fr.medsaas.compliance.evidence.EvidenceReport.Residency;
import java.util.Locale;

/** The words the writers share: control titles, reference titles, risks and the public statement. */
final class Texts {
    private final Messages m;

    Texts(Messages m) {
        this.m = m;
    }

    Messages messages() {
        return m;
    }

    /** Whether a control id names a manual item. */
    static boolean isManual(String controlId) {
        return ManualControls.ITEMS.stream().anyMatch(i -> i.id().equals(controlId));
    }

    String status(ControlStatus s) {
        return m.get("status." + s.key());
    }

    String ruleStatus(String ruleStatus) {
        return m.get("answer." + ruleStatus);
    }

    String controlTitle(Control c) {
        return c.automated() ? RuleTexts.title(RuleTexts.rule(c.id()), m.lang()) : m.get("manual." + c.id() + ".title");
    }

    String controlExplanation(Control c) {
        return c.automated() ? RuleTexts.explanation(RuleTexts.rule(c.id()), m.lang()) : m.get("manual." + c.id() + ".why");
    }

    String fix(Control c) {
        return c.automated() ? RuleTexts.fix(RuleTexts.rule(c.id()), m.lang()) : bring(c);
    }

    String bring(Control c) {
        return m.get("manual." + c.id() + ".bring");
    }

    /** The bundle's title of a reference; our requirement ids are named as such. */
    String referenceTitle(String ref) {
        String key = "ref." + ref.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("_+$", "");
        if (m.has(key)) {
            return m.get(key);
        }
        return EvidenceBuilder.family(ref).equals("MEDSAAS") ? m.get("ref.medsaas", ref) : ref;
    }

    /** The retention terms of a store ({@code logs 365, versions 30}) in words. */
    String retention(java.util.Optional<String> terms) {
        if (terms.isEmpty()) {
            return m.get("retention.unstated");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String term : terms.get().split(", ")) {
            String[] kd = term.split(" ");
            out.add(kd.length == 2 ? m.get("retention." + kd[0], kd[1]) : m.get("retention." + kd[0]));
        }
        // One day is singular in both languages.
        return String.join("; ", out).replace(" 1 jours", " 1 jour").replace(" 1 days", " 1 day");
    }

    String residualRisk(Crossing c) {
        if (!c.kind().equals("resource-outside-eea")) {
            return m.get("risk." + c.kind(), c.detail());
        }
        return m.get(c.holdsData() ? "risk.outside.store" : "risk.outside.settings", c.region());
    }

    String crossingWhat(Crossing c) {
        return m.get("crossing." + c.kind(), c.detail(), c.region());
    }

    /** The draft of the statement HDS EXI 31 asks the host to publish. */
    String statement(Residency r) {
        if (r.healthDataOutsideEea()) {
            return m.get("statement.transfers");
        }
        long others = r.crossings().stream().filter(c -> !c.kind().equals("provider-law")).count();
        String text = m.get("statement.none") + (others > 0 ? " " + m.get("statement.none.crossings", others) : "");
        for (Crossing c : r.crossings()) {
            if (c.kind().equals("edge-locations") && c.holdsData()) {
                text += " " + m.get("statement.edge", c.detail());
            } else if (c.kind().equals("edge-no-cache")) {
                text += " " + m.get("statement.edge.nocache", c.detail());
            }
        }
        return text;
    }
}
