package fr.medsaas.compliance.assembly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Templates read into Jackson trees with Jackson's streaming parser and node factory only, not an
 * {@code ObjectMapper}: a mapper's first construction (its date formats, locales, type factory and
 * serializer caches) was about a third of a one-template {@code check} (docs/benchmarks.md). The
 * trees are the ones {@code ObjectMapper.readTree} and {@code valueToTree} build.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The JSON document in {@code file}. */
    public static JsonNode read(Path file) throws IOException {
        try (JsonParser p = FACTORY.createParser(Files.newInputStream(file))) {
            return document(p);
        }
    }

    /** The JSON document in {@code text}. */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return document(p);
        }
    }

    private static JsonNode document(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        JsonNode root = value(p, first);
        if (p.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after the document");
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }

    /**
     * The tree of what SnakeYAML's safe constructor made: maps, lists, strings, numbers, booleans,
     * null (and binary, as base64 text).
     */
    public static JsonNode of(Object yaml) {
        if (yaml == null) {
            return NODES.nullNode();
        }
        if (yaml instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), of(v)));
            return o;
        }
        if (yaml instanceof Collection<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(v -> a.add(of(v)));
            return a;
        }
        if (yaml instanceof String s) {
            return NODES.textNode(s);
        }
        if (yaml instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (yaml instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (yaml instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (yaml instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (yaml instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (yaml instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        return NODES.textNode(yaml.toString());
    }
}
