package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.evidence.EvidenceReport.AuditFinding;
import fr.medsaas.compliance.evidence.EvidenceReport.LiveAudit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code medsaas audit --format json} (docs/audit.md) into the report's live-audit section. */
public final class LiveAuditReader {
    private LiveAuditReader() {
    }

    /** The audit's section; refuses JSON that is not an audit. */
    public static LiveAudit read(JsonNode root) {
        if (!root.path("findings").isArray() || !root.path("summary").isObject()) {
            throw new IllegalArgumentException("not the JSON of `medsaas audit --format json` (no summary and findings)");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("PASS", "FAIL", "COULD_NOT_CHECK")) {
            counts.put(s, root.path("summary").path(s).asInt(0));
        }
        List<AuditFinding> findings = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            String where = f.path("stackName").asText("").isEmpty() ? f.path("physicalId").asText("")
                    : f.path("stackName").asText() + "/" + f.path("logicalId").asText("");
            findings.add(new AuditFinding(f.path("ruleId").asText(), f.path("status").asText(), where,
                    f.path("region").asText(""), f.path("message").asText("")));
        }
        return new LiveAudit(root.path("environment").asText(""), root.path("at").asText(""), counts, findings,
                root.path("calledOperations").size());
    }
}
