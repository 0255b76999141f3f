package fr.medsaas.platform.constructs.media;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.BlockedEncryptionType;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket of medical files (S3-1..4): SSE-KMS under the S3 customer-managed key with a
 * bucket key, all public access blocked, TLS 1.2+ only, versioned, ACLs disabled, server access
 * logs to a log bucket, tagged {@code DataType=medical-sensitive}, retained when its stack is
 * deleted, and a policy that refuses requests made in a region outside the EU pair.
 *
 * <p>The App stack's task role gets at the files through {@code TaskRoles.grantMedia}, which
 * names this bucket by its configured name in the role's own managed policy.
 */
public final class MediaBucket extends Construct {
    private final Bucket bucket;
    private final IKey key;

    public MediaBucket(Construct scope, String id, MediaBucketProps props) {
        super(scope, id);
        // The key and its policy belong to the Keys stack, which already lets S3 and CloudFront
        // use it (CF-1). The bucket holds it by ARN: CDK constructs of this stack (the OAC origin)
        // then see a key whose policy they may not edit, instead of appending to the Keys stack's
        // policy their own CloudFront statement, broader than ours (no kms:ViaService).
        this.key = Key.fromKeyArn(this, "Key", props.key().getKeyArn());
        this.bucket = Bucket.Builder.create(this, "Resource")
                .bucketName(props.bucketName())
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                // SSE-C would put health data under keys nobody here holds or audits.
                .blockedEncryptionTypes(List.of(BlockedEncryptionType.SSE_C))
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(props.accessLogs())
                .serverAccessLogsPrefix(props.bucketName() + "/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("AbortIncompleteUploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build(),
                        // RGPD art. 17 and 5(1)(e): an erased or replaced file's old version does not
                        // outlive the backups; delete markers left alone are cleaned up too.
                        LifecycleRule.builder().id("ExpireOldVersions")
                                .noncurrentVersionExpiration(Duration.days(props.noncurrentVersionDays()))
                                .expiredObjectDeleteMarker(true).build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Tags.of(bucket).add("DataType", "medical-sensitive");
        BucketEvents.toEventBridge(bucket);
        bucket.addToResourcePolicy(denyOutsideRegions(bucket, props.allowedRegions()));
        bucket.addToResourcePolicy(denyUploadsNotUnderKms(bucket));
        bucket.addToResourcePolicy(denyUploadsUnderAnotherKey(bucket, key));
        bucket.addToResourcePolicy(denyKmsUploadsWithoutOurKeyId(bucket));
    }

    /** Acknowledges that this bucket replicates nowhere, for {@code reason} (the replica itself, or replication off). */
    public void acknowledgeNoReplication(String reason) {
        Acknowledge.rules(bucket, reason,
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");
    }

    /**
     * CF-5: lets CloudFront read objects for this account's distributions, through Origin Access
     * Control. For a bucket whose distribution is deployed after it (the replica: the Media stack
     * reads the replica's key, so the Replica stack goes first), the distribution's id is not
     * known here: the source ARN is a pattern of the account's distributions, as for CF-1's key.
     */
    public void allowCloudFrontOfThisAccount() {
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudFrontOfThisAccountToRead")
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("ArnLike", Map.of("AWS:SourceArn", distributionsOfThisAccount())))
                .build());
    }

    /** The ARN pattern of every CloudFront distribution of this account. */
    public static String distributionsOfThisAccount() {
        return "arn:" + Aws.PARTITION + ":cloudfront::" + Aws.ACCOUNT_ID + ":distribution/*";
    }

    /**
     * S3-4, the source's {@code RestrictToEUOnly}: refuses every request made in a region other
     * than the allowed ones (e.g. a CopyObject into a bucket of another region reads this bucket
     * from that region). Service principals are exempt ({@code aws:PrincipalIsAWSService}):
     * CloudFront's origin requests come from its service principal, which a region condition
     * does not describe, and a service principal gets nothing here unless another statement
     * allows it (only CloudFront, for this account's distribution). Replication and AWS Backup
     * act through IAM roles of this account in the allowed regions, so the deny still covers
     * them and does not stop them. Requests forwarded by a service with the caller's own
     * credentials ({@code aws:ViaAWSService}) are not exempt: that would let a caller route a
     * copy through a service in another region.
     */
    static PolicyStatement denyOutsideRegions(IBucket bucket, List<String> regions) {
        return PolicyStatement.Builder.create()
                .sid("RestrictToEUOnly")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:*"))
                .resources(List.of(bucket.getBucketArn(), bucket.arnForObjects("*")))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "StringNotEquals", Map.of("aws:RequestedRegion", regions),
                        "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false"))))
                .build();
    }

    /**
     * S3-2: an upload may not ask for another encryption than SSE-KMS (an explicit
     * {@code AES256} header would otherwise override the bucket's default and leave the file
     * outside the customer-managed key); uploads that name none get the default, the S3 key.
     * Both conditions must hold: a negated operator alone (even {@code ...IfExists}) is true
     * when the header is absent, and would refuse every default-encrypted upload.
     */
    static PolicyStatement denyUploadsNotUnderKms(IBucket bucket) {
        return PolicyStatement.Builder.create()
                .sid("DenyUploadsNotUnderKms")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "Null", Map.of("s3:x-amz-server-side-encryption", "false"),
                        "StringNotEquals", Map.of("s3:x-amz-server-side-encryption", "aws:kms"))))
                .build();
    }

    /**
     * S3-2 tightened: an upload that names a KMS key must name ours. A caller could otherwise write
     * objects under a key of its own and later revoke our access to them (a ransomware pattern).
     * Uploads that name none get the bucket's default, our key; the {@code Null} condition keeps
     * them allowed.
     */
    static PolicyStatement denyUploadsUnderAnotherKey(IBucket bucket, IKey key) {
        return PolicyStatement.Builder.create()
                .sid("DenyUploadsUnderAnotherKey")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                // Sorted, as every condition of the platform: Map.of's order changes from one JVM to the next.
                .conditions(new TreeMap<>(Map.of(
                        "Null", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id", "false"),
                        "StringNotEquals", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id", key.getKeyArn()))))
                .build();
    }

    /**
     * An upload that asks for SSE-KMS without naming a key would get S3's AWS-managed key
     * ({@code aws/s3}), not ours: it must name ours, or ask for nothing and get the default.
     */
    static PolicyStatement denyKmsUploadsWithoutOurKeyId(IBucket bucket) {
        return PolicyStatement.Builder.create()
                .sid("DenyKmsUploadsWithoutAKeyId")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("Null", new TreeMap<>(Map.of(
                        "s3:x-amz-server-side-encryption", "false",
                        "s3:x-amz-server-side-encryption-aws-kms-key-id", "true"))))
                .build();
    }

    /** The media bucket. */
    public IBucket bucket() {
        return bucket;
    }

    /** The S3 customer-managed key that encrypts it (by ARN: its policy lives in the Keys stack). */
    public IKey key() {
        return key;
    }
}
