package fr.medsaas.config;

/**
 * Audit trail, AWS Config, GuardDuty and Security Hub (CMP-1..3, CMP-5), in both regions (HARD-9).
 *
 * @param trailObjectLock Object Lock mode of the trail's bucket (CMP-5)
 * @param configRecorder  whether the stack creates the region's AWS Config recorder or uses the account's own
 * @param guardDuty       whether the stack creates the region's GuardDuty detector or uses the account's own
 * @param securityHub     whether the stack enables Security Hub in the region
 * @param backupRegion    the same services in the backup region (HARD-9)
 * @param guardDutyProtection GuardDuty's protection plans beyond S3 protection (HARD-9)
 */
public record ComplianceConfig(
        @Doc(value = "Object Lock mode of the audit trail's bucket, for the log retention (CMP-5): governance lets a "
                + "principal with s3:BypassGovernanceRetention delete early, compliance lets nobody, root included "
                + "(HARD-9)", defaultValue = "compliance", rule = "compliance in prod; governance allowed elsewhere")
        ObjectLockMode trailObjectLock,
        @Doc(value = "AWS Config recorder and delivery channel of the region (CMP-1): `create` makes them; "
                + "`use-existing` keeps the account's (one per region, e.g. Control Tower's) and adds only the rules",
                defaultValue = "create", rule = "create or use-existing")
        Provisioning configRecorder,
        @Doc(value = "GuardDuty detector of the region (CMP-3): `create` makes it with S3 protection; "
                + "`use-existing` keeps the account's (one per region, e.g. a delegated administrator's) and adds only "
                + "the routing of its findings", defaultValue = "create", rule = "create or use-existing")
        Provisioning guardDuty,
        @Doc(value = "Enables Security Hub in the region with AWS's default standards (CMP-3); false where the account "
                + "already has it (Control Tower, a delegated administrator)", defaultValue = "true", rule = "true or false")
        boolean securityHub,
        @Doc(value = "AWS Config, GuardDuty and Security Hub of the backup region, which holds the replica bucket, "
                + "a vault and keys (HARD-9); made by the Replica stack", defaultValue = "{}")
        BackupRegionMonitoringConfig backupRegion,
        @Doc(value = "GuardDuty's protection plans beyond S3 protection (HARD-9): RDS login activity in both regions, "
                + "runtime monitoring of the Fargate tasks, malware scanning of the media bucket's uploads",
                defaultValue = "{}")
        GuardDutyProtectionConfig guardDutyProtection) {
}
