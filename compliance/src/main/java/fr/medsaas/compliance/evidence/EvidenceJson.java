package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.evidence.EvidenceReport.Ack;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Crossing;
import fr.medsaas.compliance.evidence.EvidenceReport.Evidence;
import fr.medsaas.compliance.evidence.EvidenceReport.Store;

/**
 * The report as JSON, to the versioned schema {@code docs/report-schema.json}: ids, statuses and
 * resources are language-free, so two reports diff whatever their language; titles and texts are in
 * the report's language, the proofs and reasons written in English in code and templates through the
 * same phrase book as the HTML's.
 */
public final class EvidenceJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode toJson(EvidenceReport report, Messages m) {
        Texts t = new Texts(m);
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", EvidenceReport.SCHEMA_VERSION);
        root.put("lang", m.lang().name());
        EvidenceReport.Summary s = report.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("environment", s.environment());
        summary.put("generatedAt", s.generatedAt().toString());
        summary.put("toolVersion", s.toolVersion());
        summary.put("gitCommit", s.gitCommit());
        summary.put("assemblySha256", s.assemblySha256());
        summary.put("stacks", s.stacks());
        summary.put("resources", s.resources());
        ArrayNode packs = summary.putArray("packs");
        s.packs().forEach(p -> packs.addObject().put("name", p.name()).put("version", p.version()).put("ranAt", p.where()));
        ObjectNode counts = summary.putObject("counts");
        s.counts().forEach((k, v) -> counts.put(k.key(), v));

        ArrayNode controls = root.putArray("controls");
        for (Control c : report.controls()) {
            ObjectNode o = controls.addObject();
            o.put("id", c.id());
            o.put("automated", c.automated());
            o.put("level", c.level());
            o.put("status", c.status().key());
            o.put("title", t.controlTitle(c));
            o.put("explanation", t.controlExplanation(c));
            if (!c.automated()) {
                o.put("operatorBrings", t.bring(c));
            }
            ArrayNode refs = o.putArray("references");
            c.references().forEach(refs::add);
            ArrayNode evidence = o.putArray("evidence");
            for (Evidence e : c.evidence()) {
                ObjectNode x = evidence.addObject();
                x.put("ruleStatus", e.ruleStatus());
                x.put("stack", e.stack());
                x.put("region", e.region());
                x.put("logicalId", e.logicalId());
                x.put("type", e.type());
                x.put("constructPath", e.constructPath());
                x.put("proof", Phrases.in(m.lang(), e.proof()));
                e.acknowledgment().ifPresent(a -> x.put("acknowledgedReason", Phrases.in(m.lang(), a)));
                ArrayNode nag = x.putArray("nagFindings");
                e.nagFindings().forEach(a -> nag.addObject().put("rule", a.rule()).put("pack", a.pack())
                        .put("reason", Phrases.in(m.lang(), a.reason())));
            }
        }
        ArrayNode refs = root.putArray("references");
        report.references().forEach(g -> {
            ObjectNode o = refs.addObject();
            o.put("reference", g.reference());
            o.put("family", g.family());
            o.put("title", t.referenceTitle(g.reference()));
            o.put("status", g.status().key());
            ArrayNode ids = o.putArray("controls");
            g.controlIds().forEach(ids::add);
        });
        ArrayNode acks = root.putArray("acknowledgements");
        for (Ack a : report.acknowledgements()) {
            acks.addObject().put("rule", a.rule()).put("pack", a.pack()).put("stack", a.stack()).put("logicalId", a.logicalId())
                    .put("type", a.type()).put("constructPath", a.constructPath()).put("reason", Phrases.in(m.lang(), a.reason()));
        }
        ObjectNode residency = root.putObject("residency");
        residency.put("healthDataOutsideEea", report.residency().healthDataOutsideEea());
        ArrayNode stores = residency.putArray("stores");
        for (Store st : report.residency().stores()) {
            ObjectNode o = stores.addObject();
            o.put("stack", st.stack()).put("logicalId", st.logicalId()).put("type", st.type()).put("name", st.name())
                    .put("region", st.region()).put("inEea", st.inEea()).put("healthData", st.healthData());
            st.key().ifPresentOrElse(k -> o.put("key", k), () -> o.putNull("key"));
            st.retention().ifPresentOrElse(r -> o.put("retention", r), () -> o.putNull("retention"));
            ArrayNode readers = o.putArray("readers");
            st.readers().forEach(readers::add);
        }
        ArrayNode crossings = residency.putArray("crossings");
        for (Crossing c : report.residency().crossings()) {
            crossings.addObject().put("kind", c.kind()).put("stack", c.stack()).put("logicalId", c.logicalId())
                    .put("type", c.type()).put("region", c.region()).put("detail", c.detail()).put("holdsData", c.holdsData())
                    .put("residualRisk", t.residualRisk(c));
        }
        residency.put("statement", t.statement(report.residency()));

        EvidenceReport.CostSummary cs = report.cost();
        ObjectNode cost = root.putObject("cost");
        cost.put("priceDate", cs.priceDate()).put("currency", cs.currency()).put("monthlyTotal", round(cs.totalUsd()))
                .put("notPriced", cs.notPriced());
        ObjectNode byStack = cost.putObject("byStack");
        cs.byStack().forEach((k, v) -> byStack.put(k, round(v)));

        report.audit().ifPresent(a -> {
            ObjectNode o = root.putObject("audit");
            o.put("environment", a.environment()).put("at", a.at()).put("operations", a.operations());
            ObjectNode c = o.putObject("counts");
            a.counts().forEach(c::put);
            ArrayNode f = o.putArray("findings");
            a.findings().forEach(x -> f.addObject().put("ruleId", x.ruleId()).put("status", x.status()).put("where", x.where())
                    .put("region", x.region()).put("message", x.message()));
        });
        report.comparison().ifPresent(c -> {
            ObjectNode o = root.putObject("comparison");
            o.put("previousAt", c.previousAt()).put("previousSha256", c.previousSha256());
            c.newFindings().forEach(o.withArray("newFindings")::add);
            c.resolvedFindings().forEach(o.withArray("resolvedFindings")::add);
            c.newAcknowledgements().forEach(o.withArray("newAcknowledgements")::add);
            c.removedAcknowledgements().forEach(o.withArray("removedAcknowledgements")::add);
            for (String k : new String[] {"newFindings", "resolvedFindings", "newAcknowledgements", "removedAcknowledgements"}) {
                o.withArray(k);
            }
        });
        return root;
    }

    /** The report as pretty-printed JSON text. */
    public static String write(EvidenceReport report, Messages m) {
        try {
            return JSON.writeValueAsString(toJson(report, m)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
