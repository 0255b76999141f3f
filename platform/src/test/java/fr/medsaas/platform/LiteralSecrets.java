package fr.medsaas.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for secret values written in a CloudFormation template (SEC-1): plain JSON, no CDK.
 * Two checks: a property that carries a credential (a password, an AUTH token, a secret string)
 * may hold nothing but dynamic references ({@code {{resolve:secretsmanager:...}}}) and references
 * to other resources; and no string anywhere may look like a random credential (a run of 20 or
 * more letters, digits and base64 marks mixing upper case, lower case and digits with high
 * entropy). Strings that name things ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::ImportValue},
 * {@code DependsOn}, export names, the transform) and the {@code Metadata} blocks are not values
 * and are skipped.
 */
final class LiteralSecrets {
    private static final Pattern CREDENTIAL_PROPERTY = Pattern.compile(
            "(?i).*password|authtoken|secretstring|secretstringvalue|apikey|privatekey|token|secret");
    /** Keys whose strings name things (resources, exports, transforms) rather than hold values. */
    private static final Set<String> REFERENCES = Set.of("Ref", "Fn::GetAtt", "Fn::ImportValue", "Fn::GetStackOutput", "DependsOn", "Condition",
            "Export", "Transform");
    private static final List<Pattern> DYNAMIC_REFERENCE_PARTS = List.of(
            Pattern.compile("\\{\\{resolve:(secretsmanager|ssm-secure):[^}]*}}"),
            Pattern.compile("\\{\\{resolve:(secretsmanager|ssm-secure):"),
            Pattern.compile(":SecretString:[A-Za-z0-9_-]*:[A-Za-z0-9_-]*:[A-Za-z0-9_-]*}}"));
    private static final Pattern RANDOM_LOOKING = Pattern.compile("[A-Za-z0-9+/=_-]{20,}");

    /** What one scan found. */
    record Result(List<String> findings, int credentialPropertiesChecked) {
    }

    private final List<String> findings = new ArrayList<>();
    private int credentialProperties;

    private LiteralSecrets() {
    }

    /** Scans one template; {@code name} prefixes each finding. */
    static Result scan(String name, JsonNode template) {
        LiteralSecrets s = new LiteralSecrets();
        s.walk(template, name, false);
        return new Result(List.copyOf(s.findings), s.credentialProperties);
    }

    private void walk(JsonNode node, String path, boolean credential) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                // EncodedKey is a CloudFront public key (CF-3): public by design, not a secret.
                if (key.equals("Metadata") || key.equals("EncodedKey") || REFERENCES.contains(key)) {
                    continue;
                }
                boolean isCredential = CREDENTIAL_PROPERTY.matcher(key).matches();
                if (isCredential && !credential) {
                    credentialProperties++;
                }
                walk(e.getValue(), path + "/" + key, credential || isCredential);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", credential);
            }
        } else if (node.isTextual()) {
            check(node.asText(), path, credential);
        } else if (credential && !node.isNull()) {
            findings.add(path + ": a literal " + node.getNodeType() + " where only a dynamic reference may be");
        }
    }

    private void check(String text, String path, boolean credential) {
        if (credential) {
            String rest = text;
            for (Pattern part : DYNAMIC_REFERENCE_PARTS) {
                rest = part.matcher(rest).replaceAll("");
            }
            if (!rest.isEmpty()) {
                findings.add(path + ": literal text in a credential property (" + rest.length() + " characters), "
                        + "where only {{resolve:secretsmanager:...}} may be");
            }
            return;
        }
        Matcher m = RANDOM_LOOKING.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (looksRandom(run)) {
                findings.add(path + ": a random-looking string of " + run.length() + " characters starting "
                        + run.substring(0, 3) + "...");
            }
        }
    }

    /**
     * Mixes upper case, lower case and digits, with at least 3.5 bits of entropy a character, and
     * switches between those classes as often as random text does (about 6 characters in 10),
     * which names made of words ({@code ElasticLoadBalancingV2}, {@code ELBSecurityPolicy-TLS13-1-2-2021-06})
     * do not.
     */
    static boolean looksRandom(String candidate) {
        // CDK ends generated names with an 8-digit upper-case hex hash of the construct path.
        String run = candidate.length() > 28 ? candidate.replaceFirst("[0-9A-F]{8}$", "") : candidate;
        boolean upper = run.chars().anyMatch(Character::isUpperCase);
        boolean lower = run.chars().anyMatch(Character::isLowerCase);
        boolean digit = run.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(run) >= 3.5 && switches(run) >= 0.45;
    }

    private static double switches(String s) {
        int changes = 0;
        for (int i = 1; i < s.length(); i++) {
            if (kind(s.charAt(i)) != kind(s.charAt(i - 1))) {
                changes++;
            }
        }
        return (double) changes / (s.length() - 1);
    }

    private static int kind(char c) {
        return Character.isUpperCase(c) ? 0 : Character.isLowerCase(c) ? 1 : Character.isDigit(c) ? 2 : 3;
    }

    private static double entropy(String s) {
        Map<Integer, Integer> counts = new HashMap<>();
        s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
