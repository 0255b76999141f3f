package fr.medsaas.sandbox.deploy;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.sandbox.SandboxDeployer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The deployment order of an assembly cut in two (DEP-1): the stacks that need no image, up to and
 * including the one that makes the repositories and the pipeline, then the stack whose services
 * pull the images and every stack that depends on it. As data, so that deploy, its dry run and
 * the emulator follow one order.
 *
 * @param beforeImages the stacks deployed before an image is pinned, in dependency order
 * @param withImages   the image consumer and the stacks depending on it, in dependency order
 */
public record StackStages(List<StackTemplate> beforeImages, List<StackTemplate> withImages) {
    public StackStages {
        beforeImages = List.copyOf(beforeImages);
        withImages = List.copyOf(withImages);
    }

    /**
     * Cuts {@code stacks} before the stack named {@code consumer}; refuses when the stack named
     * {@code producer} (the repositories) would come after it, or either is missing.
     */
    public static StackStages of(List<StackTemplate> stacks, String producer, String consumer) {
        List<StackTemplate> ordered = SandboxDeployer.dependencyOrder(stacks);
        Map<String, StackTemplate> byName = ordered.stream().collect(Collectors.toMap(StackTemplate::stackName,
                Function.identity()));
        if (!byName.containsKey(producer) || !byName.containsKey(consumer)) {
            throw new IllegalArgumentException("the assembly has no stack " + (byName.containsKey(producer) ? consumer : producer)
                    + " (stacks: " + String.join(", ", byName.keySet()) + ")");
        }
        Set<String> after = new HashSet<>(Set.of(byName.get(consumer).artifactId()));
        List<StackTemplate> before = new ArrayList<>();
        List<StackTemplate> with = new ArrayList<>();
        for (StackTemplate s : ordered) {
            // Dependency order: a stack's dependencies were classified before it.
            if (after.contains(s.artifactId()) || s.dependencies().stream().anyMatch(after::contains)) {
                after.add(s.artifactId());
                with.add(s);
            } else {
                before.add(s);
            }
        }
        if (with.stream().anyMatch(s -> s.stackName().equals(producer))) {
            throw new IllegalArgumentException(producer + " depends on " + consumer + ": its repositories could not hold "
                    + "an image before the services start");
        }
        return new StackStages(before, with);
    }

    /** The names of the stacks of the first stage. */
    public List<String> beforeImageNames() {
        return beforeImages.stream().map(StackTemplate::stackName).toList();
    }

    /** The names of the stacks of the second stage. */
    public List<String> withImageNames() {
        return withImages.stream().map(StackTemplate::stackName).toList();
    }
}
