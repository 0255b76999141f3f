package fr.medsaas.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL versions RDS offers for new instances (DB-1), from the list shipped with the
 * configuration ({@code rds-postgres-versions.txt}), so that a retired version such as the
 * source's 15.4 is refused before synthesis rather than by RDS in the middle of a deployment.
 *
 * @param takenOn  the date the list was taken, from its header
 * @param versions the versions, in the file's order
 */
public record PostgresVersions(String takenOn, List<String> versions) {
    private static final String RESOURCE = "/rds-postgres-versions.txt";
    private static final Pattern TAKEN = Pattern.compile("#\\s*Taken:\\s*(\\d{4}-\\d{2}-\\d{2}).*");
    private static final Pattern VERSION = Pattern.compile("\\d{2}\\.\\d{1,2}");
    private static final PostgresVersions SHIPPED = load();

    public PostgresVersions {
        versions = List.copyOf(versions);
    }

    /** The list shipped in this build. */
    public static PostgresVersions shipped() {
        return SHIPPED;
    }

    /** Parses the text of a versions file: {@code #} comments, one {@code major.minor} a line. */
    static PostgresVersions parse(String text) {
        String taken = null;
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            Matcher m = TAKEN.matcher(line);
            if (m.matches()) {
                taken = m.group(1);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                if (!VERSION.matcher(line).matches()) {
                    throw new IllegalStateException(RESOURCE + ": not a major.minor version: " + line);
                }
                out.add(line);
            }
        }
        if (taken == null || out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " needs a '# Taken: yyyy-mm-dd' line and at least one version");
        }
        return new PostgresVersions(taken, out);
    }

    private static PostgresVersions load() {
        try (InputStream in = PostgresVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether RDS offers {@code version}. */
    public boolean offers(String version) {
        return versions.contains(version);
    }

    /** The major of a {@code major.minor} version ({@code 15} of {@code 15.4}), or the text itself. */
    public static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** The offered versions of one major, in order; empty for a major RDS does not offer. */
    public List<String> ofMajor(String major) {
        return versions.stream().filter(v -> majorOf(v).equals(major)).toList();
    }

    /** The offered majors, in order. */
    public List<String> majors() {
        return versions.stream().map(PostgresVersions::majorOf).distinct().toList();
    }
}
