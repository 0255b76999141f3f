package fr.medsaas.compliance.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One stack of a cloud assembly: its name, region and CloudFormation template as JSON.
 *
 * @param artifactId   the artifact's id in the manifest
 * @param stackName    the CloudFormation stack name
 * @param region       the stack's region, from its environment ({@code aws://account/region})
 * @param templateFile the template's file name inside the assembly
 * @param dependencies the artifact ids this stack depends on (stacks only)
 * @param template     the template
 */
public record StackTemplate(String artifactId, String stackName, String region, String templateFile,
                            List<String> dependencies, JsonNode template) {

    /** How many resources the template declares. */
    public int resourceCount() {
        JsonNode resources = template.path("Resources");
        return resources.isObject() ? resources.size() : 0;
    }

    /** The resources, by logical id, in template order. */
    public Map<String, JsonNode> resources() {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Logical ids of the resources of one CloudFormation type. */
    public List<String> logicalIdsOfType(String type) {
        List<String> out = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.path("Type").asText())) {
                out.add(id);
            }
        });
        return out;
    }
}
