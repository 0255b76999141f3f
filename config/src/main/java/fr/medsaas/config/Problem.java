package fr.medsaas.config;

/**
 * One thing wrong with a configuration: which field, which value, and what is allowed.
 *
 * @param field dotted path of the field, e.g. {@code network.vpcCidr}
 * @param value the value given, as written, or {@code null} when it is missing
 * @param rule  what is allowed
 */
public record Problem(String field, String value, String rule) {

    /** Formats the problem for a person: {@code field: value "x" is refused: rule}. */
    @Override
    public String toString() {
        String given = value == null ? "missing" : "value \"" + value + "\"";
        return field + ": " + given + " is refused: " + rule;
    }
}
