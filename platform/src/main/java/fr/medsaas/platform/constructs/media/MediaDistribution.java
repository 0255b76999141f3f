package fr.medsaas.platform.constructs.media;

import fr.medsaas.config.MediaConfig;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AccessLevel;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CachedMethods;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.GeoRestriction;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.IDistribution;
import software.amazon.awscdk.services.cloudfront.KeyGroup;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.PublicKey;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.S3OriginAccessControl;
import software.amazon.awscdk.services.cloudfront.Signing;
import software.amazon.awscdk.services.cloudfront.origins.OriginGroup;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * CloudFront in front of the media bucket (CF-1..3, REG-4): Origin Access Control (never an
 * Origin Access Identity, which cannot read SSE-KMS objects), HTTPS only, nothing of the
 * viewer's request forwarded (no query string, cookie or header), nothing cached at the edge
 * (CloudFront's managed CachingDisabled policy: health files are never held at an edge, HARD-11), signed URLs
 * required against a key group built from the configured public key, Europe's price class, a
 * viewer-country allowlist, and the us-east-1 web ACL. With configured domain names it serves
 * them with their ACM certificate at TLSv1.2_2021 at least; without, it serves
 * {@code *.cloudfront.net}, whose certificate CloudFront pins at a TLSv1 floor.
 */
public final class MediaDistribution extends Construct {
    /** The answers of the media bucket on which CloudFront asks the replica instead (CF-5). */
    public static final List<Integer> FAILOVER_STATUS_CODES = List.of(500, 502, 503, 504);

    private final Distribution distribution;

    public MediaDistribution(Construct scope, String id, MediaDistributionProps props) {
        super(scope, id);
        MediaConfig media = props.media();
        // CloudFormation cannot change a public key's EncodedKey in place: the key's fingerprint is
        // in its construct id and name, so a new key is a new resource and the key group moves to it
        // (the old one is deleted after, once nothing uses it).
        String fingerprint = fr.medsaas.config.SigningPublicKey.parse(props.publicKeyPem()).fingerprint();
        PublicKey signingKey = PublicKey.Builder.create(this, "SigningKey" + fingerprint)
                .publicKeyName(props.namePrefix() + "-media-signing-" + fingerprint)
                .encodedKey(props.publicKeyPem())
                .comment("Verifies signed media URLs (CF-3)")
                .build();
        KeyGroup signers = KeyGroup.Builder.create(this, "Signers")
                .keyGroupName(props.namePrefix() + "-media-signers")
                .items(List.of(signingKey))
                .comment("Signers of media URLs (CF-3)")
                .build();
        Distribution.Builder builder = Distribution.Builder.create(this, "Resource")
                .comment("CDN for medical SaaS - RGPD compliant")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(origin(props))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachedMethods(CachedMethods.CACHE_GET_HEAD)
                        // HARD-11: nothing of a health file is kept at any edge, in or outside the EEA
                        // (PriceClass_100 includes North America); an erased file is gone from CloudFront
                        // at once. The managed policy forwards no query string, cookie or header (CF-2).
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .trustedKeyGroups(List.of(signers))
                        // CloudFront compresses only what its cache policy lets it cache compressed.
                        .compress(false)
                        .build())
                .priceClass(PriceClass.PRICE_CLASS_100)
                .geoRestriction(GeoRestriction.allowlist(media.geoAllowlist().toArray(String[]::new)))
                .webAclId(props.webAclArn())
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .enableIpv6(true);
        if (media.hasCustomDomain()) {
            builder.domainNames(media.domainNames())
                    .certificate(Certificate.fromCertificateArn(this, "Certificate", media.certificateArn()))
                    .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021);
        }
        this.distribution = builder.build();
        acknowledge(media, props.bucket());
    }

    /**
     * The media bucket through Origin Access Control; with a failover bucket (CF-5), an origin
     * group that falls back to it, through the same OAC, when the bucket answers a server error
     * or cannot be reached. Not on 403 or 404: those are answers (a file erased, a request
     * refused), not an outage, and a file erased from the media bucket must not come back from
     * the replica.
     */
    private IOrigin origin(MediaDistributionProps props) {
        S3OriginAccessControl oac = S3OriginAccessControl.Builder.create(this, "OriginAccessControl")
                .signing(Signing.SIGV4_ALWAYS)
                .description("CloudFront reads the media bucket" + (props.failover().isPresent() ? " and its replica" : "")
                        + " (CF-1, CF-5)")
                .build();
        IOrigin primary = S3BucketOrigin.withOriginAccessControl(props.bucket(), S3BucketOriginWithOACProps.builder()
                .originAccessControl(oac)
                .originAccessLevels(List.of(AccessLevel.READ))
                .build());
        if (props.failover().isEmpty()) {
            return primary;
        }
        IOrigin replica = S3BucketOrigin.withOriginAccessControl(props.failover().get(), S3BucketOriginWithOACProps.builder()
                .originAccessControl(oac)
                .originAccessLevels(List.of(AccessLevel.READ))
                .build());
        // The replica bucket's policy, in the Replica stack, lets this account's distributions read it.
        Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
                "The replica bucket's policy, in the Replica stack, lets CloudFront of this account read it (CF-5)");
        return OriginGroup.Builder.create()
                .primaryOrigin(primary)
                .fallbackOrigin(replica)
                .fallbackStatusCodes(FAILOVER_STATUS_CODES)
                .build();
    }

    private void acknowledge(MediaConfig media, IBucket bucket) {
        Acknowledge.rule(distribution, "AwsSolutions-CFR3",
                "Access logs use standard logging v2 (CF-4): CloudWatch Logs delivery to the EU log bucket, configured "
                        + "by the EdgeLogging stack's delivery resources, not by the legacy Logging property this rule reads.");
        if (!media.hasCustomDomain()) {
            Acknowledge.rule(distribution, "AwsSolutions-CFR4",
                    "No custom domain is configured: the distribution serves *.cloudfront.net, whose certificate CloudFront "
                            + "pins at a TLSv1 minimum. Configure media.domainNames and certificateArn for TLSv1.2_2021 (CF-2).");
        }
        // The OAC origin cannot extend the Keys stack's key policy from here (the bucket holds
        // the key by ARN, on purpose): that policy already grants CloudFront, narrower (CF-1).
        Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedKeyPolicyOac",
                "The S3 key's policy, in the Keys stack, grants CloudFront decrypt through S3 for this account's distributions");
        IKey key = bucket.getEncryptionKey();
        if (key != null) {
            // Raised where the key reference lives, once the origin has tried to append to it.
            Annotations.of(key.getNode().getScope()).acknowledgeWarning("@aws-cdk/aws-cloudfront-origins:wildcardKeyPolicyForOac",
                    "The Keys stack's S3 key policy already scopes CloudFront to this account's distributions, through S3");
        }
    }

    /** The distribution. */
    public IDistribution distribution() {
        return distribution;
    }

    /** The distribution's id. */
    public String distributionId() {
        return distribution.getDistributionId();
    }

    /** The distribution's ARN, {@code arn:aws:cloudfront::<account>:distribution/<id>}. */
    public String distributionArn() {
        return distribution.getDistributionArn();
    }
}
