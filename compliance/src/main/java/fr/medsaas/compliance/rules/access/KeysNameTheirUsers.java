package fr.medsaas.compliance.rules.access;

import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every KMS key's policy names who may use the key (HARD-7): the account root administers only,
 * and every use by any principal is held to named roles ({@code aws:PrincipalArn}). A key whose
 * policy lets IAM decide can be opened by any role the account's administrators widen.
 */
public final class KeysNameTheirUsers implements Rule {
    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource key : g.ofType("AWS::KMS::Key")) {
            if (!key.properties().has("KeyPolicy")) {
                out.add(Outcome.fail(key, "no key policy: KMS gives the key its default policy, which lets IAM decide (kms:* to the account root)"));
                continue;
            }
            List<String> problems = KeyPolicyNames.problems(key.property("KeyPolicy"));
            out.add(problems.isEmpty() ? Outcome.pass(key, "the account root administers only; every use names its roles")
                    : Outcome.fail(key, String.join("; ", problems)));
        }
        return out;
    }
}
