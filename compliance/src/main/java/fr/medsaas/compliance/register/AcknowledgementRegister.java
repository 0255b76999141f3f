package fr.medsaas.compliance.register;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register of acknowledged rule-pack findings ({@code docs/acknowledgements.md}), generated
 * from the {@code cdk_nag} metadata of the environments' assemblies: for each acknowledgement, its
 * stack, construct path, rule, reason, and the environments that carry it. Generated, never typed,
 * so that it cannot drift from the templates an auditor reads.
 */
public final class AcknowledgementRegister {
    private AcknowledgementRegister() {
    }

    /**
     * One acknowledgement, the same in every environment listed.
     *
     * @param stack        the stack's part ({@code Data} of {@code MedSaas-prod-Data})
     * @param path         the resource's construct path inside its stack ({@code Postgres/Resource/Resource})
     * @param rule         the rule or finding acknowledged
     * @param reason       why
     * @param environments the environments whose assembly carries it, in the order given
     */
    public record Entry(String stack, String path, String rule, String reason, List<String> environments) {
    }

    /** The entries of the environments' assemblies (environment name to assembly, in the order wanted). */
    public static List<Entry> entries(Map<String, CloudAssembly> assemblies) {
        Map<List<String>, List<String>> envsByKey = new LinkedHashMap<>();
        assemblies.forEach((env, assembly) -> {
            for (StackTemplate stack : assembly.stacks()) {
                String part = part(stack.stackName(), env);
                stack.resources().forEach((logicalId, resource) -> {
                    String path = path(resource, stack.stackName(), logicalId);
                    for (JsonNode rule : resource.path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                        List<String> key = List.of(part, path, rule.path("id").asText(), rule.path("reason").asText());
                        envsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(env);
                    }
                });
            }
        });
        List<Entry> out = new ArrayList<>();
        envsByKey.forEach((k, envs) -> out.add(new Entry(k.get(0), k.get(1), k.get(2), k.get(3),
                envs.stream().distinct().toList())));
        out.sort(Comparator.comparing(Entry::stack).thenComparing(Entry::path).thenComparing(Entry::rule)
                .thenComparing(Entry::reason));
        return out;
    }

    /** The register as Markdown: a title, how it is made, and one table row per entry. */
    public static String markdown(Map<String, CloudAssembly> assemblies) {
        List<Entry> entries = entries(assemblies);
        StringBuilder out = new StringBuilder()
                .append("# Acknowledged rule-pack findings\n\n")
                .append("Generated from the `cdk_nag` metadata of the ")
                .append(String.join(", ", assemblies.keySet()))
                .append(" assemblies (AcknowledgementRegisterTest keeps it in step; regenerate it with\n")
                .append("`mvn -q -o -pl platform -am test -Dtest=AcknowledgementRegisterTest -Dsurefire.failIfNoSpecifiedTests=false ")
                .append("-Dmedsaas.updateDocs=true`).\n")
                .append("Each finding is acknowledged next to its resource in the code (`Acknowledge.rule`), with the reason\n")
                .append("below; the templates carry the same reason in the resource's metadata. ")
                .append(entries.size()).append(" entries.\n\n")
                .append("| stack | construct path | rule | reason | environments |\n|---|---|---|---|---|\n");
        for (Entry e : entries) {
            out.append("| ").append(e.stack())
                    .append(" | `").append(e.path()).append('`')
                    .append(" | `").append(cell(e.rule())).append('`')
                    .append(" | ").append(cell(e.reason()))
                    .append(" | ").append(String.join(", ", e.environments()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String part(String stackName, String env) {
        String prefix = "MedSaas-" + env + "-";
        return stackName.startsWith(prefix) ? stackName.substring(prefix.length()) : stackName;
    }

    private static String path(JsonNode resource, String stackName, String logicalId) {
        String path = resource.path("Metadata").path("aws:cdk:path").asText("");
        if (path.isEmpty()) {
            return logicalId;
        }
        return path.startsWith(stackName + "/") ? path.substring(stackName.length() + 1) : path;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
