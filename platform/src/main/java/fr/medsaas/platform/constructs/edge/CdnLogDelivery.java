package fr.medsaas.platform.constructs.edge;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.logs.CfnDelivery;
import software.amazon.awscdk.services.logs.CfnDeliveryDestination;
import software.amazon.awscdk.services.logs.CfnDeliverySource;
import software.constructs.Construct;

/**
 * CloudFront's access logs through standard logging v2 (CF-4): CloudWatch Logs' vended-log
 * delivery from the distribution to an S3 bucket. AWS takes a CloudFront delivery source only
 * in us-east-1, so these three resources (configuration, not storage) live in a us-east-1
 * stack; the log files are written only to the EU bucket named here, whose lifecycle keeps
 * them for the configured retention.
 *
 * <p>The fields logged leave out the cookie header (session tokens) and the query string (a
 * signed URL's signature, a bearer credential until it expires); the client IP stays, as the
 * access trace of who fetched which file.
 */
public final class CdnLogDelivery extends Construct {
    /** The standard-log fields written, in this order. */
    public static final List<String> RECORD_FIELDS = List.of(
            "date", "time", "x-edge-location", "sc-bytes", "c-ip", "c-country", "cs-method", "cs(Host)", "cs-uri-stem",
            "sc-status", "cs(Referer)", "cs(User-Agent)", "x-edge-result-type", "x-edge-request-id", "x-host-header",
            "cs-protocol", "cs-bytes", "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher",
            "x-edge-response-result-type", "cs-protocol-version", "c-port", "time-to-first-byte",
            "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");

    public CdnLogDelivery(Construct scope, String id, CdnLogDeliveryProps props) {
        super(scope, id);
        CfnDeliverySource source = CfnDeliverySource.Builder.create(this, "Source")
                .name(props.name())
                .logType("ACCESS_LOGS")
                .resourceArn(props.distributionArn())
                .build();
        CfnDeliveryDestination destination = CfnDeliveryDestination.Builder.create(this, "Destination")
                .name(props.name() + "-eu-bucket")
                .destinationResourceArn("arn:" + Aws.PARTITION + ":s3:::" + props.bucketName())
                .outputFormat("json")
                .build();
        CfnDelivery.Builder.create(this, "Resource")
                .deliverySourceName(source.getRef())
                .deliveryDestinationArn(destination.getAttrArn())
                .recordFields(RECORD_FIELDS)
                .s3SuffixPath("cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}/{HH}")
                .s3EnableHiveCompatiblePath(false)
                .build();
    }

    /** The delivery source's ARN, which the log bucket's policy names as the only writer. */
    public static String sourceArn(String region, String name) {
        return "arn:" + Aws.PARTITION + ":logs:" + region + ":" + Aws.ACCOUNT_ID + ":delivery-source:" + name;
    }
}
