package fr.medsaas.config;

import java.util.List;

/** A configuration that cannot be used, with every problem found in it, reported at once. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Problem> problems;

    /**
     * @param source   where the configuration came from (a file path or an environment name)
     * @param problems every problem found; at least one
     */
    public ConfigException(String source, List<Problem> problems) {
        this(source, problems, format(source, problems));
    }

    private ConfigException(String source, List<Problem> problems, String message) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /**
     * A file that cannot be read as a configuration at all (missing, a folder, unreadable, not
     * YAML): {@code message} is the whole sentence, e.g. {@code configuration file x.yaml does not exist}.
     */
    public static ConfigException unusableFile(String source, String message) {
        return new ConfigException(source, List.of(new Problem("(file)", source, message)), message);
    }

    /** Where the configuration came from. */
    public String source() {
        return source;
    }

    /** Every problem found, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder("invalid configuration ").append(source);
        if (problems.size() == 1) {
            return sb.append(": ").append(problems.get(0)).toString();
        }
        sb.append(" (").append(problems.size()).append(" problems):");
        for (Problem p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
