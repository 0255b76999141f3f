package fr.medsaas.compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import fr.medsaas.compliance.stores.JsonPaths;
import fr.medsaas.compliance.stores.StoreCatalogue;
import fr.medsaas.compliance.stores.StoreType;

/** What the rules share: which types store data, which hold health data, and with which key. */
public final class Stores {
    /** The tag that marks health data (RGPD art. 9, DB-9). */
    public static final String DATA_TYPE = "DataType";
    /** Its value on health data. */
    public static final String HEALTH = "medical-sensitive";

    /** Types that hold data or logs, with keys and log destinations: residency applies to each (the catalogue's rows). */
    public static final Set<String> TYPES = StoreCatalogue.rows().stream().map(StoreType::type)
            .collect(Collectors.toUnmodifiableSet());

    /** Databases, caches and file systems: stores of data by nature (not logs, not keys). */
    public static final Set<String> DATABASES = StoreCatalogue.rows().stream().filter(t -> t.kind().database())
            .map(StoreType::type).collect(Collectors.toUnmodifiableSet());

    private Stores() {
    }

    /** Whether the resource is tagged as health data. */
    public static boolean isHealthData(Resource r) {
        return HEALTH.equals(r.tags().get(DATA_TYPE));
    }

    /** Every store tagged as health data (keys excluded: they hold none). */
    public static List<Resource> healthData(ResourceGraph g) {
        return g.resources().stream()
                .filter(r -> TYPES.contains(r.type()) && !r.type().startsWith("AWS::KMS::") && isHealthData(r))
                .toList();
    }

    /**
     * The customer-managed key a store is encrypted with, as the template names it; empty when it
     * is unencrypted or under an AWS-owned or AWS-managed key.
     */
    public static Optional<JsonNode> customerKey(Resource r) {
        Optional<StoreType.Encryption> enc = StoreCatalogue.of(r.type()).flatMap(StoreType::encryption);
        if (enc.isEmpty() || enc.get().key().isEmpty()) {
            return Optional.empty();
        }
        if (!enc.get().when().isEmpty() && !JsonPaths.holds(r.properties(), enc.get().when())) {
            return Optional.empty();
        }
        return customer(JsonPaths.first(r.properties(), enc.get().key()));
    }

    /** {@code key} when it names a customer-managed key: not missing, not blank, not an {@code alias/aws/} key. */
    public static Optional<JsonNode> customer(JsonNode key) {
        if (key == null || key.isMissingNode() || key.isNull()) {
            return Optional.empty();
        }
        if (key.isTextual() && (key.asText().contains("alias/aws/") || key.asText().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** What protects a store when it names no key of ours, for messages. */
    public static String withoutCustomerKey(Resource r) {
        return StoreCatalogue.of(r.type()).flatMap(StoreType::encryption)
                .map(e -> !e.when().isEmpty() && JsonPaths.holds(r.properties(), e.when()) ? "AWS-managed key"
                        : e.otherwise().label())
                .orElse("encryption unknown");
    }

    /** {@code true} for a Boolean written as a boolean or as {@code "true"}. */
    public static boolean isTrue(JsonNode n) {
        return n.asBoolean(false) || "true".equalsIgnoreCase(n.asText());
    }
}
