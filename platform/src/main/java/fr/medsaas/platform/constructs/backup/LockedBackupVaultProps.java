package fr.medsaas.platform.constructs.backup;

import fr.medsaas.config.VaultLockMode;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What a locked backup vault is built from.
 *
 * @param vaultName        the vault's name, the same in every region
 * @param key              the backup key of the vault's region (KMS-1)
 * @param lockMode         governance (no grace period) or compliance (immutable after the grace period)
 * @param changeableForDays the grace period of a compliance lock, in days (HARD-9); unused in governance
 * @param minRetentionDays the shortest retention the vault accepts for a recovery point
 * @param maxRetentionDays the longest retention the vault accepts for a recovery point
 * @param deployRoleArn    the ARN of the role CloudFormation deploys with, the only principal that
 *                         may set the vault's lock and access policy (nobody may remove them)
 */
public record LockedBackupVaultProps(String vaultName, IKey key, VaultLockMode lockMode, int changeableForDays,
                                     int minRetentionDays, int maxRetentionDays, String deployRoleArn) {
}
