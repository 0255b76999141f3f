package fr.medsaas.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The one-line answer to a misspelled option or command: the closest real one, by edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * What to print for the first argument {@code spec} did not match: {@code medsaas check:
     * unknown option '--sevrity'; did you mean '--severity'?}, or its options (or commands) when
     * none is close.
     */
    static String unknownArgument(CommandSpec spec, String argument) {
        String name = spec.qualifiedName();
        boolean option = argument.startsWith("-");
        // --flag=value: the flag is what was misspelled.
        String typed = option && argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        List<String> candidates = option
                ? spec.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName).sorted().toList()
                : spec.subcommands().entrySet().stream().filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden())
                        .map(java.util.Map.Entry::getKey).sorted().toList();
        String what = option ? "option" : spec.subcommands().isEmpty() ? "argument" : "command";
        String head = String.format(Locale.ROOT, "%s: unknown %s '%s'", name, what, typed);
        if (candidates.isEmpty()) {
            return head + " (see " + name + " --help)";
        }
        Optional<String> closest = closest(typed, candidates);
        if (closest.isPresent()) {
            return head + "; did you mean '" + closest.get() + "'?";
        }
        return head + "; " + (option ? "its options: " : "its commands: ") + String.join(", ", candidates)
                + " (see " + name + " --help)";
    }

    /** The candidate nearest to {@code typed}, when it is near enough to be a typo of it. */
    static Optional<String> closest(String typed, List<String> candidates) {
        String t = bare(typed);
        return candidates.stream().min(Comparator.comparingInt((String c) -> distance(t, bare(c))).thenComparing(c -> c))
                .filter(c -> distance(t, bare(c)) <= Math.max(2, bare(c).length() / 3));
    }

    private static String bare(String s) {
        return s.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    /** The Damerau-Levenshtein distance (optimal string alignment): a swap of two letters counts one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
