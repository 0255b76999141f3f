package fr.medsaas.config;

/**
 * AWS Backup and the backup region's replica (BCK-1..3, S3-5, CF-5).
 *
 * @param retentionDays          days a daily recovery point is kept, in the primary vault and its copy
 * @param copyToBackupRegion     whether each recovery point is copied to the backup region's vault
 * @param lockMode               the vaults' lock mode
 * @param lockChangeableForDays  days a compliance-mode lock can still be changed or removed after it is set
 * @param lockMinRetentionDays   the shortest retention the vaults accept for a recovery point
 * @param lockMaxRetentionDays   the longest retention the vaults accept for a recovery point
 * @param replicaBucketName      the media replica bucket's name, in the backup region
 * @param mediaReplication       whether the media bucket is replicated to the replica bucket
 * @param replicationTimeControl whether S3 Replication Time Control (15-minute SLA) is on
 */
public record BackupConfig(
        @Doc(value = "Days a daily recovery point is kept, in the primary vault and in its copy (BCK-1)",
                defaultValue = "30",
                rule = "30 or more in prod, 7 or more elsewhere; from lockMinRetentionDays to lockMaxRetentionDays")
        int retentionDays,
        @Doc(value = "Each recovery point is copied to the backup region's vault (BCK-1, REG-2)", defaultValue = "true",
                rule = "true in prod; false allowed elsewhere")
        boolean copyToBackupRegion,
        @Doc(value = "Vault lock mode of both vaults (BCK-3, HARD-9): governance can be lifted by those allowed to; "
                + "compliance becomes immutable, root and AWS included, after lockChangeableForDays",
                defaultValue = "compliance", rule = "compliance in prod; governance allowed elsewhere when the file says so")
        VaultLockMode lockMode,
        @Doc(value = "Cooling-off window of a compliance-mode vault lock (HARD-9, `ChangeableForDays`): for these days "
                + "after a deployment sets the lock it can still be changed or removed, then never",
                defaultValue = "3", rule = "3 (the least AWS Backup accepts) to 30")
        int lockChangeableForDays,
        @Doc(value = "Shortest retention the vaults accept for a recovery point (BCK-3)", defaultValue = "30",
                rule = "1 to retentionDays")
        int lockMinRetentionDays,
        @Doc(value = "Longest retention the vaults accept for a recovery point (BCK-3; RGPD art. 5(1)(e): bounded)",
                defaultValue = "35", rule = "retentionDays to 36500")
        int lockMaxRetentionDays,
        @Doc(value = "Name of the media replica bucket in the backup region (S3-5); S3 names are global. Its log "
                + "bucket is `<name>-access-logs`", defaultValue = "medical-saas-media-prod-replica",
                rule = "as media.bucketName, and not the same name")
        String replicaBucketName,
        @Doc(value = "The media bucket is replicated to the replica bucket, and CloudFront fails over to it (S3-5, CF-5)",
                defaultValue = "true", rule = "true in prod; false allowed elsewhere")
        boolean mediaReplication,
        @Doc(value = "S3 Replication Time Control: 99.99% of objects replicated within 15 minutes, with its metrics "
                + "(S3-5); about USD 0.015 per GB replicated", defaultValue = "true", rule = "true or false")
        boolean replicationTimeControl) {

    /** Days a compliance-mode lock can still be changed after it is set: the minimum AWS Backup accepts. */
    public static final int COMPLIANCE_GRACE_DAYS = 3;
    /** The longest cooling-off window we accept: longer, the lock is a lock in name only for a month. */
    public static final int MAX_CHANGEABLE_DAYS = 30;
}
