package fr.medsaas.compliance.check;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of one template, with the stack it belongs to.
 *
 * @param stack     the stack (its region may be unknown for a lone template)
 * @param logicalId the logical id
 * @param type      the CloudFormation type
 * @param node      the resource's JSON
 */
public record Resource(StackTemplate stack, String logicalId, String type, JsonNode node) {

    /** The resource's {@code Properties} (a missing node when it has none). */
    public JsonNode properties() {
        return node.path("Properties");
    }

    /** One property. */
    public JsonNode property(String name) {
        return properties().path(name);
    }

    /** The construct path CDK recorded ({@code aws:cdk:path}), or {@code stack/logicalId}. */
    public String constructPath() {
        String path = node.path("Metadata").path("aws:cdk:path").asText("");
        return path.isEmpty() ? stack.stackName() + "/" + logicalId : path;
    }

    /** The stack's region, when known. */
    public Optional<String> region() {
        return Optional.ofNullable(stack.region()).filter(r -> !r.isBlank() && !r.startsWith("unknown"));
    }

    /**
     * Literal tags, where the store catalogue says the type keeps them ({@code Tags},
     * {@code FileSystemTags}, {@code BackupVaultTags}, each replica's {@code Tags}); as a list of
     * Key/Value, or as a map for SSM-style types.
     */
    public Map<String, String> tags() {
        Map<String, String> out = new LinkedHashMap<>();
        String path = fr.medsaas.compliance.stores.StoreCatalogue.of(type).map(t -> t.tags()).filter(t -> !t.isEmpty())
                .orElse("Tags");
        for (JsonNode tags : fr.medsaas.compliance.stores.JsonPaths.all(properties(), path)) {
            if (tags.isArray()) {
                tags.forEach(t -> out.putIfAbsent(t.path("Key").asText(), t.path("Value").asText()));
            } else if (tags.isObject()) {
                tags.fields().forEachRemaining(e -> out.putIfAbsent(e.getKey(), e.getValue().asText()));
            }
        }
        return out;
    }

    /** The reason of an acknowledgement of {@code ruleId} in this resource's {@code cdk_nag} metadata. */
    public Optional<String> acknowledgement(String ruleId) {
        for (JsonNode rule : node.path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
            String id = rule.path("id").asText();
            if (id.equals(ruleId) || id.startsWith(ruleId + "[")) {
                return Optional.of(rule.path("reason").asText(""));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** {@code stack/logicalId}, for messages. */
    public String describe() {
        return stack.stackName() + "/" + logicalId + " (" + type + ")";
    }
}
