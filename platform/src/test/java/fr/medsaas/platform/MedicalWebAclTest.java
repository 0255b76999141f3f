package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.constructs.firewall.WebAcl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WAF-1 extended for a medical app (issue 20): the web ACL's rules, as synthesized, let a 5 MB
 * document through on a configured upload path and block it anywhere else. The rules are
 * evaluated here as AWS WAF does (priority order, terminating block, counted rules adding their
 * label), for a benign request under every rate limit; of the managed groups only the common
 * rule set's {@code SizeRestrictions_BODY} (bodies over 8 KB) can match such a request.
 */
class MedicalWebAclTest {
    static EnvironmentConfig config;
    static List<JsonNode> albRules;
    static List<JsonNode> cloudFrontRules;

    @BeforeAll
    static void synthesize() {
        config = TestApps.config("prod");
        albRules = rules(TestApps.assembly("prod").stacks().stream()
                .filter(s -> s.stackName().equals("MedSaas-prod-App")).findFirst().orElseThrow());
        cloudFrontRules = rules(TestApps.assembly("prod").stacks().stream()
                .filter(s -> s.stackName().equals("MedSaas-prod-EdgeFirewall")).findFirst().orElseThrow());
    }

    private static List<JsonNode> rules(StackTemplate stack) {
        JsonNode acl = stack.resources().values().stream()
                .filter(r -> r.path("Type").asText().equals("AWS::WAFv2::WebACL")).findFirst().orElseThrow();
        List<JsonNode> out = new ArrayList<>();
        acl.path("Properties").path("Rules").forEach(out::add);
        out.sort(Comparator.comparingInt(r -> r.path("Priority").asInt()));
        return out;
    }

    /** The rule that blocks the request, or empty when the default action (allow) applies. */
    static Optional<String> blockedBy(List<JsonNode> rules, String path, long bodyBytes) {
        Set<String> labels = new HashSet<>();
        for (JsonNode rule : rules) {
            JsonNode statement = rule.path("Statement");
            if (statement.has("ManagedRuleGroupStatement")) {
                JsonNode group = statement.path("ManagedRuleGroupStatement");
                if (group.path("Name").asText().equals("AWSManagedRulesCommonRuleSet") && bodyBytes > 8 * 1024) {
                    boolean counted = false;
                    for (JsonNode o : group.path("RuleActionOverrides")) {
                        counted |= o.path("Name").asText().equals(WebAcl.BODY_SIZE_RULE) && o.path("ActionToUse").has("Count");
                    }
                    if (!counted) {
                        return Optional.of(rule.path("Name").asText() + ":" + WebAcl.BODY_SIZE_RULE);
                    }
                    labels.add(WebAcl.BODY_SIZE_LABEL);
                }
            } else if (matches(statement, path, labels) && rule.path("Action").has("Block")) {
                return Optional.of(rule.path("Name").asText());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(JsonNode s, String path, Set<String> labels) {
        if (s.has("RateBasedStatement")) {
            return false; // one request stays under every rate limit
        }
        if (s.has("ByteMatchStatement")) {
            JsonNode b = s.path("ByteMatchStatement");
            assertThat(b.path("FieldToMatch").has("UriPath")).isTrue();
            assertThat(b.path("PositionalConstraint").asText()).isEqualTo("STARTS_WITH");
            return path.startsWith(b.path("SearchString").asText());
        }
        if (s.has("LabelMatchStatement")) {
            return labels.contains(s.path("LabelMatchStatement").path("Key").asText());
        }
        if (s.has("NotStatement")) {
            return !matches(s.path("NotStatement").path("Statement"), path, labels);
        }
        if (s.has("AndStatement")) {
            for (JsonNode x : s.path("AndStatement").path("Statements")) {
                if (!matches(x, path, labels)) {
                    return false;
                }
            }
            return true;
        }
        if (s.has("OrStatement")) {
            for (JsonNode x : s.path("OrStatement").path("Statements")) {
                if (matches(x, path, labels)) {
                    return true;
                }
            }
            return false;
        }
        throw new AssertionError("a statement this test does not model: " + s);
    }

    @Test
    @Requirement("WAF-1")
    void aFiveMegabyteDocumentPassesOnEveryConfiguredUploadPath() {
        assertThat(config.app().firewall().uploadPaths()).isNotEmpty();
        for (String upload : config.app().firewall().uploadPaths()) {
            assertThat(blockedBy(albRules, upload + "scan.pdf", 5L * 1024 * 1024)).as(upload).isEmpty();
            assertThat(blockedBy(cloudFrontRules, upload + "scan.pdf", 5L * 1024 * 1024)).as(upload).isEmpty();
        }
    }

    @Test
    @Requirement("WAF-1")
    void aLargeBodyIsStillBlockedEverywhereElseAndASmallOnePasses() {
        assertThat(blockedBy(albRules, "/api/patients/42/", 5L * 1024 * 1024)).contains("BodySizeOutsideUploadPaths");
        assertThat(blockedBy(albRules, "/api/patients/42/", 2 * 1024)).isEmpty();
        // A prefix only counts at the start of the path.
        assertThat(blockedBy(albRules, "/evil" + config.app().firewall().uploadPaths().get(0), 20 * 1024))
                .contains("BodySizeOutsideUploadPaths");
    }

    @Test
    @Requirement("WAF-1")
    void theLoginPathHasItsOwnTighterRateLimit() {
        JsonNode login = albRules.stream().filter(r -> r.path("Name").asText().equals("LoginRateLimitRule")).findFirst()
                .orElseThrow();
        JsonNode rate = login.path("Statement").path("RateBasedStatement");
        assertThat(rate.path("Limit").asInt()).isEqualTo(config.app().firewall().loginRateLimit()).isLessThan(WebAcl.RATE_LIMIT);
        assertThat(rate.path("EvaluationWindowSec").asInt()).isEqualTo(300);
        assertThat(rate.path("ScopeDownStatement").path("ByteMatchStatement").path("SearchString").asText())
                .isEqualTo(config.app().firewall().loginPath());
        assertThat(login.path("Action").has("Block")).isTrue();
    }
}
