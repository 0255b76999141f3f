package fr.medsaas.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.iam.RolePattern;
import fr.medsaas.platform.constructs.iam.SecretReaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who can read what (docs/security-model.md), read from the synthesized policies themselves:
 * the key policies of the Keys stack, the secrets' resource policies of the Data stack, and the
 * security groups' egress to the whole internet. Plain Java on the templates' JSON.
 */
public final class SecurityModel {
    /** The generated part of docs/security-model.md starts after this line. */
    public static final String BEGIN = "<!-- BEGIN GENERATED: SecurityModelTest -->";
    /** ... and ends before this one. */
    public static final String END = "<!-- END GENERATED: SecurityModelTest -->";

    private final Map<String, String> labels = new LinkedHashMap<>();

    /** A model whose principals are named after {@code principals}' labels. */
    public SecurityModel(PlatformPrincipals principals, List<String> otherRegions) {
        for (RolePattern p : principals.all()) {
            labels.put(p.arnPattern(), p.label());
        }
        for (String region : otherRegions) {
            RolePattern deployer = principals.deployerIn(region);
            labels.put(deployer.arnPattern(), deployer.label() + " of " + region);
            RolePattern recorder = principals.configIn(region);
            labels.put(recorder.arnPattern(), recorder.label());
        }
    }

    /** The table of the keys: principal, through which service, which actions. */
    public String keys(Map<String, JsonNode> keysStack) {
        StringBuilder md = new StringBuilder("| key | who | through | actions |\n|---|---|---|---|\n");
        for (JsonNode key : keysStack.values()) {
            if (!"AWS::KMS::Key".equals(key.path("Type").asText())) {
                continue;
            }
            String name = key.path("Properties").path("Description").asText();
            for (JsonNode s : key.path("Properties").path("KeyPolicy").path("Statement")) {
                if (!"Allow".equals(s.path("Effect").asText())) {
                    continue;
                }
                JsonNode cond = s.path("Condition");
                String via = cond.path("StringEquals").path("kms:ViaService").asText("");
                boolean admin = fr.medsaas.platform.constructs.keys.PlatformKeys.ADMIN_SID.equals(s.path("Sid").asText());
                md.append("| ").append(name).append(" | ").append(who(s)).append(" | ")
                        .append(via.isEmpty() ? "directly" : via.replaceAll("\\.[a-z0-9-]+\\.amazonaws\\.com$", ""))
                        .append(" | ").append(admin ? "administration only: " + strings(s.path("Action")).size()
                                + " actions (aliases, rotation, policy, tags, deletion); no cryptographic action, no grant"
                                : String.join(", ", strings(s.path("Action")))).append(" |\n");
            }
        }
        return md.toString();
    }

    /** The table of the secrets: who may read each value. */
    public String secrets(Map<String, JsonNode> dataStack) {
        StringBuilder md = new StringBuilder("| secret | who may read its value (GetSecretValue) |\n|---|---|\n");
        for (JsonNode policy : dataStack.values()) {
            if (!"AWS::SecretsManager::ResourcePolicy".equals(policy.path("Type").asText())) {
                continue;
            }
            for (JsonNode s : policy.path("Properties").path("ResourcePolicy").path("Statement")) {
                if (!SecretReaders.SID.equals(s.path("Sid").asText())) {
                    continue;
                }
                List<String> readers = new ArrayList<>();
                for (String arn : strings(s.path("Condition").path("ArnNotLike").path("aws:PrincipalArn"))) {
                    readers.add(labels.getOrDefault(arn, "`" + arn + "`"));
                }
                md.append("| `").append(secretName(dataStack, policy.path("Properties").path("SecretId"))).append("` | ")
                        .append(String.join("; ", readers)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** Every security group egress rule to 0.0.0.0/0 of one environment's Network stack. */
    public static List<String> wideEgress(String env, Map<String, JsonNode> networkStack) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : networkStack.values()) {
            if (!"AWS::EC2::SecurityGroup".equals(g.path("Type").asText())) {
                continue;
            }
            for (JsonNode rule : g.path("Properties").path("SecurityGroupEgress")) {
                if ("0.0.0.0/0".equals(rule.path("CidrIp").asText())) {
                    out.add("| " + env + " | `" + g.path("Properties").path("GroupName").asText() + "` | "
                            + rule.path("FromPort").asText() + " | " + rule.path("Description").asText() + " |");
                }
            }
        }
        out.sort(null);
        return out;
    }

    private String who(JsonNode statement) {
        JsonNode principal = statement.path("Principal");
        if (principal.has("Service")) {
            JsonNode cond = statement.path("Condition");
            String c = cond.toString();
            String scope = c.contains(":cloudfront:") ? " (this account's distributions)"
                    : c.contains(":alarm:") ? " (this account's alarms)"
                    : c.contains("aws:cloudtrail:arn") ? " (this account's trails)"
                    : c.contains("aws:logs:arn") ? " (this account's log groups)"
                    : c.contains("aws:SourceAccount") ? " (on this account's behalf)"
                    : "";
            return "service " + principal.path("Service").asText() + scope;
        }
        if ("*".equals(principal.path("AWS").asText())) {
            TreeSet<String> names = new TreeSet<>();
            for (String arn : strings(statement.path("Condition").path("ArnLike").path("aws:PrincipalArn"))) {
                names.add(labels.getOrDefault(arn, "`" + arn + "`"));
            }
            String who = String.join("; ", names);
            return statement.path("Condition").path("Bool").has("kms:GrantIsForAWSResource") ? who + " (grants for AWS resources)" : who;
        }
        return "account root (administration only)";
    }

    /** The values of a string or an array; an {@code Fn::Sub} gives its pattern. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.addAll(strings(n)));
        } else if (node.has("Fn::Sub")) {
            out.add(node.path("Fn::Sub").asText());
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }

    /** The Name of the secret a policy's SecretId points to (directly, or through its attachment). */
    private static String secretName(Map<String, JsonNode> stack, JsonNode secretId) {
        String id = secretId.path("Ref").asText();
        JsonNode target = stack.get(id);
        if (target != null && "AWS::SecretsManager::SecretTargetAttachment".equals(target.path("Type").asText())) {
            target = stack.get(target.path("Properties").path("SecretId").path("Ref").asText());
        }
        return target == null ? id : target.path("Properties").path("Name").asText(id);
    }
}
