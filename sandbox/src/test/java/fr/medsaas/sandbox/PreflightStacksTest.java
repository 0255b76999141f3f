package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.sandbox.preflight.Preflight;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The preflight's list of stacks (checked for failed states before any synthesis) is the app's. */
class PreflightStacksTest {
    @Test
    @Requirement("DEP-1")
    void thePreflightKnowsEveryStackOfTheAppInItsRegion() {
        EnvironmentConfig prod = Assemblies.config("dev");
        Map<String, String> expected = Preflight.STACKS.entrySet().stream().collect(Collectors.toMap(
                e -> prod.stackName(e.getKey()), e -> switch (e.getValue()) {
                    case "edge" -> prod.regions().edge();
                    case "backup" -> prod.regions().backup();
                    default -> prod.regions().primary();
                }));
        Map<String, String> actual = Assemblies.of("dev").stacks().stream()
                .collect(Collectors.toMap(StackTemplate::stackName, StackTemplate::region));
        assertThat(expected).isEqualTo(actual);
    }
}
