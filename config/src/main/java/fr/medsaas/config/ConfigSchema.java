package fr.medsaas.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The JSON Schema of the configuration (CFG-2), generated from the records and their {@link Doc}:
 * each field's type, meaning, default and rule; enums; required fields; no other field
 * ({@code additionalProperties: false}). Shipped as {@code config/medsaas.schema.json}, named at
 * the top of each YAML file for editors; {@code ConfigSchemaTest} keeps it in step.
 */
public final class ConfigSchema {
    /** The schema's file name, beside the YAML files. */
    public static final String FILE_NAME = "medsaas.schema.json";
    /** The first line of every shipped YAML file: where editors (yaml-language-server) find the schema. */
    public static final String MODELINE = "# yaml-language-server: $schema=./" + FILE_NAME;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigSchema() {
    }

    /** The schema as JSON text, two-space indented, ending with a newline. */
    public static String json() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration schema", e);
        }
    }

    /** The schema. */
    public static ObjectNode schema() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$id", "https://medsaas.invalid/" + FILE_NAME);
        root.put("title", "medsaas environment configuration");
        root.put("description", "One environment of medsaas (config/prod.yaml, staging.yaml, dev.yaml). Generated from "
                + "the configuration records by ConfigSchemaTest (-Dmedsaas.updateSchema=true); do not edit by hand.");
        object(EnvironmentConfig.class, root, "");
        return root;
    }

    private static void object(Class<? extends Record> type, ObjectNode node, String prefix) {
        node.put("type", "object");
        node.put("additionalProperties", false);
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            if (doc == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Doc");
            }
            ObjectNode p = properties.putObject(c.getName());
            if (Doc.REQUIRED.equals(doc.defaultValue())) {
                required.add(c.getName());
            }
            if (c.getType().isRecord()) {
                p.put("description", doc.value());
                @SuppressWarnings("unchecked")
                Class<? extends Record> nested = (Class<? extends Record>) c.getType();
                object(nested, p, prefix + c.getName() + ".");
                continue;
            }
            value(c.getGenericType(), p);
            if ((prefix + c.getName()).equals("name")) {
                ArrayNode known = p.putArray("enum");
                EnvironmentConfig.KNOWN_ENVIRONMENTS.forEach(known::add);
            }
            if ("~".equals(doc.defaultValue())) {
                // "~" is this field's "none": the loader takes null, so the schema does.
                JsonNode t = p.get("type");
                ArrayNode types = JSON.createArrayNode();
                if (t.isArray()) {
                    t.forEach(types::add);
                } else {
                    types.add(t.asText());
                }
                types.add("null");
                p.set("type", types);
                if (p.has("enum")) {
                    ((ArrayNode) p.get("enum")).addNull();
                }
            }
            StringBuilder description = new StringBuilder(doc.value());
            if (!Doc.REQUIRED.equals(doc.defaultValue())) {
                description.append(". Default: ").append(doc.defaultValue());
                defaultOf(doc.defaultValue()).ifPresent(d -> p.set("default", d));
            } else {
                description.append(". Required");
            }
            if (!doc.rule().isBlank()) {
                description.append(". Rule: ").append(doc.rule());
            }
            p.put("description", description.toString());
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
    }

    private static java.util.Optional<JsonNode> defaultOf(String literal) {
        try {
            JsonNode d = YAML.readTree(literal);
            return d == null || d.isNull() ? java.util.Optional.empty() : java.util.Optional.of(d);
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }

    private static void value(Type type, ObjectNode p) {
        if (type instanceof ParameterizedType pt) {
            Type raw = pt.getRawType();
            if (raw == java.util.List.class) {
                p.put("type", "array");
                value(pt.getActualTypeArguments()[0], p.putObject("items"));
                return;
            }
            if (raw == Map.class) {
                p.put("type", "object");
                value(pt.getActualTypeArguments()[1], p.putObject("additionalProperties"));
                return;
            }
            throw new IllegalStateException("unsupported configuration type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            // The loader also takes a whole number where a string is expected (e.g. a port written bare).
            ArrayNode types = p.putArray("type");
            types.add("string");
            types.add("integer");
        } else if (c == int.class || c == Integer.class) {
            p.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            p.put("type", "boolean");
        } else if (c.isEnum()) {
            p.put("type", "string");
            ArrayNode values = p.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(constant.toString());
            }
        } else if (c.isRecord()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> rec = (Class<? extends Record>) c;
            object(rec, p, "");
        } else {
            throw new IllegalStateException("unsupported configuration type " + type);
        }
    }
}
