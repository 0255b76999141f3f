package fr.medsaas.platform.constructs.edge;

/**
 * CloudFront standard logging v2 of one distribution to an S3 bucket.
 *
 * @param name              name of the delivery source and prefix of the destination's
 * @param distributionArn   the distribution's ARN (a deploy-time value)
 * @param bucketName        the EU log bucket the log files are written to
 */
public record CdnLogDeliveryProps(String name, String distributionArn, String bucketName) {
}
