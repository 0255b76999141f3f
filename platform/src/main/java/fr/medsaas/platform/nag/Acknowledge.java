package fr.medsaas.platform.nag;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges a rule-pack finding on one construct (and its children), next to the resource,
 * with the reason a reviewer reads. Name the finding exactly as the pack prints it:
 * {@code AwsSolutions-EC23}, or with its finding {@code AwsSolutions-IAM5[Resource::*]}. cdk-nag
 * matches these ids itself and, with {@code writeSuppressionsToCloudFormation}, writes each one
 * with its reason into the resource's {@code cdk_nag} metadata, where the evidence report reads
 * them. Findings of CDK's own plugins take their plugin's prefix
 * ({@code CloudFormation-Validate::W3010}). There is no blanket suppression.
 */
public final class Acknowledge {
    private Acknowledge() {
    }

    /** Acknowledges {@code ruleId} on {@code scope} and its children, for {@code reason}. */
    public static void rule(IConstruct scope, String ruleId, String reason) {
        if (reason == null || reason.length() < 40) {
            throw new IllegalArgumentException("an acknowledgement of " + ruleId + " needs a reason a reviewer would accept");
        }
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }

    /** Acknowledges several findings on the same construct for the same reason. */
    public static void rules(IConstruct scope, String reason, String... ruleIds) {
        for (String id : ruleIds) {
            rule(scope, id, reason);
        }
    }
}
