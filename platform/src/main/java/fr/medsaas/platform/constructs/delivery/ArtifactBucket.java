package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The pipeline's artifact bucket (CI-3): encrypted with the delivery key (bucket key on), private,
 * TLS 1.2+ only, ACLs off, versioned, artifacts expired after the configured days and their old
 * versions a day later, its accesses logged to a log bucket of its own, and retained when the
 * stack is deleted or the bucket replaced. Its name is CloudFormation's, unique per account.
 */
public final class ArtifactBucket extends Construct {
    private final Bucket bucket;

    public ArtifactBucket(Construct scope, String id, ArtifactBucketProps props) {
        super(scope, id);
        LogBucket accessLogs = new LogBucket(this, "AccessLogs", new LogBucketProps(null, props.logRetentionDays(), null));
        this.bucket = Bucket.Builder.create(this, "Resource")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(props.key())
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs.bucket())
                .serverAccessLogsPrefix("artifacts/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("ExpireArtifacts")
                                .expiration(Duration.days(props.expiryDays()))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build(),
                        LifecycleRule.builder().id("RemoveExpiredDeleteMarkers").expiredObjectDeleteMarker(true).build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        fr.medsaas.platform.constructs.media.BucketEvents.toEventBridge(bucket);
        Acknowledge.rules(bucket, "Pipeline artifacts (source zips, image definitions) are transient build outputs, "
                        + "expired after " + props.expiryDays() + " days and made again by re-running the pipeline; "
                        + "they hold no health data, so a copy in a second region would protect nothing.",
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");
    }

    /** The bucket. */
    public IBucket bucket() {
        return bucket;
    }
}
