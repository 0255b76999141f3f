package fr.medsaas.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree to immutable records, collecting every problem instead of stopping at the
 * first: unknown or misspelled fields, wrong types, missing required fields, and the records'
 * own invariants. Plain reflection over record components; {@link Doc} gives the defaults.
 */
final class RecordBinder {
    private final ObjectMapper yaml;
    private final List<Problem> problems = new ArrayList<>();
    private boolean partial;

    RecordBinder(ObjectMapper yaml) {
        this.yaml = yaml;
    }

    /** Problems found so far, in the order met. */
    List<Problem> problems() {
        return problems;
    }

    /** Binds {@code node} to {@code type}; returns null (and records why) when it cannot. */
    <T extends Record> T bindRecord(Class<T> type, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(display(path), describe(node), "a mapping of " + fieldNames(type)));
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String hint = closest(name, known).map(s -> "did you mean \"" + s + "\"? ").orElse("");
                problems.add(new Problem(join(path, name), scalar(node.get(name)),
                        "unknown field; " + hint + "known fields here: " + String.join(", ", known)));
            }
        }
        int before = problems.size();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String fieldPath = join(path, c.getName());
            JsonNode value = node.get(c.getName());
            Doc doc = c.getAnnotation(Doc.class);
            boolean hasDefault = doc != null && !Doc.REQUIRED.equals(doc.defaultValue());
            if (value != null && value.isObject() && hasDefault) {
                // A section given in part keeps the defaults of the fields it does not name.
                JsonNode defaults = parseDefault(doc.defaultValue(), fieldPath);
                if (defaults.isObject()) {
                    value = merge((ObjectNode) defaults.deepCopy(), (ObjectNode) value);
                }
            }
            int problemsBefore = problems.size();
            if (value == null) {
                if (!hasDefault) {
                    problems.add(new Problem(fieldPath, null, "required field"
                            + (doc != null && !doc.rule().isEmpty() ? "; " + doc.rule() : "")));
                } else {
                    value = parseDefault(doc.defaultValue(), fieldPath);
                }
            }
            args[i] = value == null ? null : bindValue(c.getGenericType(), value, fieldPath);
            if (problems.size() > problemsBefore) {
                // Go on with a stand-in so that the rules of the other fields still run and every
                // problem is reported at once; the result is marked partial and never used.
                args[i] = standIn(c, hasDefault ? doc.defaultValue() : null, fieldPath);
            }
        }
        if (problems.size() > before) {
            partial = true;
        }
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidValueException iv) {
                problems.add(new Problem(join(path, iv.field()), iv.value(), iv.rule()));
                return null;
            }
            if (partial) {
                return null; // a stand-in its constructor refuses: the problems already say why
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** Whether a bound record holds stand-ins for values that were refused. */
    boolean partial() {
        return partial;
    }

    private Object standIn(RecordComponent c, String defaultLiteral, String path) {
        RecordBinder scratch = new RecordBinder(yaml);
        if (defaultLiteral != null) {
            Object fallback = scratch.bindValue(c.getGenericType(), parseDefault(defaultLiteral, path), path);
            if (fallback != null && scratch.problems.isEmpty()) {
                return fallback;
            }
        }
        Class<?> t = c.getType();
        if (t == String.class) {
            return "";
        } else if (t == int.class || t == Integer.class) {
            return 0;
        } else if (t == boolean.class || t == Boolean.class) {
            return false;
        } else if (t == List.class) {
            return List.of();
        } else if (t == Map.class) {
            return Map.of();
        } else if (t.isEnum()) {
            return t.getEnumConstants()[0];
        } else if (t.isRecord()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> rec = (Class<? extends Record>) t;
            return scratch.bindRecord(rec, yaml.createObjectNode(), path);
        }
        return null;
    }

    private Object bindValue(Type type, JsonNode value, String path) {
        if (value.isNull()) {
            if (type instanceof Class<?> cls && cls.isPrimitive()) {
                problems.add(new Problem(path, "null", "a value is required here"));
            }
            return null;
        }
        if (type == String.class) {
            if (value.isTextual() || value.isIntegralNumber()) {
                return value.asText();
            }
            problems.add(new Problem(path, describe(value), value.isFloatingPointNumber()
                    ? "a string: quote it, YAML reads an unquoted " + value.asText() + " as a number"
                    : "a string"));
            return null;
        }
        if (type == int.class || type == Integer.class) {
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            problems.add(new Problem(path, describe(value), "a whole number"));
            return type == int.class ? 0 : null;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            problems.add(new Problem(path, describe(value), "true or false"));
            return type == boolean.class ? Boolean.FALSE : null;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (!value.isArray()) {
                problems.add(new Problem(path, describe(value), "a list"));
                return null;
            }
            Type element = pt.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                out.add(bindValue(element, value.get(i), path + "[" + i + "]"));
            }
            return List.copyOf(out.stream().filter(o -> o != null).toList());
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            if (!value.isObject()) {
                problems.add(new Problem(path, describe(value), "a mapping of names to values"));
                return null;
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), bindValue(pt.getActualTypeArguments()[1], e.getValue(), join(path, e.getKey())));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        if (type instanceof Class<?> cls && cls.isRecord()) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> rec = (Class<? extends Record>) cls;
            return bindRecord(rec, value, path);
        }
        if (type instanceof Class<?> cls && cls.isEnum()) {
            for (Object constant : cls.getEnumConstants()) {
                if (constant.toString().equals(value.asText())) {
                    return constant;
                }
            }
            problems.add(new Problem(path, describe(value), "one of " + Arrays.stream(cls.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "))));
            return null;
        }
        throw new IllegalStateException("unsupported configuration type " + type + " at " + path);
    }

    private static ObjectNode merge(ObjectNode base, ObjectNode given) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
        return base;
    }

    private JsonNode parseDefault(String literal, String path) {
        try {
            JsonNode node = yaml.readTree(literal);
            return node == null ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad @Doc default for " + path + ": " + literal, e);
        }
    }

    private static String fieldNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
    }

    private static String display(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String scalar(JsonNode node) {
        return node != null && node.isValueNode() ? node.asText() : describe(node);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(nothing)";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    /** The known name closest to a misspelled one, if it is close enough to be a typo. */
    static Optional<String> closest(String name, Set<String> known) {
        return known.stream()
                .filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
