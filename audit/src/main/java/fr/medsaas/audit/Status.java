package fr.medsaas.audit;

/** The answer of one control on one resource: never a pass when the audit could not read. */
public enum Status {
    /** The live resource meets the control. */
    PASS,
    /** The live resource breaks the control. */
    FAIL,
    /**
     * The live resource misses the control because the emulator could not create what the
     * template declares (the sandbox's list in the template metadata): not a pass, not a failure
     * of the platform. Only against an endpoint override (the emulator).
     */
    NOT_EMULATED,
    /** The audit could not read what it needs (no credentials, denied, throttled, not emulated, nothing deployed). */
    COULD_NOT_CHECK
}
