package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.MediaConfig;
import fr.medsaas.config.SigningPublicKey;
import fr.medsaas.platform.constructs.edge.CdnLogDelivery;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import fr.medsaas.platform.constructs.media.MediaBucket;
import fr.medsaas.platform.constructs.media.MediaBucketProps;
import fr.medsaas.platform.constructs.media.MediaDistribution;
import fr.medsaas.platform.constructs.media.MediaDistributionProps;
import java.nio.file.Path;
import java.util.List;
import software.constructs.Construct;

/**
 * The media bucket, its log buckets and the CloudFront distribution in front of it (S3-1..4,
 * CF-1..4, REG-4), in the primary region. The web ACL comes from the EdgeFirewall stack
 * (us-east-1) as a weak reference, {@code Fn::GetStackOutput} (see {@link EdgeWiring}).
 */
public final class MediaStack extends PlatformStack {
    private final MediaBucket mediaBucket;
    private final MediaDistribution distribution;

    public MediaStack(Construct scope, EnvironmentConfig config, PlatformKeys keys, EdgeFirewallStack edgeFirewall) {
        super(scope, config, "Media", config.regions().primary(),
                "medsaas " + config.name() + ": media bucket, log buckets, CloudFront with OAC and signed URLs "
                        + "(S3-1..4, CF-1..4, REG-4)");
        MediaConfig media = config.media();
        int retention = config.logging().retentionDays();
        // The loader has made the path absolute and checked the key; this only reads it again.
        String publicKeyPem = SigningPublicKey.read(Path.of(media.signingPublicKeyPem())).pem();

        LogBucket accessLogs = new LogBucket(this, "AccessLogs",
                new LogBucketProps(media.accessLogsBucketName(), retention, null));
        LogBucket cdnLogs = new LogBucket(this, "CdnLogs",
                new LogBucketProps(media.cdnLogsBucketName(), retention, accessLogs.bucket()));
        cdnLogs.allowLogDeliveryFrom(CdnLogDelivery.sourceArn(config.regions().edge(), EdgeWiring.cdnLogDeliveryName(config)));
        this.mediaBucket = new MediaBucket(this, "MediaBucket", new MediaBucketProps(media.bucketName(),
                keys.key(KeyPurpose.S3), accessLogs.bucket(), List.of(config.regions().primary(), config.regions().backup()),
                media.noncurrentVersionDays()));
        new fr.medsaas.platform.constructs.media.ErasureRole(this, "Erasure", config.physicalName("media-erasure"),
                mediaBucket.bucket());
        this.distribution = new MediaDistribution(this, "Distribution", new MediaDistributionProps(media,
                mediaBucket.bucket(), publicKeyPem, EdgeWiring.acrossRegions(edgeFirewall.webAcl().arn()), config.namePrefix()));
    }

    /** The media bucket; the App stack grants its task role access through it. */
    public MediaBucket mediaBucket() {
        return mediaBucket;
    }

    /** The CloudFront distribution. */
    public MediaDistribution distribution() {
        return distribution;
    }
}
