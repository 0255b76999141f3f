package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.Acknowledgements;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.firewall.WebAcl;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The CloudFront web ACL (WAF-1) in us-east-1, how the distribution gets it without a
 * cross-region reference, and what the us-east-1 stacks may hold (REG-3).
 */
class EdgeFirewallStackTest {
    /** What a us-east-1 stack may hold: the web ACL, and CloudFront's log delivery (configuration, no storage). */
    static final Set<String> ALLOWED_IN_US_EAST_1 = Set.of("AWS::WAFv2::WebACL",
            "AWS::Logs::DeliverySource", "AWS::Logs::DeliveryDestination", "AWS::Logs::Delivery");

    private static Template firewall;
    private static Template media;
    private static CloudAssembly assembly;

    @BeforeAll
    static void templates() {
        MedSaasApp app = TestApps.app("prod");
        firewall = TestApps.template(app.edgeFirewall());
        media = TestApps.template(app.media());
        assembly = TestApps.assembly("prod");
    }

    private static StackTemplate stack(String name) {
        return assembly.stacks().stream().filter(s -> s.stackName().equals(name)).findFirst().orElseThrow();
    }

    private static Set<String> types(StackTemplate stack) {
        Set<String> out = new TreeSet<>();
        stack.resources().values().forEach(r -> out.add(r.path("Type").asText()));
        return out;
    }

    @Test
    @Requirement("WAF-1")
    void aCloudFrontScopeWebAclNamedAfterThePrefixInUsEast1() {
        assertThat(stack("MedSaas-prod-EdgeFirewall").region()).isEqualTo("us-east-1");
        firewall.resourceCountIs("AWS::WAFv2::WebACL", 1);
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Name", "medical-saas-waf",
                "Scope", "CLOUDFRONT",
                "DefaultAction", Map.of("Allow", Map.of())));
    }

    @Test
    @Requirement("WAF-1")
    void firstRuleBlocksAnIpBeyond2000RequestsIn5Minutes() {
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(Map.of(
                "Name", "RateLimitRule",
                "Priority", 1,
                "Action", Map.of("Block", Map.of()),
                "Statement", Map.of("RateBasedStatement", Map.of(
                        "Limit", 2000, "EvaluationWindowSec", 300, "AggregateKeyType", "IP")),
                "VisibilityConfig", Match.anyValue())))));
    }

    @Test
    @Requirement("WAF-1")
    void thenLoginLimitIpListsAndAwsManagedSqlInjectionCommonAndKnownBadInputsRules() {
        Capture rules = new Capture();
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", rules));
        assertThat(rules.asArray()).extracting(r -> (Object) ((Map<?, ?>) r).get("Name")).containsExactly("RateLimitRule",
                "LoginRateLimitRule", "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAnonymousIpList",
                "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "BodySizeOutsideUploadPaths",
                "AWSManagedRulesKnownBadInputsRuleSet");
        assertThat(rules.asArray()).extracting(r -> (Object) ((Map<?, ?>) r).get("Priority")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        for (Object r : rules.asArray()) {
            Map<?, ?> rule = (Map<?, ?>) r;
            if (rule.get("Statement").toString().contains("ManagedRuleGroupStatement")) {
                assertThat(rule.get("OverrideAction")).isEqualTo(Map.of("None", Map.of()));
            }
        }
        assertThat(WebAcl.MANAGED_RULE_GROUPS).containsExactly(
                "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");
    }

    @Test
    @Requirement("WAF-1")
    void metricsAndSampledRequestsAreOnForTheAclAndEveryRule() {
        Map<String, Object> on = Map.of("CloudWatchMetricsEnabled", true, "SampledRequestsEnabled", true,
                "MetricName", Match.stringLikeRegexp("medical-saas-waf.*"));
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("VisibilityConfig", on));
        Capture rules = new Capture();
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", rules));
        assertThat(rules.asArray()).allSatisfy(r -> assertThat(((Map<?, ?>) r).get("VisibilityConfig").toString())
                .contains("CloudWatchMetricsEnabled=true").contains("SampledRequestsEnabled=true"));
    }

    @Test
    @Requirement("WAF-1")
    void noLogStoreIsAcknowledgedWithTheResidencyReason() {
        Map<String, String> acknowledged = Acknowledgements.of(
                TestApps.app("prod").edgeFirewall().webAcl().getNode().findChild("Resource"));
        assertThat(acknowledged).containsKeys("NIST.800.53.R5-WAFv2LoggingEnabled",
                "HIPAA.Security-WAFv2LoggingEnabled");
        assertThat(acknowledged.values()).allSatisfy(reason -> assertThat(reason).contains("us-east-1").contains("EU"));
    }

    @Test
    @Requirement("WAF-1")
    void theDistributionUsesThisWebAclReadAcrossRegionsByCloudFormation() {
        Capture output = new Capture();
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "WebACLId", Map.of("Fn::GetStackOutput", Map.of(
                        "StackName", "MedSaas-prod-EdgeFirewall", "Region", "us-east-1", "OutputName", output))))));
        firewall.hasOutput(output.asString(), Map.of(
                "Value", Map.of("Fn::GetAtt", List.of(firewall.getResourceId("AWS::WAFv2::WebACL"), "Arn")),
                // Read, not imported: no export, so no strong coupling that would need a function.
                "Export", Match.absent()));
    }

    @Test
    @Requirement("REG-3")
    void theFirewallStackHoldsOnlyTheWebAcl() {
        assertThat(types(stack("MedSaas-prod-EdgeFirewall"))).containsExactly("AWS::WAFv2::WebACL");
    }

    @Test
    @Requirement("REG-3")
    void noUsEast1StackStoresDataOrRunsCode() {
        List<StackTemplate> usEast1 = assembly.stacks().stream().filter(s -> s.region().equals("us-east-1")).toList();
        assertThat(usEast1).extracting(StackTemplate::stackName)
                .containsExactlyInAnyOrder("MedSaas-prod-EdgeFirewall", "MedSaas-prod-EdgeLogging");
        for (StackTemplate stack : usEast1) {
            assertThat(types(stack)).as(stack.stackName()).isSubsetOf(ALLOWED_IN_US_EAST_1)
                    .doesNotContain("AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::Lambda::Function", "AWS::IAM::Role");
        }
        // Every other stack is in the EU.
        assertThat(assembly.stacks()).filteredOn(s -> !s.region().equals("us-east-1"))
                .allSatisfy(s -> assertThat(s.region()).isIn("eu-west-3", "eu-central-1"));
    }

    @Test
    @Requirement("REG-3")
    void valuesCrossRegionsAsWeakReferencesNeverThroughAFunction() {
        for (StackTemplate stack : assembly.stacks()) {
            if (!List.of("MedSaas-prod-EdgeFirewall", "MedSaas-prod-Media", "MedSaas-prod-EdgeLogging").contains(stack.stackName())) {
                continue;
            }
            // CDK's strong cross-region references are custom resources backed by a function,
            // one of them in the us-east-1 stack; the weak ones are Fn::GetStackOutput.
            assertThat(types(stack)).as(stack.stackName()).doesNotContain(
                    "Custom::CrossRegionExportWriter", "Custom::CrossRegionExportReader", "AWS::Lambda::Function",
                    "AWS::SSM::Parameter");
        }
        assertThat(stack("MedSaas-prod-EdgeLogging").template().toString())
                .contains("Fn::GetStackOutput").doesNotContain("Fn::ImportValue");
        assertThat(stack("MedSaas-prod-Media").template().path("Resources").toString()).contains("Fn::GetStackOutput");
    }

    @Test
    @Requirement("REG-3")
    void theStacksDeployInOrderMediaAfterTheFirewallAndLoggingAfterMedia() {
        assertThat(stack("MedSaas-prod-Media").dependencies()).contains("MedSaas-prod-Keys", "MedSaas-prod-EdgeFirewall");
        assertThat(stack("MedSaas-prod-EdgeLogging").dependencies()).contains("MedSaas-prod-Media");
        assertThat(stack("MedSaas-prod-EdgeFirewall").dependencies()).noneMatch(d -> d.startsWith("MedSaas-prod-") && !d.endsWith(".assets"));
        assertThat(TestApps.app("prod").stacks()).extracting(s -> s.getStackName()).containsExactly(
                "MedSaas-prod-Keys", "MedSaas-prod-Network", "MedSaas-prod-Data", "MedSaas-prod-EdgeFirewall",
                "MedSaas-prod-Replica", "MedSaas-prod-Media", "MedSaas-prod-EdgeLogging", "MedSaas-prod-Backup",
                "MedSaas-prod-Delivery", "MedSaas-prod-App", "MedSaas-prod-Observability", "MedSaas-prod-Compliance");
    }

    @Test
    @Requirement("REG-3")
    void theEdgeStacksTemplatesHoldNoHealthDataTag() {
        for (String name : List.of("MedSaas-prod-EdgeFirewall", "MedSaas-prod-EdgeLogging")) {
            JsonNode template = stack(name).template();
            assertThat(template.toString()).as(name).doesNotContain("medical-sensitive");
        }
    }
}
