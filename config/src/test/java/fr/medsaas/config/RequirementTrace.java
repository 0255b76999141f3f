package fr.medsaas.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The requirement trace: the numbered requirements of the spec, the tests that cite each one with
 * {@link Requirement}, read from the test sources of every module, and the checked-in list of
 * requirements not built yet ({@code docs/requirements-not-built.txt}). Reads sources, not
 * classes, so that one module sees the tests of all.
 */
final class RequirementTrace {
    static final String START = "<!-- requirement-trace:start (generated; RequirementTraceTest keeps it in step) -->";
    static final String END = "<!-- requirement-trace:end -->";
    private static final Pattern SPEC_ID = Pattern.compile("^- ([A-Z][A-Z0-9]*-\\d+) ", Pattern.MULTILINE);
    private static final Pattern ANNOTATION = Pattern.compile("@Requirement\\(\\s*(\\{[^}]*}|\"[^\"]*\")\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern TARGET = Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(|\\bclass\\s+(\\w+)");

    /** A test that cites requirements: {@code Class.method}, or {@code Class} for a class-level citation. */
    record Citation(String test, List<String> ids) {
    }

    private final Map<String, String> spec;
    private final Map<String, String> notBuilt;
    private final List<Citation> citations;

    private RequirementTrace(Map<String, String> spec, Map<String, String> notBuilt, List<Citation> citations) {
        this.spec = spec;
        this.notBuilt = notBuilt;
        this.citations = citations;
    }

    /** The trace of the checkout at {@code root}, against the spec file {@code requirements}. */
    static RequirementTrace read(Path root, Path requirements) {
        try {
            Map<String, String> spec = new LinkedHashMap<>();
            Matcher m = SPEC_ID.matcher(Files.readString(requirements));
            while (m.find()) {
                spec.put(m.group(1), m.group(1));
            }
            Map<String, String> notBuilt = new LinkedHashMap<>();
            for (String line : Files.readAllLines(root.resolve("docs/requirements-not-built.txt"))) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    String[] parts = t.split("\\s+", 2);
                    notBuilt.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            List<Citation> citations = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root, 12)) {
                for (Path f : files.filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/")
                        && p.toString().endsWith(".java")).sorted().toList()) {
                    citations.addAll(citationsIn(f));
                }
            }
            return new RequirementTrace(spec, notBuilt, citations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Citation> citationsIn(Path file) throws IOException {
        String source = Files.readString(file);
        String type = file.getFileName().toString().replace(".java", "");
        List<Citation> out = new ArrayList<>();
        Matcher a = ANNOTATION.matcher(source);
        while (a.find()) {
            List<String> ids = new ArrayList<>();
            Matcher q = QUOTED.matcher(a.group(1));
            while (q.find()) {
                ids.add(q.group(1));
            }
            Matcher t = TARGET.matcher(source);
            String test = type;
            if (t.find(a.end())) {
                test = t.group(1) != null ? type + "." + t.group(1) : t.group(2);
            }
            out.add(new Citation(test, List.copyOf(ids)));
        }
        return out;
    }

    /** The spec's requirement IDs, in its order. */
    List<String> ids() {
        return List.copyOf(spec.keySet());
    }

    /** Requirements listed as not built, with why. */
    Map<String, String> notBuilt() {
        return notBuilt;
    }

    /** Every citation found. */
    List<Citation> citations() {
        return citations;
    }

    /** The tests citing {@code id}. */
    List<String> testsOf(String id) {
        return citations.stream().filter(c -> c.ids().contains(id)).map(Citation::test).toList();
    }

    /** The README's coverage table: each requirement, built or not, and the test classes citing it. */
    String markdown() {
        StringBuilder out = new StringBuilder("| requirement | status | tests (class: count) |\n|---|---|---|\n");
        for (String id : spec.keySet()) {
            List<String> tests = testsOf(id);
            Map<String, Integer> byClass = new TreeMap<>();
            tests.forEach(t -> byClass.merge(t.contains(".") ? t.substring(0, t.indexOf('.')) : t, 1, Integer::sum));
            String status = notBuilt.containsKey(id) ? "not built: " + notBuilt.get(id) : "built";
            StringBuilder cited = new StringBuilder();
            byClass.forEach((c, n) -> cited.append(cited.length() == 0 ? "" : ", ").append(c).append(": ").append(n));
            out.append("| ").append(id).append(" | ").append(status).append(" | ").append(cited).append(" |\n");
        }
        return out.toString();
    }

    /** {@code readme} with its coverage table replaced by the current one. */
    String updateReadme(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no requirement-trace markers");
        }
        return readme.substring(0, start + START.length()) + "\n" + markdown() + readme.substring(end);
    }
}
