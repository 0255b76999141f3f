package fr.medsaas.compliance.rules.access;

import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;

/**
 * Every symmetric encryption key rotates its key material (KMS rotation applies to
 * {@code SYMMETRIC_DEFAULT} keys only; asymmetric and HMAC keys are not applicable).
 */
public final class KeysRotate implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource k : g.ofType("AWS::KMS::Key")) {
            String spec = k.property("KeySpec").asText("SYMMETRIC_DEFAULT");
            if (!spec.equals("SYMMETRIC_DEFAULT")) {
                continue;
            }
            out.add(Stores.isTrue(k.property("EnableKeyRotation")) ? Outcome.pass(k, "key material rotates")
                    : Outcome.fail(k, "EnableKeyRotation is not true: the key material never changes"));
        }
        return out;
    }
}
