package fr.medsaas.platform.constructs.backup;

/**
 * What AWS Backup's role may touch, by ARN.
 *
 * @param databaseArn        the PostgreSQL instance selected
 * @param bucketName         the media bucket selected
 * @param rdsKeyArn          the key of the database's storage and snapshots
 * @param s3KeyArn           the key of the media bucket
 * @param backupKeyArn       the backup key of the primary region (its vault)
 * @param copyBackupKeyArn   the backup key of the backup region (the copy's vault)
 * @param copyVaultArn       the vault of the backup region
 * @param primaryRegion      the region of the selected resources and of the primary vault
 * @param backupRegion       the region of the copy
 * @param roleName           the role's fixed name, which the keys' policies name (HARD-7)
 */
public record BackupServiceRoleProps(String databaseArn, String bucketName, String rdsKeyArn, String s3KeyArn,
                                     String backupKeyArn, String copyBackupKeyArn, String copyVaultArn,
                                     String primaryRegion, String backupRegion, String roleName) {
}
