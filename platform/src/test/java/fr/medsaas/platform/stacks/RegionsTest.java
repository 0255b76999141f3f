package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REG-1 and REG-3: where each stack of each environment is deployed. */
class RegionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    @Requirement({"REG-1", "REG-3"})
    void workloadAndDataStacksAreInParisAndOnlyTheEdgeConfigurationInUsEast1(String env) {
        Map<String, String> regionByStack = TestApps.assembly(env).stacks().stream()
                .collect(Collectors.toMap(StackTemplate::stackName, StackTemplate::region));
        String p = "MedSaas-" + env + "-";
        // Only the CloudFront web ACL and CloudFront's log-delivery settings, which hold no data, are in
        // us-east-1 (REG-3); the backup region holds the replica stack only; everything else is in Paris.
        regionByStack.forEach((stack, region) -> {
            if (stack.equals(p + "EdgeFirewall") || stack.equals(p + "EdgeLogging")) {
                assertThat(region).as(stack).isEqualTo("us-east-1");
            } else if (stack.equals(p + "Replica")) {
                assertThat(region).as(stack).isEqualTo("eu-central-1");
            } else {
                assertThat(region).as(stack).isEqualTo("eu-west-3");
            }
        });
        assertThat(regionByStack).containsKeys(p + "Keys", p + "Network", p + "Data", p + "Media", p + "App",
                p + "Replica", p + "Backup", p + "Observability", p + "Compliance", p + "EdgeFirewall", p + "EdgeLogging");
    }
}
