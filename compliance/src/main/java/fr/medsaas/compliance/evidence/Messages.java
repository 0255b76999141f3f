package fr.medsaas.compliance.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/**
 * The fixed text of the report in one language, from {@code evidence/messages_<lang>.properties}
 * (UTF-8). Placeholders are {@code {0}}, {@code {1}}...; no MessageFormat, so French apostrophes
 * need no escaping.
 */
public final class Messages {
    private final Lang lang;
    private final Properties texts;

    private Messages(Lang lang, Properties texts) {
        this.lang = lang;
        this.texts = texts;
    }

    /** The bundle of {@code lang}. */
    public static Messages of(Lang lang) {
        return new Messages(lang, load("messages_" + lang.name() + ".properties"));
    }

    static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle evidence/" + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The language. */
    public Lang lang() {
        return lang;
    }

    /** The text of {@code key}, its placeholders replaced; fails on a missing key (a test lists them). */
    public String get(String key, Object... args) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no message " + key + " in " + lang);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none. */
    public String getOr(String key, String fallback) {
        return texts.getProperty(key, fallback);
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** Every key. */
    public Set<String> keys() {
        return texts.stringPropertyNames();
    }
}
