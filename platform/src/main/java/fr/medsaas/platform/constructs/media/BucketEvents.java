package fr.medsaas.platform.constructs.media;

import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.CfnBucket;

/**
 * Sends a bucket's object events to EventBridge (Control Tower's CT.S3.PR.4), natively in the
 * bucket's template: CDK's {@code eventBridgeEnabled} would add a custom-resource Lambda function
 * for what CloudFormation does itself. Events reach no target until a rule asks for them, and
 * cost nothing until then; they let a rule watch, say, deletions of health data.
 */
public final class BucketEvents {
    private BucketEvents() {
    }

    /** Turns EventBridge notifications on for {@code bucket}. */
    public static void toEventBridge(Bucket bucket) {
        ((CfnBucket) bucket.getNode().getDefaultChild()).addPropertyOverride(
                "NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled", true);
    }
}
