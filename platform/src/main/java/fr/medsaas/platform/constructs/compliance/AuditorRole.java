package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The named auditor (break-glass) role: the one path to read the trail and validate it
 * ({@code aws cloudtrail validate-logs}), assumed only by an authenticated person of this account
 * with MFA, for an hour at most. The audit key lets CloudTrail and Config write; this role alone
 * may decrypt, and only through S3 (docs/access-paths.md).
 */
public final class AuditorRole extends Construct {
    private final Role role;

    public AuditorRole(Construct scope, String id, String roleName, IBucket trailBucket, IKey auditKey) {
        super(scope, id);
        this.role = Role.Builder.create(this, "Resource")
                .roleName(roleName)
                .description("Reads and validates the audit trail (aws cloudtrail validate-logs); MFA only, break-glass")
                .assumedBy(new AccountRootPrincipal().withConditions(Map.of(
                        "Bool", Map.of("aws:MultiFactorAuthPresent", "true"))))
                .maxSessionDuration(Duration.hours(1))
                .build();
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Audit: read the trail's log and digest files, decrypt them through S3, describe the trail")
                .roles(List.of(role))
                .statements(List.of(
                        PolicyStatement.Builder.create().sid("ListTheTrailFiles")
                                .actions(List.of("s3:ListBucket", "s3:GetBucketLocation"))
                                .resources(List.of(trailBucket.getBucketArn())).build(),
                        PolicyStatement.Builder.create().sid("ReadTheTrailFiles")
                                .actions(List.of("s3:GetObject"))
                                .resources(List.of(trailBucket.arnForObjects("AWSLogs/*"))).build(),
                        PolicyStatement.Builder.create().sid("DecryptTheTrailThroughS3")
                                .actions(List.of("kms:Decrypt"))
                                .resources(List.of(auditKey.getKeyArn()))
                                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                                        "s3." + Stack.of(scope).getRegion() + ".amazonaws.com")))
                                .build(),
                        PolicyStatement.Builder.create().sid("DescribeTheTrailAndItsKeys")
                                .actions(List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
                                        "cloudtrail:ListPublicKeys", "cloudtrail:LookupEvents"))
                                .resources(List.of("*")).build()))
                .build();
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::<TrailBucket6C1E344E.Arn>/AWSLogs/*]",
                "The auditor reads every trail file (validate-logs walks them all); the role needs MFA, lasts an hour "
                        + "and every read is itself in the trail.");
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::*]",
                "cloudtrail:DescribeTrails, ListPublicKeys and LookupEvents take no resource (AWS service authorization "
                        + "reference); the role needs MFA and lasts an hour.");
    }

    /** The role. */
    public Role role() {
        return role;
    }
}
