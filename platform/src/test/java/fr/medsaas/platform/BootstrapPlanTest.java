package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.bootstrap.BootstrapPlan;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** CI-4: the bootstrap plan and its execution policy, against what the platform's templates create. */
class BootstrapPlanTest {
    /** CloudFormation namespaces whose IAM service prefix differs from their lower-cased name. */
    private static final Map<String, String> IAM_PREFIX = Map.of(
            "elasticloadbalancingv2", "elasticloadbalancing", "applicationautoscaling", "application-autoscaling",
            "codestarnotifications", "codestar-notifications", "wafv2", "wafv2", "servicediscovery", "servicediscovery");

    @Test
    @Requirement("CI-4")
    void ci4_theExecutionPolicyCoversEveryServiceTheTemplatesCreate() {
        Set<String> needed = new TreeSet<>();
        for (String env : new String[] {"prod", "dev"}) {
            for (StackTemplate s : TestApps.assembly(env).stacks()) {
                s.resources().values().forEach(r -> {
                    String type = r.path("Type").asText();
                    if (type.startsWith("AWS::") && !type.startsWith("AWS::CDK::") && !type.startsWith("AWS::IAM::")) {
                        String ns = type.split("::")[1].toLowerCase(Locale.ROOT);
                        needed.add(IAM_PREFIX.getOrDefault(ns, ns));
                    }
                });
            }
        }
        assertThat(BootstrapPlan.SERVICES).containsAll(needed);
    }

    @Test
    @Requirement("CI-4")
    void ci4_theRegionsAreTheEnvironmentsAndIamIsLimitedToItsStacks() {
        BootstrapPlan plan = new BootstrapPlan(TestApps.config("staging"), "123456789012");
        assertThat(plan.regions()).containsExactly("eu-west-3", "eu-central-1", "us-east-1");
        String json = plan.executionPolicyJson();
        assertThat(json).contains("\"aws:RequestedRegion\" : [ \"eu-west-3\", \"eu-central-1\", \"us-east-1\" ]",
                "arn:aws:iam::123456789012:role/MedSaas-staging-*", "arn:aws:iam::123456789012:policy/MedSaas-staging-*");
        assertThat(json).doesNotContain("\"iam:*\"", "\"*:*\"", "organizations", "iam:CreateUser", "iam:CreateAccessKey");
    }

    @Test
    void refusesAnAccountThatIsNotTwelveDigits() {
        assertThatThrownBy(() -> new BootstrapPlan(TestApps.config("dev"), "my-account"))
                .hasMessageContaining("12 digits");
    }
}
