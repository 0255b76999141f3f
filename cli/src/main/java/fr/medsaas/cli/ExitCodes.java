package fr.medsaas.cli;

/** The exit codes of every medsaas command, listed in {@code --help}. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** An internal error: a bug or an environment problem (message printed). */
    public static final int INTERNAL = 1;
    /** Bad usage or configuration: nothing was written. */
    public static final int USAGE = 2;
    /** Compliance findings nobody acknowledged: nothing was written. */
    public static final int FINDINGS = 3;
    /** The deploy guard refused: a stateful resource would be deleted, replaced or orphaned; nothing was deployed. */
    public static final int UNSAFE_CHANGE = 4;

    private ExitCodes() {
    }
}
