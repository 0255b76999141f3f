package fr.medsaas.sandbox.preflight;

/**
 * One reason not to deploy: which check, and what to do, in one line.
 *
 * @param check   the check's short name ({@code certificate}, {@code image}, ...)
 * @param message what is wrong and what to do
 */
public record PreflightProblem(String check, String message) {
    @Override
    public String toString() {
        return check + ": " + message;
    }
}
