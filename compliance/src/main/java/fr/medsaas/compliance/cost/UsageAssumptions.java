package fr.medsaas.compliance.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.medsaas.config.ConfigException;
import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage a monthly estimate assumes (GB stored, requests, log volume): the shipped
 * {@code usage.yaml}, with the keys of a user's file laid over it, as infracost's usage file.
 *
 * @param values every assumption by key
 * @param source where the overrides came from, or {@code shipped}
 */
public record UsageAssumptions(Map<String, Double> values, String source) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The shipped assumptions. */
    public static UsageAssumptions shipped() {
        try (InputStream in = UsageAssumptions.class.getResourceAsStream("usage.yaml")) {
            return new UsageAssumptions(read(YAML.readTree(in), "usage.yaml", null), "shipped usage.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped usage assumptions", e);
        }
    }

    /**
     * The shipped assumptions with those of {@code file} laid over them; refuses, with every
     * problem at once, a key the shipped file does not have and a value that is not a number >= 0.
     */
    public static UsageAssumptions withOverrides(Path file) {
        UsageAssumptions base = shipped();
        String text = ConfigLoader.readFile(file, "usage file");
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ConfigException.unusableFile(file.toString(), ConfigLoader.yamlSyntaxError("usage file", file.toString(), e));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Double> merged = new LinkedHashMap<>(base.values());
        merged.putAll(read(root, file.toString(), base.values()));
        return new UsageAssumptions(Map.copyOf(merged), file.toString());
    }

    private static Map<String, Double> read(JsonNode root, String source, Map<String, Double> known) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Double> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            throw new ConfigException(source, List.of(new Problem("(file)", root.toString(), "a YAML map of usage keys to numbers")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (known != null && !known.containsKey(e.getKey())) {
                problems.add(new Problem(e.getKey(), e.getValue().asText(), "a known usage key: one of " + String.join(", ", known.keySet().stream().sorted().toList())));
            } else if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                problems.add(new Problem(e.getKey(), e.getValue().asText(), "a number, 0 or more"));
            } else {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return out;
    }

    /** The assumption named {@code key}; every key the estimator reads is in the shipped file. */
    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("usage.yaml has no key " + key);
        }
        return v;
    }
}
