package fr.medsaas.compliance.rules.access;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every secret denies its value to all but the roles that read it (HARD-7): its resource policy
 * (on the secret itself, or on its target attachment, which CloudFormation applies to the same
 * secret) holds a Deny of {@code secretsmanager:GetSecretValue} for every principal whose ARN is
 * not one of the readers. A Deny wins over any IAM policy, an administrator's included.
 */
public final class SecretsNameTheirReaders implements Rule {
    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource secret : g.ofType("AWS::SecretsManager::Secret")) {
            List<Resource> policies = new ArrayList<>(g.referrers(secret, "AWS::SecretsManager::ResourcePolicy"));
            for (Resource attachment : g.referrers(secret, "AWS::SecretsManager::SecretTargetAttachment")) {
                policies.addAll(g.referrers(attachment, "AWS::SecretsManager::ResourcePolicy"));
            }
            boolean denies = policies.stream().anyMatch(p -> deniesAllButNamedReaders(p.property("ResourcePolicy")));
            out.add(denies ? Outcome.pass(secret, "its value is denied to every principal but its named readers")
                    : Outcome.fail(secret, policies.isEmpty() ? "no resource policy: any principal the account's IAM allows reads its value"
                            : "its resource policy has no Deny of GetSecretValue to all but named readers (aws:PrincipalArn)"));
        }
        return out;
    }

    /** A Deny of GetSecretValue to any principal, conditioned on the principal's ARN not being a reader's. */
    static boolean deniesAllButNamedReaders(JsonNode policy) {
        for (JsonNode s : PolicyStatements.of(policy)) {
            String actions = s.path("Action").toString();
            boolean getValue = actions.contains("secretsmanager:GetSecretValue") || actions.contains("secretsmanager:*");
            String condition = s.path("Condition").toString();
            boolean allButNamed = (condition.contains("ArnNotLike") || condition.contains("ArnNotEquals")
                    || condition.contains("StringNotLike") || condition.contains("StringNotEquals"))
                    && condition.contains("aws:PrincipalArn");
            if ("Deny".equals(s.path("Effect").asText()) && getValue && allButNamed) {
                return true;
            }
        }
        return false;
    }
}
