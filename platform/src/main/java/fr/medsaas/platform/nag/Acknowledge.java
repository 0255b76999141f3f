package fr.medsaas.platform.nag;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges a rule-pack finding on one construct (and its children), next to the resource,
 * with the reason a reviewer reads. CDK policy validation matches each finding by
 * {@code <plugin>::<rule>}, e.g. {@code AwsSolutions::AwsSolutions-IAM5[Resource::*]}; this class
 * derives the plugin from a cdk-nag rule id so call sites name the rule as the packs print it.
 * There is no blanket suppression: each finding is acknowledged where it arises.
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
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(qualify(ruleId)).reason(reason).build());
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
