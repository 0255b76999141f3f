package fr.medsaas.platform.constructs.media;

import software.amazon.awscdk.services.s3.IBucket;

/**
 * A bucket of logs.
 *
 * @param bucketName    the bucket's name
 * @param retentionDays days a log object is kept before it expires (OBS-1)
 * @param accessLogs    where this bucket's own S3 server access logs go; null for the bucket
 *                      that receives access logs itself (logging it would loop)
 */
public record LogBucketProps(String bucketName, int retentionDays, IBucket accessLogs) {
}
