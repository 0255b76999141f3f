package fr.medsaas.config;

/** A count with its noun, singular for exactly one ({@code 1 task}, {@code 2 tasks}, {@code 0 tasks}). */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the noun, with an {@code s} unless {@code n} is 1. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** {@code n} and the noun: {@code singular} when {@code n} is 1, else {@code plural}. */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The noun alone for a count of {@code n}: {@code singular} when {@code n} is 1, else {@code plural}. */
    public static String noun(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}
