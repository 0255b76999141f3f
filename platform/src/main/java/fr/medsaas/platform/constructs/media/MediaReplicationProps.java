package fr.medsaas.platform.constructs.media;

import software.amazon.awscdk.services.s3.IBucket;

/**
 * What the media bucket's replication is built from.
 *
 * @param source                 the media bucket (made in the same stack)
 * @param sourceBucketName       its name, from configuration (its role may not refer to it: a cycle)
 * @param sourceKeyArn           the S3 key of the primary region, which encrypts the source objects
 * @param replicaBucketName      the replica bucket, in the backup region
 * @param replicaKeyArn          the S3 key of the backup region, which encrypts the replicas (REG-2)
 * @param primaryRegion          the source's region
 * @param backupRegion           the replica's region
 * @param replicationTimeControl whether the 15-minute Replication Time Control is on
 * @param roleName               the replication role's fixed name, which both S3 keys' policies name (HARD-7)
 */
public record MediaReplicationProps(IBucket source, String sourceBucketName, String sourceKeyArn, String replicaBucketName, String replicaKeyArn,
                                    String primaryRegion, String backupRegion, boolean replicationTimeControl,
                                    String roleName) {
}
