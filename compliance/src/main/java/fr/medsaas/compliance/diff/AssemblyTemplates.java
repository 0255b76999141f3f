package fr.medsaas.compliance.diff;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The templates of an earlier cloud assembly folder, by stack name. */
public final class AssemblyTemplates implements PreviousTemplates {
    private final Path directory;
    private final Map<String, JsonNode> byName = new LinkedHashMap<>();

    private AssemblyTemplates(Path directory, CloudAssembly assembly) {
        this.directory = directory;
        for (StackTemplate s : assembly.stacks()) {
            byName.put(s.stackName(), s.template());
        }
    }

    /** Reads the assembly in {@code directory}; refuses a folder with no {@code manifest.json}. */
    public static AssemblyTemplates read(Path directory) {
        if (!CloudAssembly.exists(directory)) {
            throw new IllegalArgumentException(directory + " is not a cloud assembly (no manifest.json in it); "
                    + "give the folder that synth wrote (--out, default cdk.out)");
        }
        return new AssemblyTemplates(directory, CloudAssembly.read(directory));
    }

    @Override
    public Optional<JsonNode> template(String stackName, String region) {
        return Optional.ofNullable(byName.get(stackName));
    }

    @Override
    public Map<String, JsonNode> stacksNotIn(Set<String> names) {
        Map<String, JsonNode> out = new LinkedHashMap<>(byName);
        out.keySet().removeAll(names);
        return out;
    }

    @Override
    public String describe() {
        return "the assembly in " + directory;
    }
}
