package fr.medsaas.compliance.diff;

import java.util.List;
import java.util.Optional;

/**
 * One resource that a deployment would add, change or remove.
 *
 * @param stackName     the stack
 * @param logicalId     the resource's logical ID
 * @param type          its CloudFormation type (the new one when the type changed)
 * @param effect        what the deployment does to it
 * @param properties    the properties whose value changed (empty for added and removed resources)
 * @param causes        why, one sentence each: which property forces a replacement, a changed logical ID...
 * @param statefulKind  what it holds ("database", "bucket", ...), empty when it is not stateful
 * @param keepPolicy    the policy that would keep the old resource on this change ("Retain", "Snapshot", ...),
 *                      empty when it would be deleted
 */
public record ResourceChange(String stackName, String logicalId, String type, Effect effect, List<String> properties,
                             List<String> causes, Optional<String> statefulKind, Optional<String> keepPolicy) {
    /** Copies the lists. */
    public ResourceChange {
        properties = List.copyOf(properties);
        causes = List.copyOf(causes);
    }

    /** Whether it holds data. */
    public boolean stateful() {
        return statefulKind.isPresent();
    }

    /**
     * Whether the deploy guard stops on it: a stateful resource deleted, replaced (surely or maybe),
     * orphaned (it leaves the stack) or changed in a way nobody can predict.
     */
    public boolean endangersData() {
        return stateful() && effect != Effect.UPDATED && effect != Effect.ADDED;
    }

    /** A copy with another effect and one more cause. */
    ResourceChange with(Effect newEffect, String cause) {
        List<String> more = new java.util.ArrayList<>(causes);
        more.add(cause);
        return new ResourceChange(stackName, logicalId, type, newEffect, properties, more, statefulKind, keepPolicy);
    }
}
