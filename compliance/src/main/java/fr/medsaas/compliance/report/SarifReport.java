package fr.medsaas.compliance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.RuleInfo;
import fr.medsaas.compliance.rules.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The pack's findings as SARIF 2.1.0, as GitHub code scanning reads it: every rule with its help
 * and references, one result per finding at the resource's line of its template (path relative to
 * the folder the command runs in), the construct path as a property, acknowledged findings as
 * suppressed results with their justification. Passes are not results: SARIF lists findings.
 */
public final class SarifReport {
    /** The schema URI written into the log. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    /** The SARIF log as a JSON tree. */
    public static ObjectNode toJson(CheckReport report, Path base) {
        ObjectMapper json = new ObjectMapper();
        Locations where = new Locations(report.graph(), base);
        ObjectNode root = json.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", MedSaasPack.NAME);
        driver.put("version", "0.1.0");
        ArrayNode rules = driver.putArray("rules");
        List<RuleInfo> infos = MedSaasPack.RULES.stream().map(MedSaasPack.PackRule::info).toList();
        for (RuleInfo info : infos) {
            ObjectNode r = rules.addObject();
            r.put("id", info.id());
            r.put("name", info.id().replace("-", ""));
            r.putObject("shortDescription").put("text", info.title());
            r.putObject("fullDescription").put("text", info.explanation());
            ObjectNode help = r.putObject("help");
            help.put("text", "Fix: " + info.fix() + " References: " + String.join(", ", info.references()) + ".");
            help.put("markdown", "**Fix:** " + info.fix() + "\n\n**References:** " + String.join(", ", info.references()));
            r.putObject("defaultConfiguration").put("level", info.level().label());
            ObjectNode props = r.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("compliance");
            info.references().forEach(tags::add);
        }
        ArrayNode results = run.putArray("results");
        for (CheckResult c : report.results()) {
            if (!c.isFinding()) {
                continue;
            }
            ObjectNode r = results.addObject();
            r.put("ruleId", c.rule().id());
            r.put("ruleIndex", infos.indexOf(c.rule()));
            r.put("level", c.status() == Status.CANNOT_DECIDE ? "note" : c.rule().level().label());
            r.putObject("message").put("text", (c.status() == Status.CANNOT_DECIDE ? "Cannot decide: " : "") + c.message());
            ArrayNode locations = r.putArray("locations");
            c.resource().ifPresent(res -> {
                ObjectNode loc = locations.addObject();
                where.uri(res).ifPresent(uri -> {
                    ObjectNode physical = loc.putObject("physicalLocation");
                    ObjectNode artifact = physical.putObject("artifactLocation");
                    artifact.put("uri", uri);
                    if (!uri.startsWith("/")) {
                        artifact.put("uriBaseId", "%SRCROOT%");
                    }
                    physical.putObject("region").put("startLine", where.line(res));
                });
                loc.putArray("logicalLocations").addObject()
                        .put("name", res.logicalId())
                        .put("fullyQualifiedName", res.constructPath())
                        .put("kind", "resource");
                r.putObject("properties").put("constructPath", res.constructPath())
                        .put("stack", res.stack().stackName()).put("resourceType", res.type());
            });
            c.acknowledgment().ifPresent(a -> r.putArray("suppressions").addObject()
                    .put("kind", "inSource").put("status", "accepted").put("justification", a));
        }
        return root;
    }

    /** Writes the log, pretty-printed. */
    public static void write(CheckReport report, Path base, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(report, base)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
