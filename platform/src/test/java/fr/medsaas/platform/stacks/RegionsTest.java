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
        assertThat(regionByStack).containsExactlyInAnyOrderEntriesOf(Map.of(
                p + "Keys", "eu-west-3", p + "Network", "eu-west-3", p + "Data", "eu-west-3",
                p + "Media", "eu-west-3", p + "App", "eu-west-3",
                p + "EdgeFirewall", "us-east-1", p + "EdgeLogging", "us-east-1"));
    }
}
