package fr.medsaas.compliance.rules.iam;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A role an AWS service may assume holds the service to a source (HARD-10, the confused deputy):
 * each trust statement of a service principal has a condition on {@code aws:SourceAccount},
 * {@code aws:SourceArn} or {@code aws:SourceOrgID}, whatever its operator. Without one, the service
 * acting for any other account's resource could be made to use the role.
 */
public final class ServiceTrustHeldToSource implements Rule {
    private static final Set<String> SOURCE_KEYS = Set.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid");

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource role : g.ofType("AWS::IAM::Role")) {
            JsonNode doc = role.property("AssumeRolePolicyDocument");
            JsonNode statements = doc.path("Statement");
            if (!doc.isObject() || !(statements.isArray() || statements.isObject())) {
                out.add(Outcome.undecided(role, "the trust policy is not a literal document: its statements cannot be read"));
                continue;
            }
            List<String> unheld = new ArrayList<>();
            int services = 0;
            for (JsonNode st : statements.isArray() ? statements : List.of(statements)) {
                JsonNode service = st.path("Principal").path("Service");
                if (service.isMissingNode() || !"Allow".equals(st.path("Effect").asText())) {
                    continue;
                }
                services++;
                if (!heldToSource(st.path("Condition"))) {
                    unheld.add(service.isArray() ? service.toString() : service.asText());
                }
            }
            if (!unheld.isEmpty()) {
                out.add(Outcome.fail(role, "trusts " + String.join(", ", unheld) + " without aws:SourceAccount or "
                        + "aws:SourceArn: the service acting for another account's resource could use this role"));
            } else if (services > 0) {
                out.add(Outcome.pass(role, "every service it trusts is held to a source account or resource"));
            }
        }
        return out;
    }

    private static boolean heldToSource(JsonNode condition) {
        if (!condition.isObject()) {
            return false;
        }
        var operators = condition.fields();
        while (operators.hasNext()) {
            var keys = operators.next().getValue().fieldNames();
            while (keys.hasNext()) {
                if (SOURCE_KEYS.contains(keys.next().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
