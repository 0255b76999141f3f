package fr.medsaas.compliance.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule packs' results as CDK writes them into the assembly ({@code validation-report.json}):
 * open findings and acknowledged ones, with their reasons. Plain JSON, no CDK.
 */
public final class ValidationReport {
    /** The file CDK policy validation writes at the assembly's root. */
    public static final String FILE = "validation-report.json";

    private final List<String> plugins;
    private final List<Finding> findings;

    private ValidationReport(List<String> plugins, List<Finding> findings) {
        this.plugins = List.copyOf(plugins);
        this.findings = List.copyOf(findings);
    }

    /** Reads the report of an assembly folder; empty when no plugin ran. */
    public static java.util.Optional<ValidationReport> readFrom(Path assemblyDir) {
        Path file = assemblyDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(parse(new ObjectMapper().readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses the report's JSON. */
    public static ValidationReport parse(JsonNode root) {
        List<String> plugins = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (JsonNode plugin : root.path("pluginReports")) {
            String name = plugin.path("pluginName").asText();
            plugins.add(name);
            collect(name, plugin.path("violations"), false, findings);
            collect(name, plugin.path("suppressedViolations"), true, findings);
        }
        // A pack may report the same finding on the same construct twice; one is enough.
        return new ValidationReport(plugins, findings.stream().distinct().toList());
    }

    private static void collect(String plugin, JsonNode violations, boolean acknowledged, List<Finding> out) {
        for (JsonNode v : violations) {
            String reason = acknowledged ? v.path("reason").asText(null) : null;
            for (JsonNode c : v.path("violatingConstructs")) {
                out.add(new Finding(plugin, v.path("ruleName").asText(), v.path("severity").asText(),
                        v.path("description").asText(), c.path("constructPath").asText(), acknowledged, reason));
            }
        }
    }

    /** The plugins that ran. */
    public List<String> plugins() {
        return plugins;
    }

    /** Every finding, open or acknowledged, one per construct. */
    public List<Finding> findings() {
        return findings;
    }

    /** Errors nobody acknowledged: any one fails synthesis. */
    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    /** Findings acknowledged in code, with their reasons. */
    public List<Finding> acknowledged() {
        return findings.stream().filter(Finding::acknowledged).toList();
    }

    /** Warnings nobody acknowledged: printed, not blocking. */
    public List<Finding> openWarnings() {
        return findings.stream().filter(f -> !f.acknowledged() && !f.blocking()).toList();
    }
}
