package fr.medsaas.compliance.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A synthesized cloud assembly read as plain JSON: its stacks in deployment order, their
 * templates, and the rule packs' report. What reads templates (checks, report, diagram, cost)
 * starts here, with no CDK call.
 */
public final class CloudAssembly {
    private final Path directory;
    private final List<StackTemplate> stacks;

    private CloudAssembly(Path directory, List<StackTemplate> stacks) {
        this.directory = directory;
        this.stacks = List.copyOf(stacks);
    }

    /** Reads the assembly in {@code directory} ({@code manifest.json} and the templates it names). */
    public static CloudAssembly read(Path directory) {
        Path manifest = directory.resolve("manifest.json");
        try {
            JsonNode root = JsonTree.read(manifest);
            List<StackTemplate> stacks = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("artifacts").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode artifact = e.getValue();
                if (!"aws:cloudformation:stack".equals(artifact.path("type").asText())) {
                    continue;
                }
                String env = artifact.path("environment").asText();
                String region = env.substring(env.lastIndexOf('/') + 1);
                JsonNode props = artifact.path("properties");
                String templateFile = props.path("templateFile").asText();
                List<String> deps = new ArrayList<>();
                artifact.path("dependencies").forEach(d -> deps.add(d.asText()));
                stacks.add(new StackTemplate(e.getKey(), props.path("stackName").asText(e.getKey()), region,
                        templateFile, deps, JsonTree.read(directory.resolve(templateFile))));
            }
            return new CloudAssembly(directory, stacks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cloud assembly in " + directory, e);
        }
    }

    /** The same assembly, read before its folder was moved to {@code directory}: nothing is read again. */
    public CloudAssembly movedTo(Path directory) {
        return new CloudAssembly(directory, stacks);
    }

    /** The assembly's folder. */
    public Path directory() {
        return directory;
    }

    /** The stacks, in the manifest's order (dependencies first). */
    public List<StackTemplate> stacks() {
        return stacks;
    }

    /** The stack whose name ends with {@code -<part>}, e.g. {@code Network}. */
    public Optional<StackTemplate> stack(String part) {
        return stacks.stream().filter(s -> s.stackName().endsWith("-" + part)).findFirst();
    }

    /** The rule packs' report, when packs ran. */
    public Optional<ValidationReport> validationReport() {
        return ValidationReport.readFrom(directory);
    }

    /** Total resources over every stack. */
    public int resourceCount() {
        return stacks.stream().mapToInt(StackTemplate::resourceCount).sum();
    }

    /** Whether {@code directory} holds an assembly. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve("manifest.json"));
    }
}
