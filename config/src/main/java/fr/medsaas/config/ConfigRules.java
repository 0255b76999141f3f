package fr.medsaas.config;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule of each configuration field, as its {@link Doc#rule()} states it: the one text that
 * both the README's configuration table and the validator's refusal message start with.
 */
public final class ConfigRules {
    private static final Map<String, String> BY_PATH = new ConcurrentHashMap<>();

    private ConfigRules() {
    }

    /**
     * The documented rule of a field, by its dotted path; list indexes ({@code [2]}) and map keys
     * below a map field ({@code tags.Team}) resolve to the field itself.
     *
     * @throws IllegalArgumentException when no field has that path
     */
    public static String of(String path) {
        return BY_PATH.computeIfAbsent(path, ConfigRules::find);
    }

    private static String find(String path) {
        Class<?> type = EnvironmentConfig.class;
        Doc doc = null;
        for (String part : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (type == null || !type.isRecord()) {
                break; // a key inside a map field: the map's rule
            }
            RecordComponent found = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(part)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no configuration field " + path);
            }
            doc = found.getAnnotation(Doc.class);
            type = found.getType();
        }
        if (doc == null || doc.rule().isEmpty()) {
            throw new IllegalArgumentException("configuration field " + path + " documents no rule");
        }
        return doc.rule();
    }
}
