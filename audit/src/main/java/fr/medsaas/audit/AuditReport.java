package fr.medsaas.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An audit's result: the environment, when, every finding; its exit code and its three
 * renderings (text, JSON, SARIF 2.1.0). The JSON is the shape the evidence report (issue 17)
 * takes as its "live audit" section.
 */
public record AuditReport(String environment, Instant at, List<String> regions, List<AuditFinding> findings,
                          List<String> calledOperations) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AuditReport {
        regions = List.copyOf(regions);
        findings = List.copyOf(findings);
        calledOperations = List.copyOf(calledOperations);
    }

    public long count(Status s) {
        return findings.stream().filter(f -> f.status() == s).count();
    }

    /** 3 with any FAIL; 1 when nothing could be read (no PASS, no FAIL); else 0 (NOT_EMULATED is no failure). */
    public int exitCode() {
        if (count(Status.FAIL) > 0) {
            return 3;
        }
        return count(Status.PASS) == 0 ? 1 : 0;
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "medsaas audit of %s at %s, regions %s%n", environment, at, regions));
        for (Status s : List.of(Status.FAIL, Status.NOT_EMULATED, Status.COULD_NOT_CHECK, Status.PASS)) {
            findings.stream().filter(f -> f.status() == s).forEach(f -> b.append(f.describe()).append('\n'));
        }
        Map<String, Long> byRule = findings.stream().filter(f -> f.status() == Status.FAIL)
                .collect(Collectors.groupingBy(AuditFinding::ruleId, TreeMap::new, Collectors.counting()));
        b.append(String.format(Locale.ROOT, "%d failed, %s%d could not be checked, %d passed%s%n", count(Status.FAIL),
                count(Status.NOT_EMULATED) == 0 ? "" : count(Status.NOT_EMULATED) + " not emulated (what the emulator "
                        + "could not create; not a result), ",
                count(Status.COULD_NOT_CHECK), count(Status.PASS), byRule.isEmpty() ? "" : " (failed: " + byRule + ")"));
        return b.toString();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "medsaas audit");
        root.put("environment", environment);
        root.put("at", at.toString());
        regions.forEach(root.putArray("regions")::add);
        ObjectNode summary = root.putObject("summary");
        for (Status s : Status.values()) {
            summary.put(s.name(), count(s));
        }
        ArrayNode list = root.putArray("findings");
        for (AuditFinding f : findings) {
            ObjectNode n = list.addObject();
            n.put("ruleId", f.ruleId());
            n.put("status", f.status().name());
            n.put("message", f.message());
            n.put("physicalId", f.physicalId());
            n.put("region", f.region());
            n.put("stackName", f.stackName());
            n.put("logicalId", f.logicalId());
            n.put("constructPath", f.constructPath());
            f.references().forEach(n.putArray("references")::add);
        }
        calledOperations.forEach(root.putArray("calledOperations")::add);
        return write(root);
    }

    /** SARIF 2.1.0: FAIL as error, COULD_NOT_CHECK and NOT_EMULATED as note (kind "open"), PASS as kind "pass". */
    public String toSarif() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "medsaas audit");
        ArrayNode rules = driver.putArray("rules");
        for (Control c : Control.values()) {
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.putObject("shortDescription").put("text", c.title());
            c.references().forEach(r.putObject("properties").putArray("tags")::add);
        }
        ArrayNode results = run.putArray("results");
        for (AuditFinding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            r.put("kind", switch (f.status()) {
                case FAIL -> "fail";
                case COULD_NOT_CHECK, NOT_EMULATED -> "open";
                case PASS -> "pass";
            });
            r.put("level", f.status() == Status.FAIL ? "error" : "none");
            r.putObject("message").put("text", f.message());
            ObjectNode loc = r.putArray("locations").addObject();
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", f.logicalId().isEmpty() ? f.physicalId() : f.logicalId());
            logical.put("fullyQualifiedName", f.constructPath().isEmpty() ? f.region() + "/" + f.physicalId() : f.constructPath());
            logical.put("kind", "resource");
            ObjectNode props = r.putObject("properties");
            props.put("physicalId", f.physicalId());
            props.put("region", f.region());
            props.put("stackName", f.stackName());
            f.references().forEach(props.putArray("references")::add);
        }
        return write(root);
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
