package fr.medsaas.platform.constructs.network;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The policies of the VPC endpoints: a stolen credential of another account, or a request for
 * another account's resource, cannot leave the VPC through them (exfiltration to a bucket, a
 * secret, a log group or a key of someone else's).
 */
public final class EndpointPolicies {
    /** The statement id of the account's own traffic. */
    public static final String THIS_ACCOUNT = "OnlyThisAccountsPrincipalsAndResources";
    /** The statement id of GuardDuty's Fargate agent image (HARD-9). */
    public static final String GUARDDUTY_AGENT = "GuardDutyFargateAgentImage";

    private EndpointPolicies() {
    }

    /**
     * This account's principals on this account's resources. {@code aws:ResourceAccount} is held
     * with {@code IfExists}: actions without a resource (ecr:GetAuthorizationToken,
     * cloudwatch:PutMetricData) carry no resource account, and are still held to this account's
     * principals.
     */
    public static PolicyStatement thisAccountOnly() {
        return PolicyStatement.Builder.create()
                .sid(THIS_ACCOUNT)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("*"))
                .resources(List.of("*"))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "StringEquals", Map.of("aws:PrincipalAccount", Aws.ACCOUNT_ID),
                        "StringEqualsIfExists", Map.of("aws:ResourceAccount", Aws.ACCOUNT_ID))))
                .build();
    }

    /**
     * HARD-9: the one repository of another account that the ECR endpoints let through, GuardDuty's
     * Fargate agent of the region ({@code GuardDutyAgent}), read-only, by this account's principals
     * (the tasks' execution roles pulling the agent's sidecar). Its layers come through the S3
     * gateway endpoint's {@code EcrImageLayers} exception, as every image's.
     */
    public static PolicyStatement guardDutyAgentImage(String region) {
        return PolicyStatement.Builder.create()
                .sid(GUARDDUTY_AGENT)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"))
                .resources(List.of(fr.medsaas.compliance.aws.GuardDutyAgent.repositoryArn(Aws.PARTITION, region)))
                .conditions(Map.of("StringEquals", Map.of("aws:PrincipalAccount", Aws.ACCOUNT_ID)))
                .build();
    }

    /**
     * The S3 gateway endpoint's two exceptions, both AWS-owned buckets of this region: ECR's image
     * layers (downloaded through a URL that ECR pre-signs with its own principal, so without a
     * condition on the principal's account, as AWS's documented endpoint policy for ECR has it:
     * https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html), and CloudFormation's
     * custom-resource responses (written through a URL that CloudFormation pre-signed, so with its principal), to
     * this region's one response bucket, {@code cloudformation-custom-resource-response-<region
     * without hyphens>} ({@code ...-euwest3}), never a pattern another account could own.
     */
    public static List<PolicyStatement> s3Exceptions(String region) {
        return List.of(
                PolicyStatement.Builder.create()
                        .sid("EcrImageLayers")
                        .principals(List.of(new AnyPrincipal()))
                        .actions(List.of("s3:GetObject"))
                        .resources(List.of("arn:" + Aws.PARTITION + ":s3:::prod-" + region + "-starport-layer-bucket/*"))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("CloudFormationCustomResourceResponses")
                        .principals(List.of(new AnyPrincipal()))
                        .actions(List.of("s3:PutObject"))
                        .resources(List.of("arn:" + Aws.PARTITION + ":s3:::" + customResourceResponseBucket(region) + "/*"))
                        .build());
    }

    /** CloudFormation's custom-resource response bucket of a region: {@code eu-west-3} gives {@code ...-euwest3}. */
    public static String customResourceResponseBucket(String region) {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("region: value \"" + region + "\" is refused: a literal AWS region "
                    + "such as eu-west-3 (the stack must name its region)");
        }
        return "cloudformation-custom-resource-response-" + region.replace("-", "");
    }
}
