package fr.medsaas.config;

import java.util.List;

/**
 * The media bucket and its CloudFront distribution (S3-1..4, CF-1..4, REG-4). CloudFront's
 * price class is not configurable: it is always {@code PriceClass_100} (Europe and North
 * America edges only, REG-4).
 *
 * @param bucketName          the media bucket's name; S3 names are global, so each environment
 *                            and account needs its own. Its log buckets are named after it
 * @param geoAllowlist        viewer countries CloudFront serves, ISO 3166-1 alpha-2
 * @param signingPublicKeyPem the PEM file of the public key that verifies signed URLs; written
 *                            relative to the configuration file's folder, made absolute by the loader
 * @param domainNames         alternate domain names of the distribution; none uses {@code *.cloudfront.net}
 * @param certificateArn      the us-east-1 ACM certificate of {@code domainNames}, or null without them
 */
public record MediaConfig(
        @Doc(value = "Name of the media bucket (S3-1); S3 names are global: give each environment and account its own. "
                + "Its log buckets are `<name>-access-logs` and `<name>-cdn-logs`",
                defaultValue = "medical-saas-media-prod",
                rule = "3 to 51 characters: lower-case letters, digits and -, starting and ending with a letter or digit; "
                        + "no dots; no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, --x-s3, --table-s3)")
        String bucketName,
        @Doc(value = "Countries whose viewers CloudFront serves, ISO 3166-1 alpha-2 (REG-4)",
                defaultValue = "[FR, DE, AT, CH, BE, LU]",
                rule = "at least one; each once; EEA countries and CH only")
        List<String> geoAllowlist,
        @Doc(value = "PEM file of the RSA public key that verifies signed media URLs (CF-3), relative to the "
                + "configuration file's folder", defaultValue = "keys/media-url-signing-sample.pem",
                rule = "an existing file holding one RSA 2048-bit public key (BEGIN PUBLIC KEY); never a private key")
        String signingPublicKeyPem,
        @Doc(value = "Alternate domain names of the distribution (CF-2); none serves on `*.cloudfront.net`, "
                + "whose certificate allows TLSv1", defaultValue = "[]",
                rule = "lower-case DNS names (a leading `*.` allowed), each once; need certificateArn")
        List<String> domainNames,
        @Doc(value = "ACM certificate of the domain names, in us-east-1 as CloudFront requires (CF-2)",
                defaultValue = "~",
                rule = "arn:aws:acm:us-east-1:<12 digits>:certificate/<uuid>; required with domainNames, refused without")
        String certificateArn,
        @Doc(value = "Days an overwritten or deleted media file's old version is kept before S3 expires it (RGPD "
                + "art. 5(1)(e), art. 17): with the backups' 30 days, an erased file is gone from every copy after this",
                defaultValue = "30", rule = "1 to 365 days")
        int noncurrentVersionDays) {

    public MediaConfig {
        geoAllowlist = geoAllowlist == null ? List.of() : List.copyOf(geoAllowlist);
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
    }

    /** Whether the distribution answers on domain names of ours, with our certificate. */
    public boolean hasCustomDomain() {
        return !domainNames.isEmpty();
    }

    /** The bucket of the media bucket's S3 server access logs. */
    public String accessLogsBucketName() {
        return bucketName + "-access-logs";
    }

    /** The bucket of CloudFront's access logs. */
    public String cdnLogsBucketName() {
        return bucketName + "-cdn-logs";
    }

    /** The same media settings with the public key file at {@code path}. */
    public MediaConfig withSigningPublicKeyPem(String path) {
        return new MediaConfig(bucketName, geoAllowlist, path, domainNames, certificateArn, noncurrentVersionDays);
    }
}
