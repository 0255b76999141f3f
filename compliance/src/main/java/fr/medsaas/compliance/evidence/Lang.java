package fr.medsaas.compliance.evidence;

import java.util.Locale;

/** The languages of the report (CMPL-6). */
public enum Lang {
    fr, en;

    /** The locale of the message bundle. */
    public Locale locale() {
        return this == fr ? Locale.FRENCH : Locale.ENGLISH;
    }
}
