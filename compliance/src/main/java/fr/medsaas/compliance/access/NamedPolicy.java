package fr.medsaas.compliance.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A policy document with the name a decision reports it by (for a template's policy, its logical ID
 * and, when the template holds several documents, which one: {@code MedSaasDeployPolicy1A2B3C4D}).
 */
public record NamedPolicy(String name, JsonNode document) {
    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
