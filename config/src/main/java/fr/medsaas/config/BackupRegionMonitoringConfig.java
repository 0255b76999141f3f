package fr.medsaas.config;

/**
 * Threat detection and configuration recording of the backup region (HARD-9, CMP-1, CMP-3), which
 * holds the replica bucket, a vault and keys: the same switches as the primary region's, since an
 * account may own its singletons in one region and not in the other.
 *
 * @param configRecorder whether the Replica stack creates the backup region's AWS Config recorder or uses the account's own
 * @param guardDuty      whether the Replica stack creates the backup region's GuardDuty detector or uses the account's own
 * @param securityHub    whether the Replica stack enables Security Hub in the backup region
 */
public record BackupRegionMonitoringConfig(
        @Doc(value = "AWS Config recorder and delivery channel of the backup region (CMP-1, HARD-9): `create` makes "
                + "them, recording that region's resources but not the global ones (IAM), which the primary region "
                + "records, into a bucket of that region under its own audit key; `use-existing` keeps the account's "
                + "and adds only the rules", defaultValue = "create", rule = "create or use-existing")
        Provisioning configRecorder,
        @Doc(value = "GuardDuty detector of the backup region (CMP-3, HARD-9): `create` makes it with S3 protection "
                + "(the replica bucket); `use-existing` keeps the account's; in both cases its findings are forwarded "
                + "to the primary region's alerts", defaultValue = "create", rule = "create or use-existing")
        Provisioning guardDuty,
        @Doc(value = "Enables Security Hub in the backup region with AWS's default standards (CMP-3); false where "
                + "the account already has it there", defaultValue = "true", rule = "true or false")
        boolean securityHub) {

    /** What a fresh account needs: everything created, as in the primary region. */
    public static BackupRegionMonitoringConfig created() {
        return new BackupRegionMonitoringConfig(Provisioning.CREATE, Provisioning.CREATE, true);
    }
}
