package fr.medsaas.platform.constructs.logs;

import software.amazon.awscdk.services.kms.IKey;

/**
 * An encrypted, retained log group.
 *
 * @param logGroupName  the log group's name
 * @param key           the logs key (OBS-1)
 * @param retentionDays days kept; one of the OBS-1 values
 */
public record EncryptedLogGroupProps(String logGroupName, IKey key, int retentionDays) {
}
