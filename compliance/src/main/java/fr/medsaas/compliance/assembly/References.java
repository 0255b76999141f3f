package fr.medsaas.compliance.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The references between resources of one assembly, across stacks and regions: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::ImportValue} (through the exporting stack's outputs),
 * {@code Fn::GetStackOutput} (cross-region hand-over) and ARNs or names written as text
 * ({@code arn:...:s3:::NAME}, {@code :backup-vault:NAME}, {@code .dkr.ecr...amazonaws.com/NAME}).
 */
public final class References {
    private final CloudAssembly assembly;
    private final Map<String, ResourceId> exports = new HashMap<>();
    private final Map<String, ResourceId> byPhysicalName = new HashMap<>();

    /** Indexes the exports, outputs and physical names of {@code assembly}. */
    public References(CloudAssembly assembly) {
        this.assembly = assembly;
        for (StackTemplate s : assembly.stacks()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.template().path("Outputs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> o = it.next();
                String name = o.getValue().path("Export").path("Name").asText("");
                targetOf(s.stackName(), o.getValue().path("Value")).ifPresent(t -> {
                    if (!name.isEmpty()) {
                        exports.put(name, t);
                    }
                });
            }
            s.resources().forEach((id, r) -> {
                for (String key : List.of("BucketName", "BackupVaultName", "RepositoryName", "TopicName")) {
                    JsonNode v = r.path("Properties").path(key);
                    if (v.isTextual()) {
                        byPhysicalName.put(key + ":" + v.asText(), new ResourceId(s.stackName(), id));
                    }
                }
            });
        }
    }

    /** The resource JSON of {@code id}, or a missing node. */
    public JsonNode resource(ResourceId id) {
        return assembly.stacks().stream().filter(s -> s.stackName().equals(id.stackName())).findFirst()
                .map(s -> s.template().path("Resources").path(id.logicalId()))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The CloudFormation type of {@code id}, or an empty string. */
    public String type(ResourceId id) {
        return resource(id).path("Type").asText("");
    }

    /** Every resource {@code node} (a part of the template of {@code stackName}) refers to, in order. */
    public Set<ResourceId> in(String stackName, JsonNode node) {
        Set<ResourceId> out = new LinkedHashSet<>();
        collect(stackName, node, out);
        return out;
    }

    /** Every resource the properties of {@code id} refer to. */
    public Set<ResourceId> of(ResourceId id) {
        return in(id.stackName(), resource(id).path("Properties"));
    }

    private void collect(String stack, JsonNode node, Set<ResourceId> out) {
        if (node.isObject()) {
            Optional<ResourceId> direct = targetOf(stack, node);
            if (direct.isPresent()) {
                out.add(direct.get());
                return;
            }
            node.elements().forEachRemaining(child -> collect(stack, child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(stack, child, out));
        } else if (node.isTextual()) {
            byText(node.asText()).ifPresent(out::add);
        }
    }

    private Optional<ResourceId> targetOf(String stack, JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return Optional.empty();
        }
        if (node.has("Ref")) {
            String ref = node.get("Ref").asText();
            return ref.startsWith("AWS::") ? Optional.empty() : Optional.of(new ResourceId(stack, ref));
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode a = node.get("Fn::GetAtt");
            String logical = a.isArray() ? a.path(0).asText() : a.asText().split("\\.")[0];
            return Optional.of(new ResourceId(stack, logical));
        }
        if (node.has("Fn::ImportValue")) {
            return Optional.ofNullable(exports.get(node.get("Fn::ImportValue").asText()));
        }
        if (node.has("Fn::GetStackOutput")) {
            JsonNode g = node.get("Fn::GetStackOutput");
            String other = g.path("StackName").asText();
            return assembly.stacks().stream().filter(s -> s.stackName().equals(other)).findFirst()
                    .flatMap(s -> targetOf(other, s.template().path("Outputs").path(g.path("OutputName").asText()).path("Value")));
        }
        if (node.has("Fn::Join")) {
            JsonNode parts = node.get("Fn::Join").path(1);
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append(p.isTextual() ? p.asText() : "\u0000"));
            return byText(text.toString());
        }
        return Optional.empty();
    }

    /** A resource named in an ARN or URI written as text. */
    private Optional<ResourceId> byText(String text) {
        String[][] patterns = {
            {":s3:::", "BucketName"}, {":backup-vault:", "BackupVaultName"}, {".amazonaws.com/", "RepositoryName"},
            {"\u0000/", "RepositoryName"}, {":sns:", "TopicName"}};
        for (String[] p : patterns) {
            int at = text.indexOf(p[0]);
            if (at < 0) {
                continue;
            }
            String rest = text.substring(at + p[0].length());
            if (p[1].equals("TopicName")) {
                rest = rest.substring(rest.lastIndexOf(':') + 1);
            }
            String[] pieces = rest.split("[/:\u0000]");
            if (pieces.length == 0 || pieces[0].isEmpty()) {
                continue; // the name is not written as text here (a reference, or nothing after the marker)
            }
            String name = pieces[0];
            ResourceId id = byPhysicalName.get(p[1] + ":" + name);
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Every resource of the assembly, by id, with its type. */
    public List<ResourceId> all() {
        List<ResourceId> out = new ArrayList<>();
        for (StackTemplate s : assembly.stacks()) {
            s.resources().keySet().forEach(id -> out.add(new ResourceId(s.stackName(), id)));
        }
        return out;
    }
}
