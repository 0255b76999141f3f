package fr.medsaas.platform.constructs.keys;

/**
 * The customer-managed keys of the platform (KMS-1). Who may use each, and through which
 * service, is {@link KeyUses}' (KMS-2, HARD-7). Plain data.
 */
public enum KeyPurpose {
    /** Application-level encryption of health data, and the application's secrets. */
    DATA("Data", "data-key", "Application data encryption for medical SaaS - RGPD compliance", true),
    /** RDS PostgreSQL storage, snapshots and Performance Insights (DB-4). */
    RDS("Rds", "rds-key", "RDS PostgreSQL storage, snapshots and Performance Insights", true),
    /** The media bucket (S3-2). */
    S3("S3", "s3-key", "S3 media bucket encryption (SSE-KMS with bucket key)", true),
    /** Every CloudWatch Logs log group (OBS-1). */
    LOGS("Logs", "logs-key", "CloudWatch Logs log groups encryption", false),
    /** Secrets Manager secrets, and the ElastiCache replication group at rest. */
    SECRETS("Secrets", "secrets-key", "Secrets Manager secrets and ElastiCache at rest", true),
    /**
     * AWS Backup vaults (BCK-1). RDS too: a recovery point of RDS copied into a vault of another
     * region is re-encrypted there by RDS under that vault's key.
     */
    BACKUP("Backup", "backup-key", "AWS Backup vault encryption", true),
    /** The audit trail, its digest files, and AWS Config's snapshots (CMP-1, CMP-2, CMP-5): audit evidence only. */
    AUDIT("Audit", "audit-key", "CloudTrail audit trail and AWS Config delivery encryption", false),
    /** The alerts topic (OBS-3): CloudWatch alarms and EventBridge publish to it through SNS. */
    ALERTS("Alerts", "alerts-key", "SNS alerts topic encryption", false),
    /**
     * Container images (ECR, CI-1), build artifacts (CodeBuild, CI-2) and the pipeline's artifact
     * bucket (CI-3). Build outputs, no health data.
     */
    DELIVERY("Delivery", "delivery-key", "ECR images, CodeBuild and CodePipeline artifacts encryption", false);

    private final String constructId;
    private final String aliasSuffix;
    private final String description;
    private final boolean healthData;

    KeyPurpose(String constructId, String aliasSuffix, String description, boolean healthData) {
        this.constructId = constructId;
        this.aliasSuffix = aliasSuffix;
        this.description = description;
        this.healthData = healthData;
    }

    /** The construct id; part of the key's logical ID, so never renamed. */
    public String constructId() {
        return constructId;
    }

    /** The alias of this key for a name prefix: {@code alias/medical-saas-data-key}. */
    public String alias(String namePrefix) {
        return "alias/" + namePrefix + "-" + aliasSuffix;
    }

    /** The key's description. */
    public String description() {
        return description;
    }

    /**
     * The key's description in the backup region: the audit key there encrypts AWS Config's
     * delivery only, the trail writing to the primary region (HARD-9).
     */
    public String backupRegionDescription() {
        return this == AUDIT ? "AWS Config delivery encryption of the backup region" : description;
    }


    /** Whether the key protects health data, and so carries {@code DataType=medical-sensitive} (DB-9). */
    public boolean healthData() {
        return healthData;
    }
}
