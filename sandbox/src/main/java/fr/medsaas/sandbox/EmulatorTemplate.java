package fr.medsaas.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A stack's template as the emulator gets it, with everything that differs from the synthesized
 * one: the resources left out, the references to them that got placeholders, the properties
 * rewritten for moto's defects, and what else was removed. Nothing is changed without a line here.
 *
 * @param template     the template to send to the emulator
 * @param leftOut      resources not sent, with their type and why
 * @param placeholders references to left-out resources (or to outputs not found), each replaced or dropped
 * @param resolved     cross-region references ({@code Fn::GetStackOutput}) replaced by the value read from the emulator,
 *                     and certificates from configuration replaced by the emulator's stand-in
 * @param rewrites     properties rewritten for a moto defect
 * @param removed      other parts removed (the bootstrap parameter and rule, conditions and outputs that
 *                     cannot resolve without them), each with why
 */
public record EmulatorTemplate(JsonNode template, List<LeftOut> leftOut, List<Placeholder> placeholders,
                               List<Resolved> resolved, List<Rewrite> rewrites, List<String> removed) {

    public EmulatorTemplate {
        leftOut = List.copyOf(leftOut);
        placeholders = List.copyOf(placeholders);
        resolved = List.copyOf(resolved);
        rewrites = List.copyOf(rewrites);
        removed = List.copyOf(removed);
    }

    /**
     * A resource the emulator does not get.
     *
     * @param logicalId the resource's logical id
     * @param type      its CloudFormation type
     * @param reason    why it is left out
     */
    public record LeftOut(String logicalId, String type, String reason) {
    }

    /**
     * A reference to a left-out resource, replaced by a placeholder value (or, for a
     * {@code DependsOn} entry, dropped).
     *
     * @param owner  where the reference was: {@code Resources.<id>} or {@code Outputs.<id>}
     * @param path   the JSON pointer of the reference inside its owner, e.g. {@code /Properties/RoleArn}
     * @param kind   {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code DependsOn} or {@code Fn::GetStackOutput}
     * @param target the left-out resource (or removed parameter, or output not found) it named
     * @param value  the placeholder put in its place; empty for a dropped {@code DependsOn} entry
     */
    public record Placeholder(String owner, String path, String kind, String target, String value) {
        /** One line for a person. */
        public String describe() {
            if (value.isEmpty()) {
                return owner + path + ": " + kind + " " + target + " dropped";
            }
            return owner + path + ": " + kind + " " + target + " -> \"" + value + "\"";
        }
    }

    /**
     * A value the emulator supplies: a cross-region reference ({@code Fn::GetStackOutput}) replaced by
     * the output's value, read from the emulator, as CloudFormation does when the consuming stack
     * deploys; or a certificate from configuration replaced by the emulator's stand-in.
     *
     * @param owner     where the reference was: {@code Resources.<id>} or {@code Outputs.<id>}
     * @param path      the JSON pointer of the reference inside its owner
     * @param kind      {@code Fn::GetStackOutput} or {@code Certificate}
     * @param reference {@code <stack>@<region>.<output>}, or the certificate's ARN as synthesized
     * @param value     the output's value, or the stand-in's ARN
     */
    public record Resolved(String owner, String path, String kind, String reference, String value) {
        /** One line for a person. */
        public String describe() {
            return owner + path + ": " + kind + " " + reference + " -> \"" + value + "\"";
        }
    }

    /**
     * A property of a kept resource rewritten so that moto handles it.
     *
     * @param logicalId the resource
     * @param type      its type
     * @param property  the property rewritten
     * @param defect    the moto defect worked around
     */
    public record Rewrite(String logicalId, String type, String property, MotoDefect defect) {
    }
}
