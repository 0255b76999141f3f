package fr.medsaas.platform.stacks;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.MediaConfig;
import fr.medsaas.config.SigningPublicKey;
import fr.medsaas.platform.constructs.edge.CdnLogDelivery;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import fr.medsaas.platform.constructs.media.MediaBucket;
import fr.medsaas.platform.constructs.media.MediaBucketProps;
import fr.medsaas.platform.constructs.media.MediaDistribution;
import fr.medsaas.platform.constructs.media.MediaDistributionProps;
import fr.medsaas.platform.constructs.media.MediaReplication;
import fr.medsaas.platform.constructs.media.MediaReplicationProps;
import java.util.Optional;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import java.nio.file.Path;
import java.util.List;
import software.constructs.Construct;

/**
 * The media bucket, its log buckets and the CloudFront distribution in front of it (S3-1..4,
 * CF-1..4, REG-4), in the primary region, replicated to the backup region (S3-5) with CloudFront
 * failing over to the replica (CF-5). The web ACL comes from the EdgeFirewall stack (us-east-1)
 * and the replica's key from the Replica stack (the backup region) as weak references,
 * {@code Fn::GetStackOutput} (see {@link EdgeWiring}): both deploy before this one.
 */
public final class MediaStack extends PlatformStack {
    private final MediaBucket mediaBucket;
    private final MediaDistribution distribution;
    private final Optional<MediaReplication> replication;

    public MediaStack(Construct scope, EnvironmentConfig config, MediaStackInputs in) {
        super(scope, config, "Media", config.regions().primary(),
                "medsaas " + config.name() + ": media bucket, log buckets, CloudFront with OAC and signed URLs "
                        + "(S3-1..4, CF-1..4, REG-4)");
        MediaConfig media = config.media();
        PlatformKeys keys = in.keys();
        BackupConfig backup = config.backup();
        int retention = config.logging().retentionDays();
        // The loader has made the path absolute and checked the key; this only reads it again.
        String publicKeyPem = SigningPublicKey.read(Path.of(media.signingPublicKeyPem())).pem();

        LogBucket accessLogs = new LogBucket(this, "AccessLogs",
                new LogBucketProps(media.accessLogsBucketName(), retention, null));
        LogBucket cdnLogs = new LogBucket(this, "CdnLogs",
                new LogBucketProps(media.cdnLogsBucketName(), retention, accessLogs.bucket()));
        cdnLogs.allowLogDeliveryFrom(CdnLogDelivery.sourceArn(config.regions().edge(), EdgeWiring.cdnLogDeliveryName(config)));
        this.mediaBucket = new MediaBucket(this, "MediaBucket", new MediaBucketProps(media.bucketName(),
                in.keys().key(KeyPurpose.S3), accessLogs.bucket(), List.of(config.regions().primary(), config.regions().backup()),
                media.noncurrentVersionDays()));
        new fr.medsaas.platform.constructs.media.ErasureRole(this, "Erasure", config.physicalName("media-erasure"),
                mediaBucket.bucket(), backup.mediaReplication()
                        ? Optional.of(new fr.medsaas.platform.constructs.media.ErasureRole.ReplicaCopy(
                                backup.replicaBucketName(), EdgeWiring.acrossRegions(in.replicaS3KeyArn()),
                                config.regions().backup()))
                        : Optional.empty());
        if (config.compliance().guardDutyProtection().malwareProtection()) {
            new fr.medsaas.platform.constructs.media.MalwareScan(this, "MalwareScan",
                    PlatformPrincipals.of(config).malwareScanRoleName(), mediaBucket.bucket());
        }
        Optional<IBucket> failover = Optional.empty();
        if (backup.mediaReplication()) {
            this.replication = Optional.of(new MediaReplication(this, "Replication", new MediaReplicationProps(
                    mediaBucket.bucket(), media.bucketName(), in.keys().key(KeyPurpose.S3).getKeyArn(), backup.replicaBucketName(),
                    EdgeWiring.acrossRegions(in.replicaS3KeyArn()),
                    config.regions().primary(), config.regions().backup(), backup.replicationTimeControl(),
                    PlatformPrincipals.of(config).replicationRoleName())));
            failover = Optional.of(Bucket.fromBucketAttributes(this, "ReplicaBucket", BucketAttributes.builder()
                    .bucketName(backup.replicaBucketName()).region(config.regions().backup()).build()));
        } else {
            this.replication = Optional.empty();
            mediaBucket.acknowledgeNoReplication("backup.mediaReplication is false in this environment (the configuration "
                    + "refuses it in prod, S3-5); AWS Backup still backs this bucket up daily (BCK-1).");
        }
        this.distribution = new MediaDistribution(this, "Distribution", new MediaDistributionProps(media,
                mediaBucket.bucket(), publicKeyPem, EdgeWiring.acrossRegions(in.webAclArn()),
                config.namePrefix(), failover));
    }

    /** The media bucket; the App stack grants its task role access through it. */
    public MediaBucket mediaBucket() {
        return mediaBucket;
    }

    /** The replication to the backup region (S3-5), unless configuration turns it off. */
    public Optional<MediaReplication> replication() {
        return replication;
    }

    /** The CloudFront distribution. */
    public MediaDistribution distribution() {
        return distribution;
    }
}
