package fr.medsaas.platform.constructs.media;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The one audited path to erase a patient's media file for good (RGPD art. 17): a role that only
 * an authenticated person of this account with MFA may assume, for an hour at most, allowed to
 * list, read and delete object versions of the media bucket and nothing else. The web and worker
 * roles cannot delete a version; CloudTrail's data events name who assumed this role and which
 * version it deleted (docs/erasure.md).
 */
public final class ErasureRole extends Construct {
    private final Role role;

    public ErasureRole(Construct scope, String id, String roleName, IBucket bucket) {
        super(scope, id);
        this.role = Role.Builder.create(this, "Resource")
                .roleName(roleName)
                .description("Erases media files and their versions at a patient's request (RGPD art. 17); MFA only")
                .assumedBy(new AccountRootPrincipal().withConditions(Map.of(
                        "Bool", Map.of("aws:MultiFactorAuthPresent", "true"))))
                .maxSessionDuration(Duration.hours(1))
                .build();
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Erasure of media files: list, read and delete object versions of the media bucket only")
                .roles(List.of(role))
                .statements(List.of(
                        PolicyStatement.Builder.create().sid("FindTheVersions")
                                .actions(List.of("s3:ListBucket", "s3:ListBucketVersions"))
                                .resources(List.of(bucket.getBucketArn())).build(),
                        PolicyStatement.Builder.create().sid("EraseTheVersions")
                                .actions(List.of("s3:GetObjectVersion", "s3:DeleteObject", "s3:DeleteObjectVersion"))
                                .resources(List.of(bucket.arnForObjects("*"))).build(),
                        // The versions are SSE-KMS objects: S3 decrypts them with the bucket's key
                        // on the role's behalf (the key's policy names this role, AllowErasureToReadThroughS3).
                        PolicyStatement.Builder.create().sid("ReadTheVersionsThroughS3")
                                .actions(List.of("kms:Decrypt"))
                                .resources(List.of(bucket.getEncryptionKey() != null
                                        ? bucket.getEncryptionKey().getKeyArn() : "*"))
                                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                                        "s3." + software.amazon.awscdk.Stack.of(scope).getRegion() + ".amazonaws.com")))
                                .build()))
                .build();
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::<MediaBucket593D5DE8.Arn>/*]",
                "Which patient's files are to be erased is known only at the request; the role is limited to this "
                        + "bucket's objects, needs MFA and is traced by CloudTrail.");
    }

    /** The role. */
    public Role role() {
        return role;
    }
}
