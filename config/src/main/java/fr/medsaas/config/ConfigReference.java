package fr.medsaas.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The configuration reference as a Markdown table, generated from the records' {@link Doc}
 * annotations so that the README never drifts from the code (a test compares them).
 */
public final class ConfigReference {
    /** Marks the start of the generated table in the README. */
    public static final String START = "<!-- config-reference:start (generated from the records; ConfigReferenceTest keeps it in step) -->";
    /** Marks its end. */
    public static final String END = "<!-- config-reference:end -->";

    private ConfigReference() {
    }

    /** The table of every field of {@link EnvironmentConfig}, nested fields by dotted path. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| field | type | default | rule | meaning |\n");
        sb.append("|---|---|---|---|---|\n");
        rows(EnvironmentConfig.class, "", sb);
        return sb.toString();
    }

    private static void rows(Class<? extends Record> type, String prefix, StringBuilder sb) {
        for (RecordComponent c : type.getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            if (doc == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " has no @Doc");
            }
            String path = prefix + c.getName();
            Class<?> raw = c.getType();
            if (raw.isRecord()) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> nested = (Class<? extends Record>) raw;
                sb.append("| `").append(path).append("` | section | | | ").append(escape(doc.value())).append(" |\n");
                rows(nested, path + ".", sb);
                continue;
            }
            String def = Doc.REQUIRED.equals(doc.defaultValue()) ? "**required**" : "`" + doc.defaultValue() + "`";
            sb.append("| `").append(path).append("` | ").append(typeName(c.getGenericType())).append(" | ")
                    .append(escape(def)).append(" | ").append(escape(doc.rule())).append(" | ")
                    .append(escape(doc.value())).append(" |\n");
        }
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType pt) {
            String raw = ((Class<?>) pt.getRawType()).getSimpleName().toLowerCase(java.util.Locale.ROOT);
            List<String> args = java.util.Arrays.stream(pt.getActualTypeArguments()).map(ConfigReference::typeName).toList();
            return raw + " of " + String.join(" to ", args);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return "mapping";
        }
        return switch (c.getSimpleName()) {
            case "String" -> "string";
            case "int", "Integer" -> "integer";
            case "boolean", "Boolean" -> "boolean";
            default -> c.isEnum() ? "enum" : c.getSimpleName();
        };
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    /** Replaces the generated section of {@code readme} with the current table. */
    public static String updateReadme(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the README has no config-reference markers");
        }
        return readme.substring(0, start) + START + "\n" + markdown() + readme.substring(end);
    }
}
