package fr.medsaas.compliance.rules.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HARD-7 on one key policy, plain JSON: a template's (with CloudFormation functions) or a live
 * one (GetKeyPolicy). Shared by the pack's MEDSAAS-KEY-1 and the live audit's twin. Two ways a
 * policy stops naming who may use its key:
 * <ul>
 *   <li>an Allow to the account (its root, or the bare account id) of anything beyond
 *       administration, such as {@code kms:*}, a cryptographic action or a grant: any IAM policy
 *       of the account then opens the key (the source's "Enable IAM User Permissions");</li>
 *   <li>an Allow to any AWS principal ({@code "*"}, {@code {"AWS": "*"}}) without an
 *       {@code aws:PrincipalArn} condition: any role of the account that reaches the key through
 *       the right service may use it.</li>
 * </ul>
 * Statements to a service principal are the services' own documented uses; Deny statements
 * restrict.
 */
public final class KeyPolicyNames {
    /**
     * What the account root may hold: administration of the key (aliases, rotation, policy, tags,
     * deletion), no cryptographic action and no grant. The platform's keys grant exactly these
     * ({@code PlatformKeys.ADMIN_ACTIONS}).
     */
    public static final List<String> ADMINISTRATION = List.of(
            "kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias", "kms:DescribeKey", "kms:EnableKey",
            "kms:DisableKey", "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:RotateKeyOnDemand",
            "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:PutKeyPolicy", "kms:List*",
            "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource", "kms:RevokeGrant",
            "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");
    private static final Set<String> ADMINISTRATION_LOWER = ADMINISTRATION.stream()
            .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private KeyPolicyNames() {
    }

    /** The problems of a key policy; empty when it names the users of its key. */
    public static List<String> problems(JsonNode policy) {
        List<String> problems = new ArrayList<>();
        for (JsonNode s : PolicyStatements.of(policy)) {
            if (!"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            JsonNode principal = s.path("Principal");
            String sid = s.path("Sid").asText("");
            String named = sid.isEmpty() ? "a statement" : "statement " + sid;
            if (toAccount(principal)) {
                List<String> beyond = values(s.path("Action")).stream().filter(a -> !isAdministration(a)).toList();
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

    /** Whether {@code action} is administration of the key, not its use nor a grant. */
    public static boolean isAdministration(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("kms:list") || ADMINISTRATION_LOWER.contains(a);
    }

    private static boolean toAccount(JsonNode principal) {
        for (String arn : values(principal.path("AWS"))) {
            if (arn.contains(":root") || arn.matches("\\d{12}")) {
                return true;
            }
        }
        return false;
    }

    private static boolean toAnyone(JsonNode principal) {
        return principal.isTextual() && "*".equals(principal.asText()) || values(principal.path("AWS")).contains("*");
    }

    /** A string or the strings of an array; a CloudFormation function as its JSON text. */
    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.isTextual() ? node.asText() : node.toString());
        }
        return out;
    }
}
