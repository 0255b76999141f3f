package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.evidence.EvidenceReport.Comparison;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between an earlier report's JSON and this one: findings (non-compliant or undecided
 * answers, acknowledged or not) and acknowledgements, each named by rule and resource.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** The changes from {@code old} (a report's JSON, any language) to {@code now}; refuses other JSON. */
    public static Comparison compare(JsonNode old, EvidenceReport now) {
        if (!old.path("schemaVersion").isTextual() || !old.path("controls").isArray()) {
            throw new IllegalArgumentException("not the JSON of `medsaas report --format json` (no schemaVersion and controls)");
        }
        Set<String> oldFindings = new LinkedHashSet<>();
        for (JsonNode c : old.path("controls")) {
            for (JsonNode e : c.path("evidence")) {
                String status = e.path("ruleStatus").asText();
                if (isFinding(status)) {
                    oldFindings.add(findingKey(c.path("id").asText(), e.path("stack").asText(), e.path("logicalId").asText(),
                            status, e.has("acknowledgedReason")));
                }
            }
        }
        Set<String> oldAcks = new LinkedHashSet<>();
        for (JsonNode a : old.path("acknowledgements")) {
            oldAcks.add(ackKey(a.path("rule").asText(), a.path("stack").asText(), a.path("logicalId").asText()));
        }
        Set<String> newFindings = findings(now);
        Set<String> newAcks = new LinkedHashSet<>();
        now.acknowledgements().forEach(a -> newAcks.add(ackKey(a.rule(), a.stack(), a.logicalId())));
        return new Comparison(old.path("summary").path("generatedAt").asText(""),
                old.path("summary").path("assemblySha256").asText(""),
                minus(newFindings, oldFindings), minus(oldFindings, newFindings), minus(newAcks, oldAcks),
                minus(oldAcks, newAcks));
    }

    /** Every finding of {@code report}, as compared. */
    static Set<String> findings(EvidenceReport report) {
        Set<String> out = new LinkedHashSet<>();
        for (Control c : report.controls()) {
            for (Evidence e : c.evidence()) {
                if (isFinding(e.ruleStatus())) {
                    out.add(findingKey(c.id(), e.stack(), e.logicalId(), e.ruleStatus(), e.acknowledgment().isPresent()));
                }
            }
        }
        return out;
    }

    private static boolean isFinding(String ruleStatus) {
        return ruleStatus.equals("non-compliant") || ruleStatus.equals("cannot-decide");
    }

    private static String findingKey(String rule, String stack, String logicalId, String status, boolean acknowledged) {
        String where = stack.isEmpty() ? "(assembly)" : stack + "/" + logicalId;
        return rule + " " + where + " (" + status + (acknowledged ? ", acknowledged" : "") + ")";
    }

    private static String ackKey(String rule, String stack, String logicalId) {
        return rule + " " + stack + "/" + logicalId;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        a.stream().filter(x -> !b.contains(x)).forEach(out::add);
        return out;
    }
}
