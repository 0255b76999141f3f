package fr.medsaas.compliance.rules;

/** What a rule answers for one resource: never a silent pass. */
public enum Status {
    /** The resource meets the rule. */
    COMPLIANT,
    /** The resource breaks the rule. */
    NON_COMPLIANT,
    /** The rule does not apply (reported per rule when it applies to nothing). */
    NOT_APPLICABLE,
    /** The templates lack what the rule needs (e.g. a lone template's region): said, not guessed. */
    CANNOT_DECIDE
}
