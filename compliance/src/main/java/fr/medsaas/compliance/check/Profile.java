package fr.medsaas.compliance.check;

/**
 * Which rules apply and how strictly, stated in every report.
 */
public enum Profile {
    /**
     * Our platform at synthesis: every rule, as written (named key users, deny-all secrets, the
     * whole assembly in view).
     */
    STRICT("strict"),
    /**
     * Any team's template ({@code --template}): fails only what an HDS/RGPD auditor fails on any
     * template; our platform's own conventions are not asked for, and a rule that needs the whole
     * assembly says it cannot decide in one template instead of failing.
     */
    BASELINE("baseline");

    private final String label;

    Profile(String label) {
        this.label = label;
    }

    /** As the CLI and the reports spell it. */
    public String label() {
        return label;
    }
}
