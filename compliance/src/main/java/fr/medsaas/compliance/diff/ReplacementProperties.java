package fr.medsaas.compliance.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which properties of a CloudFormation resource type CloudFormation can only change by replacing
 * the resource: the registry schemas' create-only properties, as shipped in
 * {@code replacement-properties.json} (extracted from {@code @aws-cdk/aws-service-spec} by
 * {@code tools/resource-spec/extract.sh}, which names the package version and the date).
 */
public final class ReplacementProperties {
    private static final String RESOURCE = "replacement-properties.json";
    private static final ReplacementProperties SHIPPED = load();

    /** What the specification says of one type. */
    public record TypeSpec(boolean stateful, Set<String> replaces, Set<String> mayReplace) {
        /** Copies the sets. */
        public TypeSpec {
            replaces = Set.copyOf(replaces);
            mayReplace = Set.copyOf(mayReplace);
        }
    }

    private final String source;
    private final String extracted;
    private final Map<String, TypeSpec> types;

    ReplacementProperties(String source, String extracted, Map<String, TypeSpec> types) {
        this.source = source;
        this.extracted = extracted;
        this.types = Map.copyOf(types);
    }

    /** The shipped specification. */
    public static ReplacementProperties shipped() {
        return SHIPPED;
    }

    private static ReplacementProperties load() {
        try (InputStream in = ReplacementProperties.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, TypeSpec> types = new HashMap<>();
            root.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), new TypeSpec(
                    e.getValue().path("stateful").asBoolean(), names(e.getValue().path("replaces")),
                    names(e.getValue().path("mayReplace")))));
            return new ReplacementProperties(root.path("source").asText(), root.path("extracted").asText(), types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The specification's package and version, e.g. {@code @aws-cdk/aws-service-spec@0.1.216}. */
    public String source() {
        return source;
    }

    /** The day the file was extracted (ISO date). */
    public String extracted() {
        return extracted;
    }

    /** The type's entry, when the specification knows it (types with no create-only property are absent). */
    public Optional<TypeSpec> of(String type) {
        return Optional.ofNullable(types.get(type));
    }

    /** Whether a change of {@code property} always replaces a resource of {@code type}. */
    public boolean replaces(String type, String property) {
        return of(type).map(t -> t.replaces().contains(property)).orElse(false);
    }

    /** Whether a change of {@code property} may replace a resource of {@code type} (the schema says it depends). */
    public boolean mayReplace(String type, String property) {
        return of(type).map(t -> t.mayReplace().contains(property)).orElse(false);
    }

    /** Whether the specification marks the type stateful. */
    public boolean specStateful(String type) {
        return of(type).map(TypeSpec::stateful).orElse(false);
    }

    /** How many types the file covers. */
    public int typeCount() {
        return types.size();
    }
}
