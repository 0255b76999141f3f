package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MEDSAAS-LIVE-8 (HARD-7) on a live key policy, plain data: the platform's keys name who may use
 * them. Two ways to widen a key after its deployment are found:
 * <ul>
 *   <li>an Allow to the account (its root, or the bare account id) of anything beyond
 *       administration: a cryptographic action, a grant, {@code kms:*}: any IAM policy of the
 *       account then opens the key (the source's "Enable IAM User Permissions");</li>
 *   <li>an Allow to any AWS principal ({@code "*"}, {@code {"AWS": "*"}}) without an
 *       {@code aws:PrincipalArn} condition: any role of the account (or beyond) that reaches the
 *       key through the right service may use it.</li>
 * </ul>
 * Statements to a service principal are the services' documented uses (CloudWatch Logs,
 * CloudFront, CloudTrail, alarms, EventBridge), scoped in the template; Deny statements restrict.
 */
final class KeyPolicyReview {
    /** What the account root may hold besides {@code kms:List*}: administration, as {@code PlatformKeys.ADMIN_ACTIONS} grants it. */
    private static final List<String> ADMIN_PREFIXES = List.of(
            "kms:createalias", "kms:deletealias", "kms:updatealias", "kms:describekey", "kms:enablekey",
            "kms:disablekey", "kms:enablekeyrotation", "kms:disablekeyrotation", "kms:rotatekeyondemand",
            "kms:getkeypolicy", "kms:getkeyrotationstatus", "kms:putkeypolicy",
            "kms:updatekeydescription", "kms:tagresource", "kms:untagresource", "kms:revokegrant",
            "kms:schedulekeydeletion", "kms:cancelkeydeletion");

    private KeyPolicyReview() {
    }

    /** The problems of a key policy; empty when it names its users. */
    static List<String> problems(JsonNode policy) {
        List<String> problems = new ArrayList<>();
        for (JsonNode s : ResourceControls.statements(policy)) {
            if (!"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            String sid = s.path("Sid").asText("");
            String named = sid.isEmpty() ? "a statement" : "statement " + sid;
            if (toAccount(principal)) {
                List<String> beyond = new ArrayList<>();
                for (String action : values(s.path("Action"))) {
                    if (!isAdministration(action)) {
                        beyond.add(action);
                    }
                }
                if (!beyond.isEmpty()) {
                    problems.add(named + " lets the account root " + String.join(", ", beyond)
                            + ": any IAM policy of the account opens the key");
                }
            } else if (toAnyone(principal) && !s.path("Condition").toString().contains("\"aws:PrincipalArn\"")) {
                problems.add(named + " allows " + String.join(", ", values(s.path("Action")))
                        + " to any principal without aws:PrincipalArn");
            }
        }
        return problems;
    }

    private static boolean isAdministration(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("kms:list") || ADMIN_PREFIXES.contains(a);
    }

    private static boolean toAccount(JsonNode principal) {
        for (String arn : values(principal.path("AWS"))) {
            if (arn.endsWith(":root") || arn.matches("\\d{12}")) {
                return true;
            }
        }
        return false;
    }

    private static boolean toAnyone(JsonNode principal) {
        return principal.isTextual() && "*".equals(principal.asText()) || values(principal.path("AWS")).contains("*");
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }
}
