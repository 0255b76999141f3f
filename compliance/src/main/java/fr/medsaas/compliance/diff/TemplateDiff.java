package fr.medsaas.compliance.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two CloudFormation templates of one stack, resource by resource, offline. A changed
 * resource is replaced when a changed property is create-only in the resource schemas
 * ({@link ReplacementProperties}), when its type changed, or when a create-only property refers to
 * a resource that is itself replaced; a removed resource is deleted, or orphaned under a Retain
 * policy; a custom resource is "unknown". This reading is conservative: a create-only property
 * written differently but meaning the same (a token resolved another way) counts as a change.
 */
public final class TemplateDiff {
    /** Properties of a resource entry other than {@code Properties} that a deployment applies. */
    private static final List<String> ATTRIBUTES = List.of("DeletionPolicy", "UpdateReplacePolicy", "Condition",
            "DependsOn", "UpdatePolicy", "CreationPolicy");
    private static final Set<String> RETAIN = Set.of("Retain", "RetainExceptOnCreate");

    private TemplateDiff() {
    }

    /**
     * The changes that deploying {@code next} over {@code previous} makes to stack {@code stackName};
     * {@code previous} is empty when the stack does not exist yet (everything is added).
     */
    public static List<ResourceChange> compare(String stackName, Optional<JsonNode> previous, JsonNode next,
                                               ReplacementProperties spec) {
        Map<String, JsonNode> before = resources(previous.orElse(MissingNode.getInstance()));
        Map<String, JsonNode> after = resources(next);
        Map<String, ResourceChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : after.entrySet()) {
            JsonNode old = before.get(e.getKey());
            ResourceChange c = old == null ? added(stackName, e.getKey(), e.getValue(), spec)
                    : changed(stackName, e.getKey(), old, e.getValue(), spec);
            if (c != null) {
                changes.put(e.getKey(), c);
            }
        }
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changes.put(e.getKey(), removed(stackName, e.getKey(), e.getValue(), spec));
            }
        }
        pairRenames(changes);
        cascade(stackName, changes, after, spec);
        return List.copyOf(changes.values());
    }

    private static Map<String, JsonNode> resources(JsonNode template) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // CDK's own bookkeeping resource holds nothing and changes with every CDK version.
            if (!"AWS::CDK::Metadata".equals(e.getValue().path("Type").asText())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static ResourceChange added(String stack, String id, JsonNode r, ReplacementProperties spec) {
        String type = type(r);
        return new ResourceChange(stack, id, type, Effect.ADDED, List.of(), List.of(), StatefulTypes.kind(type, spec),
                Optional.empty());
    }

    private static ResourceChange removed(String stack, String id, JsonNode r, ReplacementProperties spec) {
        String type = type(r);
        String policy = r.path("DeletionPolicy").asText("Delete");
        boolean retained = RETAIN.contains(policy);
        List<String> causes = new ArrayList<>();
        if (retained) {
            causes.add("no longer in the template; DeletionPolicy " + policy + " keeps it, outside any stack");
        } else if ("Snapshot".equals(policy)) {
            causes.add("no longer in the template; DeletionPolicy Snapshot: a final snapshot, then deleted");
        } else {
            causes.add("no longer in the template; DeletionPolicy " + policy + ": deleted with its data");
        }
        Optional<String> keep = retained || "Snapshot".equals(policy) ? Optional.of(policy) : Optional.empty();
        return new ResourceChange(stack, id, type, retained ? Effect.ORPHANED : Effect.DELETED, List.of(), causes,
                StatefulTypes.kind(type, spec), keep);
    }

    /** The change of a resource present on both sides, or null when nothing changed. */
    private static ResourceChange changed(String stack, String id, JsonNode old, JsonNode now, ReplacementProperties spec) {
        String oldType = type(old);
        String type = type(now);
        Optional<String> kind = StatefulTypes.kind(type, spec).or(() -> StatefulTypes.kind(oldType, spec));
        Optional<String> keep = replacePolicy(now);
        if (!oldType.equals(type)) {
            return new ResourceChange(stack, id, type, Effect.REPLACED, List.of(),
                    List.of("type changed from " + oldType + " to " + type + ": a new resource, the old one "
                            + (keep.isPresent() ? "kept (UpdateReplacePolicy " + keep.get() + ")" : "deleted")),
                    kind, keep);
        }
        Set<String> names = new TreeSet<>();
        now.path("Properties").fieldNames().forEachRemaining(names::add);
        old.path("Properties").fieldNames().forEachRemaining(names::add);
        List<String> properties = new ArrayList<>();
        for (String name : names) {
            if (!old.path("Properties").path(name).equals(now.path("Properties").path(name))) {
                properties.add(name);
            }
        }
        List<String> attributes = new ArrayList<>();
        for (String a : ATTRIBUTES) {
            if (!old.path(a).equals(now.path(a))) {
                attributes.add(a);
            }
        }
        if (properties.isEmpty() && attributes.isEmpty()) {
            return null;
        }
        List<String> changedNames = new ArrayList<>(properties);
        changedNames.addAll(attributes);
        List<String> causes = new ArrayList<>();
        Effect effect = Effect.UPDATED;
        if (isCustom(type)) {
            effect = Effect.UNKNOWN;
            causes.add("a custom resource: its handler decides what an update does");
        } else if (!properties.isEmpty() && spec.of(type).isEmpty()) {
            // Absent types are those with no create-only property, or unknown to the specification.
            causes.add(type + " has no create-only property in " + spec.source());
        }
        for (String p : properties) {
            if (spec.replaces(type, p)) {
                effect = Effect.REPLACED;
                causes.add(p + " is create-only: changing it replaces the resource");
            } else if (spec.mayReplace(type, p)) {
                if (effect == Effect.UPDATED) {
                    effect = Effect.MAY_BE_REPLACED;
                }
                causes.add(p + " replaces the resource in some cases (the schema says it depends)");
            }
        }
        if (effect == Effect.REPLACED || effect == Effect.MAY_BE_REPLACED) {
            causes.add("the old one is " + (keep.isPresent() ? "kept (UpdateReplacePolicy " + keep.get() + ")" : "deleted"));
        }
        return new ResourceChange(stack, id, type, effect, changedNames, causes, kind,
                effect == Effect.UPDATED ? Optional.empty() : keep);
    }

    /** A removed and an added resource of the same type are most likely one resource whose logical ID changed. */
    private static void pairRenames(Map<String, ResourceChange> changes) {
        List<ResourceChange> removed = changes.values().stream()
                .filter(c -> c.effect() == Effect.DELETED || c.effect() == Effect.ORPHANED).toList();
        List<ResourceChange> added = changes.values().stream().filter(c -> c.effect() == Effect.ADDED).toList();
        for (ResourceChange r : removed) {
            List<String> twins = added.stream().filter(a -> a.type().equals(r.type())).map(ResourceChange::logicalId).toList();
            if (twins.isEmpty()) {
                continue;
            }
            changes.put(r.logicalId(), r.with(r.effect(), "a changed logical ID? " + String.join(", ", twins)
                    + " of the same type is added: CloudFormation makes a new resource, it does not move this one"));
            for (String twin : twins) {
                ResourceChange a = changes.get(twin);
                changes.put(twin, a.with(Effect.ADDED, "a changed logical ID? " + r.logicalId()
                        + " of the same type is removed: this one starts empty"));
            }
        }
    }

    /**
     * A create-only property that refers to a replaced resource (Ref, Fn::GetAtt) changes with it, so
     * the referring resource is replaced too; repeated until nothing more changes.
     */
    private static void cascade(String stackName, Map<String, ResourceChange> changes, Map<String, JsonNode> after,
                                ReplacementProperties spec) {
        boolean more = true;
        while (more) {
            more = false;
            Set<String> replaced = new LinkedHashSet<>();
            changes.values().stream().filter(c -> c.effect() == Effect.REPLACED).forEach(c -> replaced.add(c.logicalId()));
            for (Map.Entry<String, JsonNode> e : after.entrySet()) {
                ResourceChange current = changes.get(e.getKey());
                if (current != null && (current.effect() == Effect.REPLACED || current.effect() == Effect.ADDED)) {
                    continue;
                }
                String type = type(e.getValue());
                for (String p : spec.of(type).map(ReplacementProperties.TypeSpec::replaces).orElse(Set.of())) {
                    Optional<String> target = referenceTo(e.getValue().path("Properties").path(p), replaced);
                    if (target.isPresent()) {
                        String cause = p + " is create-only and refers to " + target.get() + ", which is replaced";
                        ResourceChange base = current != null ? current
                                : new ResourceChange(stackName, e.getKey(), type, Effect.UPDATED, List.of(),
                                List.of(), StatefulTypes.kind(type, spec), Optional.empty());
                        Optional<String> keep = replacePolicy(e.getValue());
                        ResourceChange r = base.with(Effect.REPLACED, cause);
                        changes.put(e.getKey(), new ResourceChange(r.stackName(), r.logicalId(), r.type(), r.effect(),
                                r.properties(), r.causes(), r.statefulKind(), keep));
                        more = true;
                        break;
                    }
                }
            }
        }
    }

    private static Optional<String> referenceTo(JsonNode value, Set<String> ids) {
        if (value.isObject()) {
            if (value.has("Ref") && ids.contains(value.path("Ref").asText())) {
                return Optional.of(value.path("Ref").asText());
            }
            JsonNode getAtt = value.path("Fn::GetAtt");
            if (getAtt.isArray() && ids.contains(getAtt.path(0).asText())) {
                return Optional.of(getAtt.path(0).asText());
            }
        }
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                Optional<String> found = referenceTo(child, ids);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> replacePolicy(JsonNode r) {
        String p = r.path("UpdateReplacePolicy").asText("Delete");
        return "Retain".equals(p) || "Snapshot".equals(p) ? Optional.of(p) : Optional.empty();
    }

    private static boolean isCustom(String type) {
        return type.startsWith("Custom::") || "AWS::CloudFormation::CustomResource".equals(type);
    }

    private static String type(JsonNode r) {
        return r.path("Type").asText();
    }
}
