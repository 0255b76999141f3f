package fr.medsaas.compliance.evidence;

import java.util.Locale;

/** What the report says of a control, from the worst to the best; manual ones a tool cannot prove. */
public enum ControlStatus {
    /** An open finding: the templates break the control. */
    NOT_MET,
    /** The tool lacked what it needs to decide, or nothing in the templates is concerned. */
    NOT_EVALUABLE,
    /** A finding acknowledged in code, with its reason. */
    ACKNOWLEDGED,
    /** Every resource concerned meets the control. */
    MET,
    /** Infrastructure cannot prove it: the operator brings the evidence. */
    MANUAL;

    /** The id used in JSON and in message keys: {@code not-met}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The worse of two statuses (manual counts as the best, since it never hides a finding). */
    public ControlStatus worse(ControlStatus other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
