package fr.medsaas.compliance.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Widths of text in the diagram's font, from the Helvetica advance widths (Adobe's core-font
 * metrics, which Arial and Liberation Sans share), so that labels are measured against their
 * boxes the same way on every machine, with no AWT and no installed font.
 */
public final class TextMetrics {
    /** The SVG's font-family: fonts with these widths first, a generic sans-serif last. */
    public static final String FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', sans-serif";

    /**
     * Headroom over the table's widths: browsers round glyph positions (hinting) and a fallback
     * font may be a little wider; the Chromium test measures the real widths.
     */
    static final double SLACK = 1.06;

    // Advance widths in 1/1000 em for ' ' (32) to '~' (126), regular then bold.
    private static final int[] REGULAR = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    private static final int[] BOLD = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

    private TextMetrics() {
    }

    /** The width in pixels of {@code text} at {@code size} px, bold or not, with headroom. */
    public static double width(String text, double size, boolean bold) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += advance(text.charAt(i), bold);
        }
        return units / 1000.0 * size * SLACK;
    }

    private static int advance(char c, boolean bold) {
        int[] table = bold ? BOLD : REGULAR;
        if (c >= 32 && c <= 126) {
            return table[c - 32];
        }
        return switch (c) {
            case '×', '−' -> 584;
            case '·' -> 278;
            case '–' -> 556;
            case '—', '…' -> 1000;
            case '\u00a0', '\u202f' -> 278;
            case 'λ' -> 556;
            case 'é', 'è', 'ê', 'ë', 'à', 'â', 'ä', 'ô', 'ö', 'û', 'ü', 'ù', 'ç', 'î', 'ï' -> advance(base(c), bold);
            case 'É', 'È', 'Ê', 'À', 'Â', 'Ô', 'Û', 'Ç', 'Î' -> advance(base(c), bold);
            case '«', '»' -> 556;
            case '’', '‘' -> 222;
            default -> 1000; // unknown glyph: counted as wide as an em, never narrower than drawn
        };
    }

    private static char base(char c) {
        String plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        return plain.charAt(0);
    }

    /**
     * {@code text} wrapped on spaces into lines no wider than {@code max} px; a word wider than a
     * line on its own is abbreviated with an ellipsis (the caller keeps the full text in a tooltip),
     * and past {@code maxLines} the last line ends with one. Never cuts inside a word otherwise.
     */
    public static Wrapped wrap(String text, double size, boolean bold, double max, int maxLines) {
        List<String> lines = new ArrayList<>();
        boolean shortened = false;
        boolean split = false;
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean first = true;
            for (String piece : pieces(word, size, bold, max)) {
                String glue = first ? " " : "";
                first = false;
                if (width(piece, size, bold) > max) {
                    piece = abbreviate(piece, size, bold, max);
                    shortened = true;
                }
                String candidate = line.length() == 0 ? piece : line + glue + piece;
                if (width(candidate, size, bold) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                lines.add(line.toString());
                line.setLength(0);
                line.append(piece);
                split |= glue.isEmpty();
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            String withMark = last + " …";
            while (width(withMark, size, bold) > max && last.contains(" ")) {
                last = last.substring(0, last.lastIndexOf(' ')); // drop whole words, never part of one
                withMark = last + " …";
            }
            while (width(withMark, size, bold) > max && last.matches(".*[-/_.:].+")) {
                last = last.replaceFirst("(.*[-/_.:]).+$", "$1"); // or whole pieces of a name
                withMark = last + "…";
            }
            kept.set(maxLines - 1, width(withMark, size, bold) <= max ? withMark : abbreviate(last, size, bold, max));
            lines = kept;
            shortened = true;
        }
        return new Wrapped(List.copyOf(lines), shortened, split);
    }

    /**
     * A word as it may be broken: whole when it fits, else after each hyphen, slash, underscore or
     * dot, where a name reads on over a line break ({@code medical-saas-media-prod-}/{@code replica}).
     */
    static List<String> pieces(String word, double size, boolean bold, double max) {
        if (width(word, size, bold) <= max) {
            return List.of(word);
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[^-/_.:]*[-/_.:]+|[^-/_.:]+$").matcher(word);
        while (m.find()) {
            if (!m.group().isEmpty()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** A single word too wide for its box: its head, then an ellipsis. */
    static String abbreviate(String word, double size, boolean bold, double max) {
        String head = word;
        while (head.length() > 1 && width(head + "…", size, bold) > max) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "…";
    }

    /**
     * Text broken into lines.
     *
     * @param lines     the lines to draw
     * @param shortened true when something was left out or abbreviated (the full text goes in a tooltip)
     * @param split     true when a name was broken after a hyphen or slash (the whole name goes in a tooltip too)
     */
    public record Wrapped(List<String> lines, boolean shortened, boolean split) {
    }
}
