package fr.medsaas.platform.nag;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges a rule-pack finding on one construct (and its children), next to the resource,
 * with the reason a reviewer reads. CDK policy validation matches each finding by
 * {@code <plugin>::<rule>}, e.g. {@code AwsSolutions::AwsSolutions-IAM5[Resource::*]}; this class
 * derives the plugin from a cdk-nag rule id so call sites name the rule as the packs print it.
 * There is no blanket suppression: each finding is acknowledged where it arises.
 *
 * <p>A finding whose own text holds {@code ::} ({@code AwsSolutions-IAM5[Resource::*]},
 * {@code AwsSolutions-IAM4[Policy::arn:...]}) cannot go through {@code Validations.acknowledge},
 * which reserves {@code ::} for the plugin prefix. For such a rule name CDK and cdk-nag both look
 * the acknowledgement up under the name exactly as the pack prints it, so it is recorded under
 * that name: cdk-nag then does not raise the finding, and writes it with its reason into the
 * resource's {@code cdk_nag} metadata in the template, where reviewers and our own checks read it.
 */
public final class Acknowledge {
    private Acknowledge() {
    }

    /**
     * Acknowledges {@code ruleId} on {@code scope} and its children, for {@code reason}.
     *
     * @param ruleId a cdk-nag rule id ({@code HIPAA.Security-IAMNoInlinePolicy}), optionally with a
     *               finding ({@code AwsSolutions-IAM5[Resource::*]}), or an id already qualified with
     *               its plugin ({@code CloudFormation-Validate::W3010})
     */
    public static void rule(IConstruct scope, String ruleId, String reason) {
        if (reason == null || reason.length() < 40) {
            throw new IllegalArgumentException("an acknowledgement of " + ruleId + " needs a reason a reviewer would accept");
        }
        if (findingHoldsDelimiter(ruleId)) {
            scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(ruleId, reason));
            return;
        }
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(qualify(ruleId)).reason(reason).build());
    }

    /** True for a cdk-nag finding id with {@code ::} inside its brackets, e.g. {@code AwsSolutions-IAM5[Resource::*]}. */
    static boolean findingHoldsDelimiter(String ruleId) {
        int bracket = ruleId.indexOf('[');
        return bracket > 0 && !ruleId.substring(0, bracket).contains("::") && ruleId.indexOf("::", bracket) > 0;
    }

    /** Acknowledges several findings on the same construct for the same reason. */
    public static void rules(IConstruct scope, String reason, String... ruleIds) {
        for (String id : ruleIds) {
            rule(scope, id, reason);
        }
    }

    /** {@code AwsSolutions-EC23} becomes {@code AwsSolutions::AwsSolutions-EC23}; qualified ids stay. */
    static String qualify(String ruleId) {
        int bracket = ruleId.indexOf('[');
        String head = bracket < 0 ? ruleId : ruleId.substring(0, bracket);
        if (head.contains("::")) {
            return ruleId;
        }
        int dash = head.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a rule id: " + ruleId);
        }
        return head.substring(0, dash) + "::" + ruleId;
    }
}
