package fr.medsaas.compliance.diff;

import fr.medsaas.config.Plural;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What deploying a cloud assembly would change, over every stack, compared with earlier templates:
 * the stateful resources at risk first, then the rest; optionally with CloudFormation's change sets.
 *
 * @param against    what the assembly was compared with
 * @param spec       the create-only properties used
 * @param changes    every change, the stateful resources at risk first
 * @param newStacks  stacks the source does not have (everything in them is added)
 * @param changeSets CloudFormation's answer, when change sets were made
 * @param notes      what the reading could not do (a change set refused, ...)
 */
public record AssemblyDiff(String against, ReplacementProperties spec, List<ResourceChange> changes,
                           List<String> newStacks, List<ChangeSetEntry> changeSets, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Comparator<ResourceChange> ORDER = Comparator
            .comparing((ResourceChange c) -> !c.endangersData())
            .thenComparing(c -> !c.stateful())
            .thenComparing(ResourceChange::effect)
            .thenComparing(ResourceChange::stackName)
            .thenComparing(ResourceChange::logicalId);

    /** Copies and orders. */
    public AssemblyDiff {
        changes = changes.stream().sorted(ORDER).toList();
        newStacks = List.copyOf(newStacks);
        changeSets = List.copyOf(changeSets);
        notes = List.copyOf(notes);
    }

    /** Compares every stack of {@code next} with {@code previous}, offline. */
    public static AssemblyDiff compare(CloudAssembly next, PreviousTemplates previous, ReplacementProperties spec) {
        return compare(next.stacks(), previous, spec);
    }

    /** Compares every stack of {@code next} with {@code previous}, offline. */
    public static AssemblyDiff compare(List<StackTemplate> next, PreviousTemplates previous, ReplacementProperties spec) {
        List<ResourceChange> changes = new ArrayList<>();
        List<String> newStacks = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (StackTemplate s : next) {
            names.add(s.stackName());
            Optional<JsonNode> old = previous.template(s.stackName(), s.region());
            if (old.isEmpty()) {
                newStacks.add(s.stackName());
            }
            changes.addAll(TemplateDiff.compare(s.stackName(), old, s.template(), spec));
        }
        for (Map.Entry<String, JsonNode> gone : previous.stacksNotIn(names).entrySet()) {
            changes.addAll(TemplateDiff.compare(gone.getKey(), Optional.of(gone.getValue()),
                    JSON.createObjectNode(), spec));
        }
        return new AssemblyDiff(previous.describe(), spec, changes, newStacks, List.of(), List.of());
    }

    /**
     * This diff with CloudFormation's change sets for every stack that exists already; a stack whose
     * change set cannot be made keeps the offline reading, with a note saying why.
     */
    public AssemblyDiff withChangeSets(List<StackTemplate> next, ChangeSets changeSetsSource) {
        List<ChangeSetEntry> entries = new ArrayList<>();
        List<String> more = new ArrayList<>(notes);
        for (StackTemplate s : next) {
            if (newStacks.contains(s.stackName())) {
                continue;
            }
            try {
                entries.addAll(changeSetsSource.preview(s.stackName(), s.region(), s.template()));
            } catch (UnsupportedOperationException e) {
                more.add("no change set for " + s.stackName() + ": " + e.getMessage() + "; the offline reading stands");
            }
        }
        return new AssemblyDiff(against, spec, changes, newStacks, entries, more);
    }

    /** The stateful resources that the change deletes, replaces, orphans or changes unpredictably. */
    public List<ResourceChange> atRisk() {
        List<ResourceChange> out = new ArrayList<>(changes.stream().filter(ResourceChange::endangersData).toList());
        // CloudFormation's answer adds what the offline reading missed.
        for (ChangeSetEntry e : changeSets) {
            boolean known = out.stream().anyMatch(c -> c.stackName().equals(e.stackName()) && c.logicalId().equals(e.logicalId()));
            if (!known && e.deletesOrReplaces()) {
                changes.stream().filter(c -> c.stackName().equals(e.stackName()) && c.logicalId().equals(e.logicalId())
                        && c.stateful()).findFirst().ifPresent(c -> out.add(c.with(
                        "Remove".equals(e.action()) ? Effect.DELETED : Effect.REPLACED,
                        "CloudFormation's change set says Replacement " + e.replacement())));
            }
        }
        return out;
    }

    /** How many changes have each effect. */
    public Map<Effect, Integer> counts() {
        Map<Effect, Integer> out = new EnumMap<>(Effect.class);
        changes.forEach(c -> out.merge(c.effect(), 1, Integer::sum));
        return out;
    }

    /** Prints the diff as text: the stateful resources at risk first and loud, then the rest. */
    public void printText(PrintWriter w) {
        w.printf(Locale.ROOT, "compared with %s; create-only properties from %s (extracted %s)%n", against,
                spec.source(), spec.extracted());
        newStacks.forEach(s -> w.printf(Locale.ROOT, "new stack %s: everything in it is added%n", s));
        List<ResourceChange> risk = atRisk();
        if (risk.isEmpty()) {
            w.println("stateful resources at risk: none");
        } else {
            w.printf(Locale.ROOT, "!!! STATEFUL RESOURCES AT RISK (%d): deleted, replaced or leaving their stack%n", risk.size());
            risk.forEach(c -> printChange(w, c, "!!! "));
        }
        List<ResourceChange> rest = changes.stream().filter(c -> risk.stream().noneMatch(r ->
                r.stackName().equals(c.stackName()) && r.logicalId().equals(c.logicalId()))).toList();
        w.printf(Locale.ROOT, "other changes (%d):%n", rest.size());
        rest.forEach(c -> printChange(w, c, "    "));
        if (!changeSets.isEmpty()) {
            w.println("CloudFormation change sets (authoritative; created, described and deleted, never executed):");
            changeSets.forEach(e -> w.printf(Locale.ROOT, "    %-8s %-28s %-50s %-36s replacement %s%n", e.action(),
                    e.stackName(), e.logicalId(), e.type(), e.replacement().isEmpty() ? "-" : e.replacement()));
        }
        notes.forEach(n -> w.println("note: " + n));
        StringBuilder summary = new StringBuilder();
        counts().forEach((effect, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ').append(effect.label()));
        w.printf(Locale.ROOT, "%s (%s); %d stateful at risk%n", Plural.of(changes.size(), "change"),
                summary.length() == 0 ? "none" : summary, risk.size());
        if (changeSets.isEmpty()) {
            w.println("this offline reading is conservative: a create-only property written differently but meaning the same "
                    + "counts as a replacement; a change set (--deployed, against AWS) is the authoritative answer");
        }
        w.flush();
    }

    private static void printChange(PrintWriter w, ResourceChange c, String mark) {
        w.printf(Locale.ROOT, "%s%-16s %-28s %s %s%s%n", mark, c.effect().label().toUpperCase(Locale.ROOT), c.stackName(),
                c.logicalId(), c.type(), c.statefulKind().map(k -> " (" + k + ")").orElse(""));
        if (!c.properties().isEmpty()) {
            w.printf(Locale.ROOT, "        changed: %s%n", String.join(", ", c.properties()));
        }
        c.causes().forEach(cause -> w.printf(Locale.ROOT, "        %s%n", cause));
    }

    /** The diff as JSON, for machines. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("against", against);
        root.putObject("createOnlyProperties").put("source", spec.source()).put("extracted", spec.extracted());
        newStacks.forEach(root.putArray("newStacks")::add);
        ArrayNode risk = root.putArray("statefulAtRisk");
        atRisk().forEach(c -> risk.add(json(c)));
        ArrayNode all = root.putArray("changes");
        changes.forEach(c -> all.add(json(c)));
        ArrayNode sets = root.putArray("changeSets");
        changeSets.forEach(e -> sets.add(JSON.valueToTree(e)));
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        ObjectNode counts = root.putObject("counts");
        counts().forEach((effect, k) -> counts.put(effect.name(), k));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }

    private static ObjectNode json(ResourceChange c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("stack", c.stackName()).put("logicalId", c.logicalId()).put("type", c.type())
                .put("effect", c.effect().name()).put("stateful", c.stateful());
        c.statefulKind().ifPresent(k -> o.put("holds", k));
        c.keepPolicy().ifPresent(k -> o.put("keptBy", k));
        c.properties().forEach(o.putArray("changedProperties")::add);
        c.causes().forEach(o.putArray("causes")::add);
        return o;
    }
}
