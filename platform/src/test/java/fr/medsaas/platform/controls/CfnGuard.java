package fr.medsaas.platform.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Control Tower's proactive controls as published in the npm package
 * {@code @cdklabs/cdk-validator-cfnguard} (cfn-guard rules and the cfn-guard binary), fetched
 * once with {@code npm pack} into {@code .tools/} of the checkout, and run over templates.
 */
final class CfnGuard {
    static final String PACKAGE = "@cdklabs/cdk-validator-cfnguard";
    static final String VERSION = "0.0.62";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTROL_ID = Pattern.compile("\\[(CT\\.[A-Z0-9]+\\.PR\\.\\d+)]");
    private static final Pattern RESOURCE = Pattern.compile("/Resources/([A-Za-z0-9]+)");

    private final Path home;

    private CfnGuard(Path home) {
        this.home = home;
    }

    /** One failing control: its rule, its Control Tower id, and the resources it names, by stack. */
    record Failure(String rule, String controlId, Map<String, TreeSet<String>> resourcesByStack) {
    }

    /** The package, fetched when missing; empty (with the reason printed) when npm cannot fetch it. */
    static Optional<CfnGuard> locate(Path root) {
        Path dir = root.resolve(".tools").resolve("cdk-validator-cfnguard-" + VERSION);
        Path binary = dir.resolve("package/bin/ubuntu/x86_64/cfn-guard");
        try {
            if (!Files.isExecutable(binary)) {
                Files.createDirectories(dir);
                run(dir, 300, "npm", "pack", PACKAGE + "@" + VERSION);
                run(dir, 120, "tar", "xzf", "cdklabs-cdk-validator-cfnguard-" + VERSION + ".tgz");
            }
            return Files.isExecutable(binary) ? Optional.of(new CfnGuard(dir.resolve("package"))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            System.out.println("[controls] cannot fetch " + PACKAGE + "@" + VERSION + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String run(Path dir, int seconds, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The number of controls (rule files) in the package. */
    long controlCount() throws IOException {
        try (var files = Files.walk(home.resolve("rules/control-tower/cfn-guard"))) {
            return files.filter(f -> f.toString().endsWith(".guard")).count();
        }
    }

    /**
     * The template as a CloudFormation hook sees it at deploy time: a value another stack exports
     * ({@code Fn::ImportValue}, {@code Fn::GetStackOutput}) is resolved to a string by then, so
     * the controls judge the value, not the reference.
     */
    static JsonNode resolvedAsAtDeployTime(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1 && (node.has("Fn::ImportValue") || node.has("Fn::GetStackOutput"))) {
                return TextNode.valueOf("resolved-at-deploy-time:" + node.fieldNames().next());
            }
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolvedAsAtDeployTime(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(resolvedAsAtDeployTime(n)));
            return copy;
        }
        return node;
    }

    /** Runs every control over each template; the failures, by rule name. */
    Map<String, Failure> validate(Map<String, Path> templatesByStack, Path workDir) {
        Map<String, Failure> out = new TreeMap<>();
        try {
            for (Map.Entry<String, Path> t : templatesByStack.entrySet()) {
                Path resolved = workDir.resolve(t.getKey() + ".json");
                JSON.writeValue(resolved.toFile(), resolvedAsAtDeployTime(JSON.readTree(t.getValue().toFile())));
                String output = run(workDir, 300, home.resolve("bin/ubuntu/x86_64/cfn-guard").toString(), "validate",
                        "--rules", home.resolve("rules/control-tower/cfn-guard").toString(), "--data", resolved.toString(),
                        "--output-format", "json", "--show-summary", "none");
                try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(output)) {
                    while (it.hasNext()) {
                        for (JsonNode nc : it.next().path("not_compliant")) {
                            String rule = nc.path("Rule").path("name").asText();
                            String text = nc.toString();
                            Matcher id = CONTROL_ID.matcher(text);
                            Failure f = out.computeIfAbsent(rule, r -> new Failure(r, id.find() ? id.group(1) : "?",
                                    new TreeMap<>()));
                            Matcher m = RESOURCE.matcher(text);
                            TreeSet<String> resources = f.resourcesByStack().computeIfAbsent(t.getKey(), k -> new TreeSet<>());
                            while (m.find()) {
                                resources.add(m.group(1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Each failure in one line, for a message. */
    static String describe(Map<String, Failure> failures) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Failure> it = failures.values().iterator(); it.hasNext(); ) {
            Failure f = it.next();
            b.append("\n  ").append(f.controlId()).append(' ').append(f.rule()).append(": ").append(f.resourcesByStack());
        }
        return b.toString();
    }
}
