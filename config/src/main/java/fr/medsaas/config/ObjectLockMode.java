package fr.medsaas.config;

/** S3 Object Lock retention modes (CMP-5). */
public enum ObjectLockMode {
    /** Early deletion needs s3:BypassGovernanceRetention, which no role of the platform holds. */
    GOVERNANCE("governance"),
    /** Nobody can delete a locked version early, the account's root user included. */
    COMPLIANCE("compliance");

    private final String yaml;

    ObjectLockMode(String yaml) {
        this.yaml = yaml;
    }

    /** The mode as the YAML writes it. */
    @Override
    public String toString() {
        return yaml;
    }
}
