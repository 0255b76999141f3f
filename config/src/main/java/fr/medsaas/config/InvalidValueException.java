package fr.medsaas.config;

/**
 * Thrown by a record's compact constructor when one of its own invariants fails; the loader
 * turns it into a {@link Problem} with the full path of the field.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;

    /**
     * @param field the record component's name
     * @param value the value given
     * @param rule  what is allowed
     */
    public InvalidValueException(String field, Object value, String rule) {
        super(field + ": value \"" + value + "\" is refused: " + rule);
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The record component's name. */
    public String field() {
        return field;
    }

    /** The value given. */
    public String value() {
        return value;
    }

    /** What is allowed. */
    public String rule() {
        return rule;
    }
}
