package fr.medsaas.compliance.rules.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The statements of an IAM-style policy document, whether {@code Statement} is one object or an array. */
public final class PolicyStatements {
    private PolicyStatements() {
    }

    /** The statements of {@code policy}; none when it has no {@code Statement}. */
    public static List<JsonNode> of(JsonNode policy) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode st = policy.path("Statement");
        if (st.isArray()) {
            st.forEach(out::add);
        } else if (st.isObject()) {
            out.add(st);
        }
        return out;
    }
}
