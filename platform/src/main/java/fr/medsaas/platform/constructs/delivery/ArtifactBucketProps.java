package fr.medsaas.platform.constructs.delivery;

import software.amazon.awscdk.services.kms.IKey;

/**
 * The pipeline's artifact bucket.
 *
 * @param key              the delivery key
 * @param expiryDays       days an artifact is kept
 * @param logRetentionDays days its access logs are kept (OBS-1)
 */
public record ArtifactBucketProps(IKey key, int expiryDays, int logRetentionDays) {
}
