package fr.medsaas.platform.constructs.media;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.constructs.Construct;

/**
 * S3-5: the media bucket replicated to the replica bucket of the backup region, every object
 * re-encrypted there under that region's S3 key (REG-2), with a role that may do only that.
 *
 * <ul>
 * <li>Every object (empty prefix), SSE-KMS objects included ({@code SseKmsEncryptedObjects}: without it
 * S3 skips them, and every object here is SSE-KMS).</li>
 * <li>Delete markers are replicated: a file the application deletes (a patient's erasure, RGPD art. 17)
 * stops being served from the replica too, including after a CloudFront failover (CF-5). A
 * deletion of a version (a DELETE naming a version id) is never replicated by S3: a mistaken or
 * malicious delete in one bucket leaves the versions of the other, and both are versioned.</li>
 * <li>Replication metrics (pending bytes and operations, latency, failures) always; Replication Time
 * Control (99.99% within 15 minutes, about USD 0.015 per GB) by configuration.</li>
 * </ul>
 *
 * <p>The role and the rule name both buckets by name-built ARN, not by reference: the bucket
 * names its role, so a role naming the bucket by reference would be a cycle.
 */
public final class MediaReplication extends Construct {
    /** Minutes of Replication Time Control's threshold: the only value S3 accepts. */
    public static final int RTC_MINUTES = 15;

    private final ManagedPolicyRole role;

    public MediaReplication(Construct scope, String id, MediaReplicationProps p) {
        super(scope, id);
        String sourceArn = "arn:" + Aws.PARTITION + ":s3:::" + p.sourceBucketName();
        String replicaArn = "arn:" + Aws.PARTITION + ":s3:::" + p.replicaBucketName();
        this.role = new ManagedPolicyRole(this, "Role", new ServicePrincipal("s3.amazonaws.com").withConditions(new java.util.TreeMap<>(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", sourceArn)))),
                "S3 replication of the media bucket to " + p.replicaBucketName() + " in " + p.backupRegion() + " (S3-5)",
                java.util.Optional.of(p.roleName()));
        role.allow(
                PolicyStatement.Builder.create().sid("ReadTheReplicationConfiguration")
                        .actions(List.of("s3:GetReplicationConfiguration", "s3:ListBucket"))
                        .resources(List.of(sourceArn)).build(),
                PolicyStatement.Builder.create().sid("ReadSourceVersions")
                        .actions(List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl",
                                "s3:GetObjectVersionTagging"))
                        .resources(List.of(sourceArn + "/*")).build(),
                PolicyStatement.Builder.create().sid("WriteReplicas")
                        .actions(List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"))
                        .resources(List.of(replicaArn + "/*")).build(),
                PolicyStatement.Builder.create().sid("DecryptSourceThroughS3")
                        .actions(List.of("kms:Decrypt"))
                        .resources(List.of(p.sourceKeyArn()))
                        .conditions(new java.util.TreeMap<>(Map.of(
                                "StringEquals", Map.of("kms:ViaService", "s3." + p.primaryRegion() + ".amazonaws.com"),
                                "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of(sourceArn, sourceArn + "/*")))))
                        .build(),
                // GenerateDataKey besides Encrypt: the replica bucket's S3 bucket key is made with it.
                PolicyStatement.Builder.create().sid("EncryptReplicasThroughS3")
                        .actions(List.of("kms:Encrypt", "kms:GenerateDataKey"))
                        .resources(List.of(p.replicaKeyArn()))
                        .conditions(new java.util.TreeMap<>(Map.of(
                                "StringEquals", Map.of("kms:ViaService", "s3." + p.backupRegion() + ".amazonaws.com"),
                                "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of(replicaArn, replicaArn + "/*")))))
                        .build());
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::" + p.sourceBucketName() + "/*]",
                "S3-5: replication reads every version of every object of the media bucket (S3 asks for the object "
                        + "ARNs of the source), and only the replication actions on them.");
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::" + p.replicaBucketName() + "/*]",
                "S3-5: replication writes every object of the media bucket into the replica bucket, with the "
                        + "replication actions only (ReplicateObject, ReplicateDelete, ReplicateTags).");
        CfnBucket.ReplicationDestinationProperty.Builder destination = CfnBucket.ReplicationDestinationProperty.builder()
                .bucket(replicaArn)
                .encryptionConfiguration(CfnBucket.EncryptionConfigurationProperty.builder()
                        .replicaKmsKeyId(p.replicaKeyArn()).build())
                .metrics(CfnBucket.MetricsProperty.builder().status("Enabled")
                        .eventThreshold(CfnBucket.ReplicationTimeValueProperty.builder().minutes(RTC_MINUTES).build())
                        .build());
        if (p.replicationTimeControl()) {
            destination.replicationTime(CfnBucket.ReplicationTimeProperty.builder().status("Enabled")
                    .time(CfnBucket.ReplicationTimeValueProperty.builder().minutes(RTC_MINUTES).build()).build());
        }
        CfnBucket bucket = (CfnBucket) p.source().getNode().getDefaultChild();
        bucket.setReplicationConfiguration(CfnBucket.ReplicationConfigurationProperty.builder()
                .role(role.role().getRoleArn())
                .rules(List.of(CfnBucket.ReplicationRuleProperty.builder()
                        .id("ToBackupRegion")
                        .status("Enabled")
                        .priority(1)
                        .filter(CfnBucket.ReplicationRuleFilterProperty.builder().prefix("").build())
                        .deleteMarkerReplication(CfnBucket.DeleteMarkerReplicationProperty.builder().status("Enabled").build())
                        .sourceSelectionCriteria(CfnBucket.SourceSelectionCriteriaProperty.builder()
                                .sseKmsEncryptedObjects(CfnBucket.SseKmsEncryptedObjectsProperty.builder().status("Enabled").build())
                                .build())
                        .destination(destination.build())
                        .build()))
                .build());
    }

    /** The replication role. */
    public ManagedPolicyRole role() {
        return role;
    }
}
