package fr.medsaas.config;

/**
 * Whether a stack creates a per-region singleton (the AWS Config recorder, the GuardDuty
 * detector) or uses the one the account already has, e.g. under AWS Control Tower.
 */
public enum Provisioning {
    /** The stack creates it: what a fresh account needs. */
    CREATE("create"),
    /** The account has one already; the stack adds only its rules and routing. */
    USE_EXISTING("use-existing");

    private final String yaml;

    Provisioning(String yaml) {
        this.yaml = yaml;
    }

    /** Whether the stack creates it. */
    public boolean creates() {
        return this == CREATE;
    }

    /** The value as the YAML writes it. */
    @Override
    public String toString() {
        return yaml;
    }
}
