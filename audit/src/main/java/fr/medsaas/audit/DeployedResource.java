package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource of a deployed stack, read from CloudFormation: physical ID from the stack's
 * resources, construct path and properties from the deployed template.
 *
 * @param properties the template's {@code Properties} (a missing node when none)
 */
public record DeployedResource(String stackName, String region, String logicalId, String physicalId, String type,
                               String constructPath, JsonNode properties) {
    /** True when the template tags it {@code key=value}. */
    public boolean taggedInTemplate(String key, String value) {
        for (JsonNode t : properties.path("Tags")) {
            if (key.equals(t.path("Key").asText()) && value.equals(t.path("Value").asText())) {
                return true;
            }
        }
        return key.equals("DataType") && value.equals(properties.path("Tags").path(key).asText(null));
    }

    /** True for a store of health data (DB-9: {@code DataType=medical-sensitive}). */
    public boolean healthData() {
        return taggedInTemplate("DataType", "medical-sensitive");
    }
}
