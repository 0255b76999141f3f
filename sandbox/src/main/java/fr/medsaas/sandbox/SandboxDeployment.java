package fr.medsaas.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of deploying an assembly to the emulator: one entry per stack tried, in dependency
 * order, and the stacks not tried because an earlier one failed.
 *
 * @param endpoint   the emulator's address
 * @param stacks     the stacks tried, in order; only the last may have failed
 * @param notTried   stacks not tried after a failure
 * @param elapsed    wall time of the whole deployment
 */
public record SandboxDeployment(URI endpoint, List<StackDeployment> stacks, List<String> notTried, Duration elapsed) {
    public SandboxDeployment {
        stacks = List.copyOf(stacks);
        notTried = List.copyOf(notTried);
    }

    /** Whether every stack reached {@code CREATE_COMPLETE}. */
    public boolean succeeded() {
        return notTried.isEmpty() && stacks.stream().allMatch(StackDeployment::succeeded);
    }

    /** The stack that failed, if one did. */
    public Optional<StackDeployment> failure() {
        return stacks.stream().filter(s -> !s.succeeded()).findFirst();
    }

    /** One stack by name, or by the end of its name ({@code Network} finds {@code MedSaas-dev-Network}). */
    public StackDeployment stack(String nameOrPart) {
        return stacks.stream()
                .filter(s -> s.stackName().equals(nameOrPart) || s.stackName().endsWith("-" + nameOrPart))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack " + nameOrPart + " was deployed"));
    }

    /** Resources created over every stack. */
    public int resourcesCreated() {
        return stacks.stream().mapToInt(StackDeployment::resourcesCreated).sum();
    }

    /** Resources left out over every stack. */
    public int resourcesLeftOut() {
        return stacks.stream().mapToInt(s -> s.leftOut().size()).sum();
    }

    /** Placeholders over every stack. */
    public int placeholders() {
        return stacks.stream().mapToInt(s -> s.placeholders().size()).sum();
    }
}
