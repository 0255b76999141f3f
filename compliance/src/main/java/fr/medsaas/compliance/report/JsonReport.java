package fr.medsaas.compliance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.packs.MedSaasPack;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The pack's answers as JSON: the rules with their texts, then every result with its location. */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report as a JSON tree; paths relative to {@code base}. */
    public static ObjectNode toJson(CheckReport report, Path base) {
        ObjectMapper json = new ObjectMapper();
        Locations where = new Locations(report.graph(), base);
        ObjectNode root = json.createObjectNode();
        root.put("pack", MedSaasPack.NAME);
        ArrayNode rules = root.putArray("rules");
        MedSaasPack.RULES.forEach(r -> rules.add(json.valueToTree(r.info())));
        ArrayNode results = root.putArray("results");
        for (CheckResult r : report.results()) {
            ObjectNode o = results.addObject();
            o.put("rule", r.rule().id());
            o.put("level", r.rule().level().label());
            o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            o.put("blocking", r.blocking());
            o.put("message", r.message());
            r.resource().ifPresent(res -> {
                ObjectNode at = o.putObject("resource");
                at.put("stack", res.stack().stackName());
                at.put("region", res.stack().region());
                at.put("logicalId", res.logicalId());
                at.put("type", res.type());
                at.put("constructPath", res.constructPath());
                where.uri(res).ifPresent(u -> at.put("file", u));
                at.put("line", where.line(res));
            });
            r.acknowledgment().ifPresent(a -> o.put("acknowledgedReason", a));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("openErrors", report.blocking().size());
        summary.put("results", report.results().size());
        summary.put("clean", report.clean());
        summary.put("profile", report.profile().label());
        return root;
    }

    /** Writes the report, pretty-printed. */
    public static void write(CheckReport report, Path base, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(report, base)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
