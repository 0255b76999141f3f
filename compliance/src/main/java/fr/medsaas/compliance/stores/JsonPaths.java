package fr.medsaas.compliance.stores;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny path language of the store catalogue: {@code A.B} walks objects, {@code A[]} walks every
 * element of a list, {@code path=X|Y} and {@code path^=prefix} test what a path holds.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** Every node {@code path} reaches from {@code root} (none when a step is missing). */
    public static List<JsonNode> all(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        if (path == null || path.isEmpty()) {
            return current;
        }
        for (String step : path.split("\\.")) {
            boolean each = step.endsWith("[]");
            String name = each ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                JsonNode child = n.path(name);
                if (each && child.isArray()) {
                    child.forEach(next::add);
                } else if (!each && !child.isMissingNode() && !child.isNull()) {
                    next.add(child);
                }
            }
            current = next;
        }
        return current;
    }

    /** The first node {@code path} reaches, or a missing node. */
    public static JsonNode first(JsonNode root, String path) {
        List<JsonNode> all = all(root, path);
        return all.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : all.get(0);
    }

    /**
     * Whether a condition holds on {@code root}: {@code path} (a true Boolean, written as a boolean
     * or as "true"), {@code path=A|B} (one of the values), {@code path^=prefix}, {@code path?} (present).
     */
    public static boolean holds(JsonNode root, String condition) {
        if (condition.endsWith("?")) {
            return !all(root, condition.substring(0, condition.length() - 1)).isEmpty();
        }
        int prefix = condition.indexOf("^=");
        if (prefix > 0) {
            String start = condition.substring(prefix + 2);
            return all(root, condition.substring(0, prefix)).stream().anyMatch(n -> n.asText().startsWith(start));
        }
        int eq = condition.indexOf('=');
        if (eq > 0) {
            List<String> values = List.of(condition.substring(eq + 1).split("\\|"));
            return all(root, condition.substring(0, eq)).stream().anyMatch(n -> values.contains(n.asText()));
        }
        return all(root, condition).stream().anyMatch(n -> n.asBoolean(false) || "true".equalsIgnoreCase(n.asText()));
    }
}
