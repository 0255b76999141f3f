package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HARD-7 end to end: the key policies name their users, so a role whose IAM policy uses a key
 * works only if that key's policy names it too. For every role of every stack, in every region,
 * each KMS action its policies allow on one of the platform's keys must be allowed by a statement
 * of that key's policy that names the role ({@code aws:PrincipalArn}) and, where both say through
 * which service, the same service ({@code kms:ViaService}). This is what would otherwise fail only
 * at run time, in a real account, the first time the role touches the key.
 */
class KeyUsersTest {
    private static final Pattern KEY_REFERENCE = Pattern.compile("FnGetAtt(Keys[A-Za-z0-9]+?)Arn");

    /** A key of the assembly: its stack and logical id. */
    record KeyId(String stack, String logicalId) {
    }

    /** One IAM statement's use of a key by a named role. */
    record Use(String role, String stack, KeyId key, List<String> actions, List<String> via) {
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.isTextual() ? node.asText() : node.toString());
        }
        return out;
    }

    private static final Pattern SERVICE = Pattern.compile("([a-z0-9-]+)\\.");

    /**
     * The services of a statement's {@code kms:ViaService} condition, by name ({@code rds}): the key
     * says {@code rds.eu-west-3.amazonaws.com}, an IAM policy may build it with {@code Fn::Join}.
     * A key lives in one region, so the service names it.
     */
    private static List<String> viaServices(JsonNode statement) {
        List<String> via = new ArrayList<>();
        statement.path("Condition").forEach(op -> strings(op.path("kms:ViaService")).forEach(v -> {
            Matcher m = SERVICE.matcher(v);
            if (m.find()) {
                via.add(m.group(1));
            }
        }));
        return via;
    }

    /** The stack a key reference points to: the Keys stack's export, or a cross-region output. */
    private static KeyId keyOf(String resource, String stack, Map<String, String> keysStackOf) {
        Matcher m = KEY_REFERENCE.matcher(resource);
        if (!m.find()) {
            return null;
        }
        String logicalId = m.group(1);
        Matcher cross = Pattern.compile("\"StackName\":\"([^\"]+)\"").matcher(resource);
        if (cross.find()) {
            return new KeyId(cross.group(1), logicalId);
        }
        Matcher imported = Pattern.compile("\"Fn::ImportValue\":\"([^:\"]+):").matcher(resource);
        if (imported.find()) {
            return new KeyId(imported.group(1), logicalId);
        }
        return new KeyId(stack, logicalId);
    }

    private static boolean actionCovers(String allowed, String wanted) {
        if (allowed.equals("kms:*") || allowed.equals(wanted)) {
            return true;
        }
        return allowed.endsWith("*") && wanted.startsWith(allowed.substring(0, allowed.length() - 1));
    }

    private static boolean names(JsonNode keyStatement, String roleName) {
        for (String pattern : strings(keyStatement.path("Condition").path("ArnLike").path("aws:PrincipalArn"))) {
            int at = pattern.indexOf(":role/");
            if (at < 0) {
                continue;
            }
            String glob = pattern.substring(at + ":role/".length()).replaceAll("\"}$", "");
            String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q");
            if (roleName.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    static List<String> unmet(String env) {
        Map<KeyId, JsonNode> keyPolicies = new HashMap<>();
        List<Use> uses = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<StackTemplate> stacks = TestApps.assembly(env).stacks();
        for (StackTemplate stack : stacks) {
            Map<String, String> roleNames = new HashMap<>();
            stack.resources().forEach((id, r) -> {
                if (r.path("Type").asText().equals("AWS::KMS::Key")) {
                    keyPolicies.put(new KeyId(stack.stackName(), id), r.path("Properties").path("KeyPolicy"));
                }
                if (r.path("Type").asText().equals("AWS::IAM::Role")) {
                    roleNames.put(id, r.path("Properties").path("RoleName").asText(""));
                }
            });
            stack.resources().forEach((id, r) -> {
                String type = r.path("Type").asText();
                if (!type.equals("AWS::IAM::ManagedPolicy") && !type.equals("AWS::IAM::Policy")) {
                    return;
                }
                for (JsonNode s : r.path("Properties").path("PolicyDocument").path("Statement")) {
                    List<String> kms = strings(s.path("Action")).stream().filter(a -> a.startsWith("kms:")).toList();
                    if (kms.isEmpty() || !"Allow".equals(s.path("Effect").asText())) {
                        continue;
                    }
                    for (String resource : strings(s.path("Resource"))) {
                        KeyId key = keyOf(resource, stack.stackName(), Map.of());
                        if (key == null) {
                            continue;
                        }
                        for (JsonNode role : r.path("Properties").path("Roles")) {
                            String name = roleNames.getOrDefault(role.path("Ref").asText(), "");
                            if (name.isEmpty()) {
                                problems.add(stack.stackName() + "/" + role.path("Ref").asText()
                                        + " uses a key but has no fixed name for the key's policy to name");
                            } else {
                                uses.add(new Use(name, stack.stackName(), key, kms, viaServices(s)));
                            }
                        }
                    }
                }
            });
        }
        assertThat(uses).as(env + ": roles that use the platform's keys").hasSizeGreaterThanOrEqualTo(10);
        for (Use use : uses) {
            JsonNode policy = keyPolicies.get(use.key());
            if (policy == null) {
                problems.add(use.role() + " uses " + use.key() + ", which is no key of the assembly");
                continue;
            }
            for (String action : use.actions()) {
                boolean allowed = false;
                for (JsonNode ks : policy.path("Statement")) {
                    if (!"Allow".equals(ks.path("Effect").asText()) || !names(ks, use.role())) {
                        continue;
                    }
                    List<String> keyVia = viaServices(ks);
                    boolean sameService = keyVia.isEmpty() || use.via().isEmpty()
                            || use.via().stream().anyMatch(keyVia::contains);
                    if (sameService && strings(ks.path("Action")).stream().anyMatch(a -> actionCovers(a, action))) {
                        allowed = true;
                        break;
                    }
                }
                if (!allowed) {
                    problems.add(env + ": " + use.role() + " (" + use.stack() + ") may " + action + " on "
                            + use.key() + (use.via().isEmpty() ? "" : " through " + use.via())
                            + " by IAM, but the key's policy does not name it for that");
                }
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    @Requirement("HARD-7")
    void everyRoleThatUsesAKeyIsNamedByThatKeysPolicy(String env) {
        assertThat(unmet(env)).isEmpty();
    }

    @Test
    @Requirement("HARD-7")
    void aRoleTheKeyDoesNotNameIsReported() {
        JsonNode statement = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().valueToTree(Map.of(
                "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                "Condition", Map.of("ArnLike", Map.of("aws:PrincipalArn",
                        List.of(Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/medical-saas-delivery-*"))))));
        assertThat(names(statement, "medical-saas-delivery-build-role")).isTrue();
        assertThat(names(statement, "medical-saas-ecs-task-role")).isFalse();
        assertThat(actionCovers("kms:GenerateDataKey*", "kms:GenerateDataKey")).isTrue();
        assertThat(actionCovers("kms:Decrypt", "kms:Encrypt")).isFalse();
    }
}
