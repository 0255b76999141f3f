package fr.medsaas.platform.nag;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * Acknowledges a rule-pack finding on one construct (and its children), next to the resource,
 * with the reason a reviewer reads. There is no blanket suppression.
 *
 * <p>Name a cdk-nag finding exactly as the pack prints it: {@code AwsSolutions-EC23}, or with its
 * finding {@code AwsSolutions-IAM5[Resource::*]}. It is recorded in the construct's
 * acknowledged-rules metadata under that exact name; cdk-nag looks it up on the resource and its
 * parents only (so it is scoped to where it is written), does not raise the finding, and writes
 * it with its reason into the resource's {@code cdk_nag} metadata in the template, where
 * reviewers and our own checks read it. {@code Validations.acknowledge} is not used for these:
 * it reserves {@code ::} for a plugin prefix, so it refuses findings such as
 * {@code AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/...]}, and CDK matches
 * plugin-prefixed acknowledgements by rule id across the whole app, not per construct.
 *
 * <p>Findings of CDK's own plugins are named with their plugin's prefix
 * ({@code CloudFormation-Validate::W3010}) and go through {@code Validations.acknowledge}.
 *
 * <p>The French report shows each reason in French: a new or reworded reason needs its French in
 * the compliance module's {@code evidence/phrases_fr.txt} (what varies between environments as
 * {@code {0}}); {@code ReportCommandTest} fails on a reason of prod without it.
 */
public final class Acknowledge {
    /** Rule-id prefix of our HDS/RGPD pack ({@code medsaas check}), which runs on the assembly after synthesis. */
    private static final String OUR_PACK = "MEDSAAS-";

    private Acknowledge() {
    }

    /** Acknowledges {@code ruleId} on {@code scope} and its children, for {@code reason}. */
    public static void rule(IConstruct scope, String ruleId, String reason) {
        if (reason == null || reason.length() < 40) {
            throw new IllegalArgumentException("an acknowledgement of " + ruleId + " needs a reason a reviewer would accept");
        }
        if (isNagRule(ruleId) || ruleId.startsWith(OUR_PACK)) {
            // Ours too: cdk-nag writes every acknowledged rule of the resource and its parents into
            // its cdk_nag metadata, where our pack (medsaas check) reads it.
            scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(ruleId, reason));
        } else if (ruleId.contains("::")) {
            Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
        } else {
            throw new IllegalArgumentException("not a rule of our packs, nor a plugin-prefixed rule: " + ruleId);
        }
    }

    /** Acknowledges several findings on the same construct for the same reason. */
    public static void rules(IConstruct scope, String reason, String... ruleIds) {
        for (String id : ruleIds) {
            rule(scope, id, reason);
        }
    }

    /** Whether {@code ruleId} names a finding of one of the packs we run ({@link RulePack}). */
    static boolean isNagRule(String ruleId) {
        return java.util.Arrays.stream(RulePack.values()).anyMatch(pack -> pack.owns(ruleId));
    }
}
