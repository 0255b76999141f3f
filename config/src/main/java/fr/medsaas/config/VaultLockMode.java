package fr.medsaas.config;

/**
 * The mode of an AWS Backup vault lock (BCK-3). Governance: the lock refuses early deletion,
 * and a principal allowed to change the lock can still remove it. Compliance: after a grace
 * period of {@code backup.lockChangeableForDays} days (at least
 * {@link BackupConfig#COMPLIANCE_GRACE_DAYS}) nobody, the root user and AWS included, can remove
 * the lock or shorten a recovery point's retention.
 */
public enum VaultLockMode {
    /** A lock without a grace period (no {@code ChangeableForDays}); removable by those allowed to. */
    GOVERNANCE("governance"),
    /** A lock that becomes immutable once its grace period ends. */
    COMPLIANCE("compliance");

    private final String name;

    VaultLockMode(String name) {
        this.name = name;
    }

    /** The mode as the YAML writes it. */
    @Override
    public String toString() {
        return name;
    }
}
