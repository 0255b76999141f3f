package fr.medsaas.compliance.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where the templates a change is compared with come from: an earlier assembly, or CloudFormation. */
public interface PreviousTemplates {
    /** The template of stack {@code stackName} in {@code region}, empty when there is no such stack. */
    Optional<JsonNode> template(String stackName, String region);

    /** The stacks this source has that {@code names} does not (all their resources are removed), by name. */
    default Map<String, JsonNode> stacksNotIn(Set<String> names) {
        return Map.of();
    }

    /** What was read, for the output ("assembly old-cdk.out", "CloudFormation at ..."). */
    String describe();
}
