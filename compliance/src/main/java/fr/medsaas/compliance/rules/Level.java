package fr.medsaas.compliance.rules;

/** How bad a non-compliant answer is: an open error blocks synthesis and {@code check} (exit 3). */
public enum Level {
    ERROR, WARNING;

    /** Lower-case name, as cdk-nag and SARIF spell it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
