package fr.medsaas.platform.constructs.media;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The one audited path to erase a patient's media file for good (RGPD art. 17, HARD-11): a role
 * that only an authenticated person of this account with MFA may assume, for an hour at most,
 * allowed to list, read and delete object versions of the media bucket and of its replica in the
 * backup region, and nothing else. S3 never replicates a DELETE that names a version, so the
 * erasure acts on each copy itself ({@code tools/erase-media.sh}). The web and worker roles cannot
 * delete a version; CloudTrail's data events name who assumed this role and which version it
 * deleted (docs/erasure.md).
 */
public final class ErasureRole extends Construct {
    /** The statement that lists the versions of the buckets. */
    public static final String FIND_SID = "FindTheVersions";
    /** The statement that deletes them. */
    public static final String ERASE_SID = "EraseTheVersions";
    /** What erasing needs on the buckets themselves. */
    public static final List<String> FIND_ACTIONS = List.of("s3:ListBucket", "s3:ListBucketVersions");
    /** What erasing needs on the objects. */
    public static final List<String> ERASE_ACTIONS = List.of("s3:GetObjectVersion", "s3:DeleteObject",
            "s3:DeleteObjectVersion");

    /** The media replica of the backup region: its bucket, the key that encrypts it, its region. */
    public record ReplicaCopy(String bucketName, String keyArn, String region) {
    }

    private final Role role;

    /**
     * @param replica the media replica of the backup region, when the media bucket replicates (S3-5);
     *                named by name since it lives in another stack and region
     */
    public ErasureRole(Construct scope, String id, String roleName, IBucket bucket, Optional<ReplicaCopy> replica) {
        super(scope, id);
        this.role = Role.Builder.create(this, "Resource")
                .roleName(roleName)
                .description("Erases media files and their versions, replica included, at a patient's request "
                        + "(RGPD art. 17); MFA only")
                .assumedBy(new AccountRootPrincipal().withConditions(Map.of(
                        "Bool", Map.of("aws:MultiFactorAuthPresent", "true"))))
                .maxSessionDuration(Duration.hours(1))
                .build();
        List<String> buckets = new ArrayList<>(List.of(bucket.getBucketArn()));
        List<String> objects = new ArrayList<>(List.of(bucket.arnForObjects("*")));
        Optional<String> replicaBucketName = replica.map(ReplicaCopy::bucketName);
        replicaBucketName.ifPresent(name -> {
            String arn = "arn:" + Aws.PARTITION + ":s3:::" + name;
            buckets.add(arn);
            objects.add(arn + "/*");
        });
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                PolicyStatement.Builder.create().sid(FIND_SID)
                        .actions(FIND_ACTIONS).resources(buckets).build(),
                PolicyStatement.Builder.create().sid(ERASE_SID)
                        .actions(ERASE_ACTIONS).resources(objects).build()));
        // The versions are SSE-KMS objects: S3 decrypts them with the bucket's key on the role's
        // behalf (each key's policy names this role, AllowErasureToReadThroughS3).
        if (bucket.getEncryptionKey() != null) {
            statements.add(decryptThroughS3("ReadTheVersionsThroughS3", bucket.getEncryptionKey().getKeyArn(),
                    software.amazon.awscdk.Stack.of(scope).getRegion()));
        }
        replica.ifPresent(r -> statements.add(decryptThroughS3("ReadTheReplicaVersionsThroughS3", r.keyArn(), r.region())));
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Erasure of media files: list, read and delete object versions of the media bucket"
                        + (replicaBucketName.isPresent() ? " and its replica" : "") + " only")
                .roles(List.of(role))
                .statements(statements)
                .build();
        String why = "Which patient's files are to be erased is known only at the request; the role is limited to the "
                + "objects of the media bucket and its replica, needs MFA and is traced by CloudTrail.";
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::<MediaBucket593D5DE8.Arn>/*]", why);
        replicaBucketName.ifPresent(name ->
                Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::" + name + "/*]", why));
    }

    private static PolicyStatement decryptThroughS3(String sid, String keyArn, String region) {
        return PolicyStatement.Builder.create().sid(sid)
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(keyArn))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com")))
                .build();
    }

    /** The role. */
    public Role role() {
        return role;
    }
}
