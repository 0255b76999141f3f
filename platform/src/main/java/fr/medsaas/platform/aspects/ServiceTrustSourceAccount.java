package fr.medsaas.platform.aspects;

import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.iam.CfnRole;
import software.constructs.IConstruct;

/**
 * Holds to this account the roles that CDK writes for an AWS service inside its own constructs
 * (HARD-10, the confused deputy): the trail's CloudWatch Logs role (CloudTrail) and the
 * custom-resource providers' roles (Lambda), whose single trust statement is the service's, get
 * {@code aws:SourceAccount} = this account. Our own roles are held where they are made
 * ({@code ManagedPolicyRole}, the task roles, ...).
 *
 * <p>The services whose documentation gives a role trust policy with {@code aws:SourceAccount}
 * (Config, CodeBuild, CodePipeline, CloudTrail, Lambda, ...) get {@code StringEquals}. AWS Backup's
 * documentation shows its service role's trust without a source condition and does not say that
 * Backup sends the key when it assumes the role, so its statement gets {@code StringEqualsIfExists}:
 * a request that carries another account is refused, and a backup is never stopped by a key the
 * service does not send.
 */
public final class ServiceTrustSourceAccount implements IAspect {
    /** Services whose trust statement is held only when the request carries the key, and why. */
    public static final Map<String, String> IF_EXISTS = Map.of("backup.amazonaws.com",
            "AWS Backup does not document aws:SourceAccount on the role it assumes");

    @Override
    public void visit(IConstruct node) {
        if (!(node instanceof CfnResource cfn) || node.getNode().getScope() == null) {
            return;
        }
        IConstruct parent = node.getNode().getScope();
        boolean trailLogsRole = node instanceof CfnRole && parent.getNode().getId().equals("LogsRole")
                && parent.getNode().getScope() instanceof Trail;
        boolean providerRole = !(node instanceof CfnRole) && node.getNode().getId().equals("Role")
                && parent.getNode().getId().startsWith("Custom::") && "AWS::IAM::Role".equals(cfn.getCfnResourceType());
        if (trailLogsRole || providerRole) {
            cfn.addPropertyOverride("AssumeRolePolicyDocument.Statement.0.Condition",
                    Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)));
        }
    }
}
