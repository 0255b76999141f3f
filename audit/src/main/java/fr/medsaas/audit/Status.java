package fr.medsaas.audit;

/** The answer of one control on one resource: never a pass when the audit could not read. */
public enum Status {
    /** The live resource meets the control. */
    PASS,
    /** The live resource breaks the control. */
    FAIL,
    /** The audit could not read what it needs (no credentials, denied, throttled, not emulated, nothing deployed). */
    COULD_NOT_CHECK
}
