package fr.medsaas.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads and validates an environment's configuration before any CDK call. Every problem in
 * the file (types, unknown fields, missing fields, rules) is collected and thrown at once as a
 * {@link ConfigException}.
 */
public final class ConfigLoader {
    /** Refuses a key given twice in one mapping (CFG-2): otherwise the later value would silently win. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ConfigLoader() {
    }

    /** The file of a named environment under {@code configDir}, refusing an unknown name. */
    public static Path fileOf(Path configDir, String environment) {
        if (!EnvironmentConfig.KNOWN_ENVIRONMENTS.contains(environment)) {
            throw new ConfigException("--env " + environment, List.of(new Problem("env", environment,
                    "one of " + String.join(", ", EnvironmentConfig.KNOWN_ENVIRONMENTS))));
        }
        return configDir.resolve(environment + ".yaml");
    }

    /** Loads the named environment from {@code configDir/<env>.yaml}. */
    public static EnvironmentConfig loadEnvironment(Path configDir, String environment) {
        return load(fileOf(configDir, environment), environment);
    }

    /**
     * Loads one configuration file that must describe {@code environment} (CFG-2): a file whose
     * {@code name} says another environment is refused, not built under the wrong name.
     */
    public static EnvironmentConfig load(Path file, String environment) {
        fileOf(Path.of(""), environment);
        EnvironmentConfig config = load(file);
        if (!config.name().equals(environment)) {
            throw new ConfigException(file.toString(), List.of(new Problem("name", config.name(),
                    "the environment asked for with --env, " + environment + " (a file describes one environment)")));
        }
        return config;
    }

    /** Loads and validates one configuration file. */
    public static EnvironmentConfig load(Path file) {
        return parse(readFile(file, "configuration file"), file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * The text of a YAML file the user named; {@code what} says what it is in the message
     * ({@code configuration file}). Refuses, each with its own sentence, a file that does not
     * exist, a folder, and a file that cannot be read.
     */
    public static String readFile(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw ConfigException.unusableFile(file.toString(), what + " " + file + " is a folder, not a YAML file");
        }
        if (!Files.exists(file)) {
            throw ConfigException.unusableFile(file.toString(), what + " " + file + " does not exist");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.unusableFile(file.toString(), what + " " + file + " does not exist");
        } catch (IOException e) {
            throw ConfigException.unusableFile(file.toString(), what + " " + file + " cannot be read ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()) + ")");
        }
    }

    /**
     * The sentence for text that is not well-formed YAML ({@code what}: {@code configuration file}): the file, the line and column of the
     * problem (1-based, as an editor shows them), and what the parser expected.
     */
    public static String yamlSyntaxError(String what, String source, JsonProcessingException e) {
        // SnakeYAML's marks are 0-based; Jackson's location is where its parser stood (the end
        // of the last good token, often the line before), so the problem's own mark is used.
        Throwable cause = e.getCause();
        int line;
        int column;
        String expected;
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
            line = m.getProblemMark().getLine() + 1;
            column = m.getProblemMark().getColumn() + 1;
            expected = (m.getContext() == null ? "" : m.getContext() + ", ") + m.getProblem();
        } else {
            line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            expected = e.getOriginalMessage();
        }
        String at = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return what + " " + source + " is not valid YAML" + at + ": " + expected.strip().replaceAll("\\s+", " ");
    }

    /**
     * Parses and validates configuration text; {@code source} names it in messages. Relative
     * paths in it are resolved against the working folder.
     */
    public static EnvironmentConfig parse(String text, String source) {
        return parse(text, source, Path.of(""));
    }

    /**
     * Parses and validates configuration text; {@code source} names it in messages, and the
     * relative paths it holds (the media signing key) are resolved against {@code baseDir}, the
     * folder of the file, so that the configuration means the same from any working folder.
     */
    public static EnvironmentConfig parse(String text, String source, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
                String parent = e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                        ? p.getParsingContext().pathAsPointer().toString().replaceFirst("^/", "").replace('/', '.') : "";
                String field = parent.isEmpty() || parent.equals(key) || parent.endsWith("." + key) ? parent : parent + "." + key;
                throw new ConfigException(source, List.of(new Problem(field.isEmpty() ? key : field,
                        "key given twice" + where,
                        "each key once in a mapping (otherwise the later value would silently win)")));
            }
            throw ConfigException.unusableFile(source, yamlSyntaxError("configuration file", source, e));
        }
        RecordBinder binder = new RecordBinder(YAML);
        EnvironmentConfig config = binder.bindRecord(EnvironmentConfig.class, root, "");
        List<Problem> problems = new ArrayList<>(binder.problems());
        if (config != null && !binder.partial()) {
            config = resolvePaths(config, baseDir);
            problems.addAll(ConfigValidator.validate(config));
        } else if (config != null) {
            // Some values were refused and stood in for: still check the rules of the others, so
            // that the file's author sees every problem at once, not one round at a time.
            List<String> refused = problems.stream().map(Problem::field).toList();
            try {
                for (Problem p : ConfigValidator.validate(resolvePaths(config, baseDir))) {
                    if (refused.stream().noneMatch(f -> p.field().equals(f) || p.field().startsWith(f + ".")
                            || p.field().startsWith(f + "[") || f.startsWith(p.field() + "."))) {
                        problems.add(p);
                    }
                }
            } catch (RuntimeException e) {
                // A stand-in the rules cannot read: the binding problems are reported alone.
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** Makes the file paths of {@code config} absolute, against {@code baseDir}. */
    private static EnvironmentConfig resolvePaths(EnvironmentConfig config, Path baseDir) {
        String pem = config.media().signingPublicKeyPem();
        if (pem == null || pem.isBlank()) {
            return config;
        }
        Path resolved = baseDir.toAbsolutePath().resolve(pem).normalize();
        return config.withMedia(config.media().withSigningPublicKeyPem(resolved.toString()));
    }
}
