package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CMP-1: the AWS Config managed rules that check what the requirements ask, chosen for an
 * environment. Plain Java. A rule that the environment does not promise (a Multi-AZ database in
 * a dev without a standby) is left out, so that a NON_COMPLIANT alert (OBS-5) always means
 * something to act on. docs/compliance-services.md lists them, and what is left out and why.
 */
public final class ConfigRules {
    /** The source's rule. */
    public static final String SOURCE_RULE = "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED";

    private ConfigRules() {
    }

    /** The rules of an environment, source's first. */
    public static List<ManagedRule> of(EnvironmentConfig c) {
        List<ManagedRule> out = new ArrayList<>();
        out.add(rule(SOURCE_RULE, "S3-2"));
        out.add(rule("S3_BUCKET_SSL_REQUESTS_ONLY", "S3-3"));
        out.add(rule("S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3-3"));
        out.add(rule("S3_BUCKET_VERSIONING_ENABLED", "S3-3"));
        out.add(rule("RDS_STORAGE_ENCRYPTED", "DB-4"));
        out.add(rule("RDS_INSTANCE_PUBLIC_ACCESS_CHECK", "DB-5"));
        if (c.data().postgres().multiAz()) {
            out.add(rule("RDS_MULTI_AZ_SUPPORT", "DB-5"));
        }
        if (c.data().postgres().deletionProtection()) {
            out.add(rule("RDS_INSTANCE_DELETION_PROTECTION_ENABLED", "DB-6"));
        }
        out.add(new ManagedRule("DB_INSTANCE_BACKUP_ENABLED", "DB-6",
                Map.of("backupRetentionMinimum", String.valueOf(c.data().postgres().backupRetentionDays()))));
        out.add(rule("RDS_SNAPSHOTS_PUBLIC_PROHIBITED", "DB-6"));
        out.add(rule("RDS_ENHANCED_MONITORING_ENABLED", "DB-7"));
        out.add(rule("RDS_LOGGING_ENABLED", "DB-8"));
        out.add(rule("ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST", "RD-3"));
        out.add(rule("ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT", "RD-3"));
        out.add(rule("ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK", "RD-4"));
        if (c.data().redis().multiAz()) {
            out.add(rule("ELASTICACHE_REPL_GRP_AUTO_FAILOVER_ENABLED", "RD-4"));
        }
        out.add(rule("CMK_BACKING_KEY_ROTATION_ENABLED", "KMS-1"));
        out.add(rule("KMS_CMK_NOT_SCHEDULED_FOR_DELETION", "KMS-1"));
        out.add(rule("VPC_FLOW_LOGS_ENABLED", "NET-4"));
        out.add(rule("VPC_DEFAULT_SECURITY_GROUP_CLOSED", "NET-6"));
        out.add(new ManagedRule("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", "SG-1, SG-5",
                Map.of("authorizedTcpPorts", "80,443")));
        out.add(rule("ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "ALB-1"));
        out.add(rule("ALB_HTTP_DROP_INVALID_HEADER_ENABLED", "ALB-2"));
        out.add(rule("ELB_LOGGING_ENABLED", "ALB-2"));
        if (c.app().loadBalancerDeletionProtection()) {
            out.add(rule("ELB_DELETION_PROTECTION_ENABLED", "ALB-2"));
        }
        out.add(rule("ALB_WAF_ENABLED", "ALB-3"));
        out.add(rule("SECRETSMANAGER_USING_CMK", "SEC-1, KMS-1"));
        out.add(rule("CLOUDWATCH_LOG_GROUP_ENCRYPTED", "OBS-1"));
        out.add(new ManagedRule("CW_LOGGROUP_RETENTION_PERIOD_CHECK", "OBS-1",
                Map.of("MinRetentionTime", String.valueOf(c.logging().retentionDays()))));
        out.add(rule("MULTI_REGION_CLOUD_TRAIL_ENABLED", "CMP-2"));
        out.add(rule("CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "CMP-2"));
        out.add(rule("CLOUD_TRAIL_ENCRYPTION_ENABLED", "CMP-2"));
        out.add(rule("CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", "CMP-2"));
        out.add(rule("GUARDDUTY_ENABLED_CENTRALIZED", "CMP-3"));
        if (c.compliance().securityHub()) {
            out.add(rule("SECURITYHUB_ENABLED", "CMP-3"));
        }
        out.add(new ManagedRule("REQUIRED_TAGS", "CMP-4", Map.of(
                "tag1Key", "Environment", "tag1Value", c.environmentTag(),
                "tag2Key", "Project", "tag2Value", c.project(),
                "tag3Key", "Compliance", "tag3Value", "RGPD",
                "tag4Key", "ManagedBy", "tag4Value", "cdk")));
        return List.copyOf(out);
    }

    /**
     * The rules of the backup region (HARD-9): those of {@link #of} that judge what lives there
     * (the replica bucket and its log bucket, the keys, GuardDuty, Security Hub, the tags); the
     * database, cache, network, load balancer, secrets, logs and trail rules would find nothing
     * there to judge. The multi-region trail is judged once, in the primary region.
     */
    public static List<ManagedRule> backupRegion(EnvironmentConfig c) {
        List<String> there = new ArrayList<>(List.of(SOURCE_RULE, "S3_BUCKET_SSL_REQUESTS_ONLY",
                "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", "S3_BUCKET_VERSIONING_ENABLED",
                "CMK_BACKING_KEY_ROTATION_ENABLED", "KMS_CMK_NOT_SCHEDULED_FOR_DELETION",
                "GUARDDUTY_ENABLED_CENTRALIZED", "REQUIRED_TAGS"));
        if (c.compliance().backupRegion().securityHub()) {
            there.add("SECURITYHUB_ENABLED");
        }
        List<ManagedRule> out = new ArrayList<>();
        for (ManagedRule r : of(c)) {
            if (there.contains(r.identifier())) {
                out.add(r);
            }
        }
        if (c.compliance().backupRegion().securityHub() && !c.compliance().securityHub()) {
            out.add(rule("SECURITYHUB_ENABLED", "CMP-3"));
        }
        return List.copyOf(out);
    }

    private static ManagedRule rule(String identifier, String requirement) {
        return new ManagedRule(identifier, requirement, Map.of());
    }
}
