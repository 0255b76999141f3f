package fr.medsaas.compliance.assembly;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule acknowledged on one resource, as written into the template's {@code cdk_nag} metadata.
 *
 * @param stackName the stack
 * @param logicalId the resource
 * @param type      the resource's CloudFormation type
 * @param ruleId    the rule (or finding) acknowledged
 * @param reason    why
 */
public record Acknowledgement(String stackName, String logicalId, String type, String ruleId, String reason) {

    /** Every acknowledgement of every resource of the assembly. */
    public static List<Acknowledgement> of(CloudAssembly assembly) {
        List<Acknowledgement> out = new ArrayList<>();
        for (StackTemplate stack : assembly.stacks()) {
            stack.resources().forEach((id, r) -> r.path("Metadata").path("cdk_nag").path("rules_to_suppress")
                    .forEach(rule -> out.add(new Acknowledgement(stack.stackName(), id, r.path("Type").asText(),
                            rule.path("id").asText(), rule.path("reason").asText()))));
        }
        return out;
    }
}
