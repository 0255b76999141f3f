package fr.medsaas.compliance.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The French of the sentences written in English in code or in the templates (rule proofs,
 * acknowledgement reasons, diagram labels), from {@code evidence/phrases_fr.txt}: pairs of
 * {@code en:} and {@code fr:} lines whose {@code {0}}, {@code {1}}... stand for the values that
 * vary (an identifier, a region, a number of days). A value is itself translated when the book has
 * it ("replica of X" inside "{0} encrypted..."). A sentence the book does not have stays in English:
 * the report's language test names it.
 */
public final class Phrases {
    private static final Pattern HOLE = Pattern.compile("\\{(\\d)}");
    private static final List<Entry> FR = load("phrases_fr.txt");

    private Phrases() {
    }

    /** One pair: the English pattern and its French. */
    record Entry(String en, String fr, Pattern pattern, List<Integer> holes, int literal) {
    }

    /** {@code english} in {@code lang}: itself in English, else the book's French, else itself. */
    public static String in(Lang lang, String english) {
        return lang == Lang.en ? english : french(english, 0).orElse(english);
    }

    /** The French of {@code english}, if the book has it. */
    public static Optional<String> french(String english) {
        return french(english, 0);
    }

    private static Optional<String> french(String english, int depth) {
        if (english.isBlank() || depth > 4) {
            return Optional.empty();
        }
        for (Entry e : FR) {
            Matcher m = e.pattern().matcher(english);
            if (!m.matches()) {
                continue;
            }
            String out = e.fr();
            for (int i = 0; i < e.holes().size(); i++) {
                String value = m.group(i + 1);
                out = out.replace("{" + e.holes().get(i) + "}", french(value, depth + 1).orElse(value));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    static List<Entry> load(String name) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Phrases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing phrase book evidence/" + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String en = null;
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("en: ") && en == null) {
                    en = line.substring(4);
                } else if (line.startsWith("fr: ") && en != null) {
                    entries.add(entry(en, line.substring(4)));
                    en = null;
                } else {
                    throw new IllegalStateException("evidence/" + name + " line " + n + ": expected an en: line then its fr: line, got " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The most specific pattern wins: the one with the most fixed text.
        entries.sort(Comparator.comparingInt(Entry::literal).reversed());
        return List.copyOf(entries);
    }

    private static Entry entry(String en, String fr) {
        StringBuilder regex = new StringBuilder();
        List<Integer> holes = new ArrayList<>();
        Matcher m = HOLE.matcher(en);
        int last = 0;
        int literal = 0;
        while (m.find()) {
            regex.append(Pattern.quote(en.substring(last, m.start()))).append("(.+?)");
            literal += m.start() - last;
            holes.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(en.substring(last)));
        literal += en.length() - last;
        return new Entry(en, fr, Pattern.compile(regex.toString(), Pattern.DOTALL), holes, literal);
    }
}
