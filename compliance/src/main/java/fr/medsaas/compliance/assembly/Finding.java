package fr.medsaas.compliance.assembly;

/**
 * One finding of a rule pack on one construct, as CDK policy validation reported it.
 *
 * @param plugin        the pack ({@code AwsSolutions}, {@code HIPAA.Security}, ...)
 * @param rule          the rule id ({@code AwsSolutions-EC23})
 * @param severity      {@code error} or {@code warning}
 * @param description   what the rule asserts
 * @param constructPath the construct that breaks it
 * @param acknowledged  whether it was acknowledged in code
 * @param reason        the acknowledgement's reason, or null
 */
public record Finding(String plugin, String rule, String severity, String description, String constructPath,
                      boolean acknowledged, String reason) {

    /** True for an error that nobody acknowledged: it fails synthesis. */
    public boolean blocking() {
        return !acknowledged && "error".equalsIgnoreCase(severity);
    }

    /** One line for a person: {@code ERROR AwsSolutions-EC23 at Stack/Path: description}. */
    public String describe() {
        return severity.toUpperCase(java.util.Locale.ROOT) + " " + rule + " (" + plugin + ") at " + constructPath + ": " + description;
    }
}
