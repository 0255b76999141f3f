package fr.medsaas.compliance.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What CloudFormation's resource handlers call, per resource type: the {@code handlers.create},
 * {@code handlers.update} and {@code handlers.delete} permission lists of each type's registry schema
 * ({@code aws cloudformation describe-type}), as a dated table ({@code handler-permissions.tsv}).
 *
 * <p>No machine-readable copy of the registry schemas can be had on a machine without an AWS
 * account (the CDK's own service specification drops the handlers), so the table is read once from
 * public copies of the schemas, each row naming its source and commit, and refreshed from an
 * account by {@code tools/handler-permissions.sh}.
 */
public final class HandlerPermissions {
    /** The handlers whose permissions a deployment needs: create, update, delete (read and list are the console's). */
    public static final List<String> HANDLERS = List.of("create", "update", "delete");
    static final String RESOURCE = "handler-permissions.tsv";
    static final String CONDITIONS = "handler-conditions.tsv";

    /**
     * A handler calls an action only for a resource that uses a feature: one of the alternatives
     * ({@code Path}, {@code Path=value}, {@code Path~prefix}, {@code a[]} for each element of a list) holds.
     */
    public record Condition(String type, String action, List<String> alternatives, String reference) {
        /** Whether the condition is about this published action. */
        public boolean covers(String published) {
            String a = action.toLowerCase(Locale.ROOT);
            String p = published.toLowerCase(Locale.ROOT);
            return a.endsWith("*") ? p.startsWith(a.substring(0, a.length() - 1))
                    : a.startsWith("iam:*") ? p.startsWith("iam:") && p.endsWith(a.substring(5)) : a.equals(p);
        }
    }

    /** One handler of one type. */
    public record Row(String type, String handler, List<String> permissions, String source, String commit) {
        public Row {
            permissions = List.copyOf(permissions);
        }

        /** The type's page of the CloudFormation template reference. */
        public String doc() {
            return documentation(type);
        }
    }

    private static volatile HandlerPermissions standard;

    private final Map<String, Map<String, Row>> byType;
    private final LocalDate readOn;
    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, List<String>> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> aliasReferences = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    HandlerPermissions(Map<String, Map<String, Row>> byType, LocalDate readOn) {
        this.byType = byType;
        this.readOn = readOn;
    }

    /** The table with the conditions and aliases of {@code handler-conditions.tsv}'s text added. */
    HandlerPermissions withConditions(String text, String name) {
        int lineNo = 0;
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                header = true;
                continue;
            }
            if (f.length != 5) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": 5 tab-separated fields expected, found " + f.length);
            }
            switch (f[0]) {
                case "when" -> conditions.add(new Condition(f[1], f[2], List.of(f[3].split("\\|")), f[4]));
                case "alias" -> {
                    aliases.put(f[2], f[3].equals("-") ? List.of() : List.of(f[3].split(",")));
                    aliasReferences.put(f[2], f[4]);
                }
                default -> throw new IllegalArgumentException(name + " line " + lineNo + ": kind \"" + f[0]
                        + "\" is not one of when, alias");
            }
        }
        return this;
    }

    /** The condition under which a type's handler calls a published action, if it calls it only for a feature. */
    public Optional<Condition> condition(String type, String published) {
        return conditions.stream().filter(c -> c.type().equals(type) && c.covers(published)).findFirst();
    }

    /**
     * The IAM actions that authorize a published permission: itself, or what IAM checks for an API
     * operation the schema names instead (none for a name that is no IAM action).
     */
    public List<String> iamActions(String published) {
        return aliases.getOrDefault(published, List.of(published));
    }

    /** The published names that are not IAM actions, with the IAM actions that authorize them and the reference. */
    public Map<String, String> aliasesDescribed() {
        Map<String, String> out = new TreeMap<>();
        aliases.forEach((k, v) -> out.put(k, (v.isEmpty() ? "no IAM action" : String.join(", ", v)) + " — " + aliasReferences.get(k)));
        return out;
    }

    /** Every condition, in the file's order. */
    public List<Condition> conditions() {
        return List.copyOf(conditions);
    }

    /** The table shipped with the tool. */
    public static HandlerPermissions standard() {
        if (standard == null) {
            try (InputStream in = HandlerPermissions.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the tool's jar lacks " + RESOURCE);
                }
                HandlerPermissions t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
                try (InputStream c = HandlerPermissions.class.getResourceAsStream(CONDITIONS)) {
                    if (c == null) {
                        throw new IllegalStateException("the tool's jar lacks " + CONDITIONS);
                    }
                    t.withConditions(new String(c.readAllBytes(), StandardCharsets.UTF_8), CONDITIONS);
                }
                standard = t;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /**
     * A table from its text: comment lines start with {@code #} (one says {@code # read YYYY-MM-DD}),
     * then a header {@code type handler permissions source commit} and one tab-separated row per
     * (type, handler); a type whose schema publishes no handler permissions has one row with handler
     * {@code none}.
     */
    static HandlerPermissions parse(String text, String name) {
        Map<String, Map<String, Row>> byType = new TreeMap<>();
        LocalDate readOn = null;
        boolean header = false;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#")) {
                String c = l.substring(1).strip();
                if (c.startsWith("read ")) {
                    readOn = LocalDate.parse(c.substring(5).strip().split("\\s")[0]);
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                if (!Arrays.asList(f).equals(List.of("type", "handler", "permissions", "source", "commit"))) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": the header must be "
                            + "type, handler, permissions, source, commit (tab-separated), not: " + line);
                }
                header = true;
                continue;
            }
            if (f.length != 5) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": 5 tab-separated fields expected, found "
                        + f.length);
            }
            String handler = f[1].strip().toLowerCase(Locale.ROOT);
            if (!HANDLERS.contains(handler) && !handler.equals("none")) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": handler \"" + f[1]
                        + "\" is not one of create, update, delete, none");
            }
            List<String> perms = new ArrayList<>();
            for (String p : f[2].split(",")) {
                if (!p.isBlank()) {
                    if (!p.strip().matches("[A-Za-z0-9-]+:[A-Za-z0-9*]+")) {
                        throw new IllegalArgumentException(name + " line " + lineNo + ": \"" + p.strip()
                                + "\" is not an IAM action (service:Action)");
                    }
                    // IAM's service prefixes are case-insensitive; a schema may write "CloudTrail:".
                    String a = p.strip();
                    perms.add(a.substring(0, a.indexOf(':')).toLowerCase(Locale.ROOT) + a.substring(a.indexOf(':')));
                }
            }
            byType.computeIfAbsent(f[0].strip(), t -> new LinkedHashMap<>())
                    .put(handler, new Row(f[0].strip(), handler, perms, f[3].strip(), f[4].strip()));
        }
        if (readOn == null) {
            throw new IllegalArgumentException(name + ": no \"# read YYYY-MM-DD\" line says when the table was read");
        }
        return new HandlerPermissions(Collections.unmodifiableMap(byType), readOn);
    }

    /** When the table was read from its sources. */
    public LocalDate readOn() {
        return readOn;
    }

    /** The type's handlers (create, update, delete) with their permissions; empty when the table does not know the type. */
    public Optional<List<Row>> of(String type) {
        Map<String, Row> rows = byType.get(type);
        if (rows == null) {
            return Optional.empty();
        }
        return Optional.of(rows.values().stream().filter(r -> !r.handler().equals("none")).toList());
    }

    /** Every type the table knows. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** The CloudFormation template reference page of a type ({@code AWS::EC2::VPC} → {@code aws-resource-ec2-vpc.html}). */
    public static String documentation(String type) {
        String[] p = type.split("::");
        return "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-"
                + (p.length == 3 ? p[1].toLowerCase(Locale.ROOT) + "-" + p[2].toLowerCase(Locale.ROOT) : type) + ".html";
    }
}
