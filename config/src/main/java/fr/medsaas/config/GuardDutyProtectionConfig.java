package fr.medsaas.config;

/**
 * GuardDuty's protection plans beyond S3 protection (HARD-9): RDS login activity, runtime
 * monitoring of the Fargate tasks, and malware scanning of the media bucket's uploads.
 *
 * @param rdsProtection     whether the detectors made by the stacks watch RDS login activity
 * @param runtimeMonitoring whether the primary region's detector watches the Fargate tasks at run time
 * @param malwareProtection whether GuardDuty scans each file uploaded to the media bucket and tags it
 */
public record GuardDutyProtectionConfig(
        @Doc(value = "RDS Protection (feature RDS_LOGIN_EVENTS) on the detectors the stacks create, in both regions: "
                + "GuardDuty profiles the database's logins and reports anomalous ones; with `guardDuty: use-existing` "
                + "the account's detector keeps its own setting", defaultValue = "true",
                rule = "true or false; true in prod (HARD-9)")
        boolean rdsProtection,
        @Doc(value = "Runtime Monitoring of the Fargate tasks (feature RUNTIME_MONITORING with GuardDuty managing the "
                + "agent, ECS_FARGATE_AGENT_MANAGEMENT) on the primary region's detector: GuardDuty adds its agent as a "
                + "sidecar to each new task, and its own guardduty-data endpoint to the VPC, which the tasks reach on "
                + "443 (docs/compliance-services.md); the backup region runs no task", defaultValue = "true",
                rule = "true or false; true in prod (HARD-9)")
        boolean runtimeMonitoring,
        @Doc(value = "Malware Protection for S3 on the media bucket: GuardDuty scans each uploaded object with a role "
                + "of its own and tags it GuardDutyMalwareScanStatus (docs/media-edge.md); independent of the detector, "
                + "so made with either `guardDuty` setting", defaultValue = "true",
                rule = "true or false; true in prod (HARD-9)")
        boolean malwareProtection) {

    /** Every plan on, what prod requires. */
    public static GuardDutyProtectionConfig all() {
        return new GuardDutyProtectionConfig(true, true, true);
    }
}
