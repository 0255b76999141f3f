package fr.medsaas.platform.constructs.compliance;

import java.util.Map;

/**
 * An AWS Config managed rule and the requirement it checks (CMP-1). Plain data.
 *
 * @param identifier  the managed rule's identifier, {@code S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED}
 * @param requirement the requirement IDs it checks
 * @param parameters  its input parameters; empty for none
 */
public record ManagedRule(String identifier, String requirement, Map<String, String> parameters) {
    public ManagedRule {
        parameters = new java.util.TreeMap<>(parameters);
    }

    /** The rule's name: the identifier in lower case with dashes, as the source names its rule. */
    public String ruleName(String prefix) {
        return prefix + "-" + identifier.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
