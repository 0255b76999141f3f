package fr.medsaas.platform.constructs.media;

import fr.medsaas.config.MediaConfig;
import java.util.Optional;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What the media distribution is built from.
 *
 * @param media        the media configuration: viewer countries, domain names and certificate
 * @param bucket       the media bucket, read through Origin Access Control
 * @param publicKeyPem the PEM of the public key that verifies signed URLs (CF-3)
 * @param webAclArn    the ARN of the CLOUDFRONT-scope web ACL (WAF-1), from us-east-1
 * @param namePrefix   prefix of the account-unique names (cache policy, key group)
 * @param failover     the replica bucket CloudFront falls back to when the bucket answers a
 *                     server error (CF-5); empty: no origin group
 */
public record MediaDistributionProps(MediaConfig media, IBucket bucket, String publicKeyPem, String webAclArn,
                                     String namePrefix, Optional<IBucket> failover) {
}
