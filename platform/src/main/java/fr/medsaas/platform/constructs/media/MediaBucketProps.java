package fr.medsaas.platform.constructs.media;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * What the media bucket is built from.
 *
 * @param bucketName     the bucket's name (S3-1)
 * @param key            the S3 customer-managed key, {@code alias/<prefix>-s3-key} (S3-2)
 * @param accessLogs     the bucket of its S3 server access logs (S3-3)
 * @param allowedRegions the regions requests may be made in: the primary and the backup (S3-4)
 */
public record MediaBucketProps(String bucketName, IKey key, IBucket accessLogs, List<String> allowedRegions,
                               int noncurrentVersionDays) {
    public MediaBucketProps {
        allowedRegions = List.copyOf(allowedRegions);
    }
}
