package fr.medsaas.platform.constructs.media;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A bucket that AWS services write logs into: SSE-S3 (the only encryption S3 server access
 * logging accepts on its target, and what CloudFront's log delivery writes with no key grant),
 * all public access blocked, TLS 1.2+ only, ACLs disabled, versioned, every object expired after
 * the configured retention (OBS-1) and its old versions a day later, retained when the stack is
 * deleted (logs are audit evidence). It holds access traces (IP addresses, object keys), never
 * health data.
 */
public final class LogBucket extends Construct {
    /** CDK grants S3 server access logging by bucket policy with this flag, by ACL without it; ACLs are off here. */
    static final String LOGGING_BY_BUCKET_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    private final Bucket bucket;

    public LogBucket(Construct scope, String id, LogBucketProps props) {
        super(scope, id);
        getNode().setContext(LOGGING_BY_BUCKET_POLICY, true);
        Bucket.Builder builder = Bucket.Builder.create(this, "Resource")
                .bucketName(props.bucketName())
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("ExpireAfterRetention")
                                .expiration(Duration.days(props.retentionDays()))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                                .build(),
                        LifecycleRule.builder().id("RemoveExpiredDeleteMarkers")
                                .expiredObjectDeleteMarker(true)
                                .build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        if (props.accessLogs() != null) {
            builder.serverAccessLogsBucket(props.accessLogs()).serverAccessLogsPrefix(props.bucketName() + "/");
        }
        this.bucket = builder.build();
        BucketEvents.toEventBridge(bucket);
        Acknowledge.rules(bucket, "A log bucket: S3 server access logging only accepts SSE-S3 on its target bucket, and "
                        + "CloudFront's log delivery writes with SSE-S3 without a key grant; it holds access traces, no health data.",
                "HIPAA.Security-S3DefaultEncryptionKMS",
                "NIST.800.53.R5-S3DefaultEncryptionKMS");
        Acknowledge.rules(bucket, "Logs are evidence kept for the retention period in the region of the bucket they "
                        + "log, and not copied elsewhere: S3-5 replicates the media bucket, not its access traces.",
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");
    }

    /**
     * Lets CloudWatch Logs' vended-log delivery write here for one delivery source of this
     * account (CloudFront standard logging v2, CF-4), as AWS documents it: PutObject with the
     * bucket owner in control, and the ACL check it makes first.
     *
     * @param deliverySourceArn the ARN of the delivery source whose logs land here
     */
    public void allowLogDeliveryFrom(String deliverySourceArn) {
        // Sorted condition maps: Map.of's order varies from JVM to JVM, and would change the template's bytes.
        Map<String, Object> conditions = new java.util.TreeMap<>(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                "ArnLike", Map.of("aws:SourceArn", deliverySourceArn)));
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowLogDeliveryAclCheck")
                .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(conditions)
                .build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowLogDeliveryWrite")
                .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "StringEquals", new java.util.TreeMap<>(Map.of("aws:SourceAccount", Aws.ACCOUNT_ID,
                                "s3:x-amz-acl", "bucket-owner-full-control")),
                        "ArnLike", Map.of("aws:SourceArn", deliverySourceArn))))
                .build());
    }

    /** The bucket. */
    public IBucket bucket() {
        return bucket;
    }
}
