package fr.medsaas.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sentences of a rendered report that are in the other language: the visible text (tags,
 * styles and monospaced cells of identifiers dropped), cut into sentences, each held to a list of
 * that other language's function words. Identifiers (words with digits, dots, colons, slashes,
 * hyphens, underscores or an inner capital) are not words.
 */
final class LanguageScan {
    /** Words of English that French never writes ("an", "as", "on" are left out: French writes them too, "un an"). */
    static final Set<String> ENGLISH = Set.of("the", "is", "are", "and", "with", "without", "which", "every", "not", "must",
            "only", "its", "of", "to", "in", "by", "for", "from", "has", "have", "this", "that", "it", "be", "was", "were",
            "when", "where", "there", "their", "they", "would", "could", "should", "no", "none", "any", "each", "but", "than",
            "what", "who", "how", "into", "onto", "at", "so");
    /** Words of French that English never writes. */
    static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "du", "est", "sont", "avec", "sans", "chaque",
            "doit", "doivent", "une", "dans", "pour", "aux", "ou", "et", "ne", "pas", "qui", "que", "sur", "par", "aucun",
            "aucune", "leur", "leurs", "ses", "cette", "ces", "être", "été", "où");

    private static final Pattern STYLE = Pattern.compile("(?s)<style.*?</style>");
    private static final Pattern MONO = Pattern.compile("(?s)<(td|th|span|li|code)\\b[^>]*class=\"[^\"]*mono[^\"]*\"[^>]*>.*?</\\1>");
    private static final Pattern CODE = Pattern.compile("(?s)<code>.*?</code>");
    /** A quotation marked with its language (the French sentence HDS EXI 31 has the host publish) is not a slip. */
    private static final Pattern QUOTE = Pattern.compile("(?s)<q\\b[^>]*\\blang=\"[a-z]+\"[^>]*>.*?</q>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private LanguageScan() {
    }

    /**
     * The sentences of plain {@code texts} (JSON values, diagram labels) that hold a word of
     * {@code foreign}: each text is scanned as one paragraph of its own.
     */
    static List<String> foreignSentences(java.util.Collection<String> texts, Set<String> foreign) {
        StringBuilder html = new StringBuilder();
        texts.forEach(t -> html.append("<p>").append(t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\n", " ")).append("</p>\n"));
        return foreignSentences(html.toString(), foreign);
    }

    /** The sentences of {@code html} that hold a word of {@code foreign}, each with the words that gave it away. */
    static List<String> foreignSentences(String html, Set<String> foreign) {
        String text = TAG.matcher(QUOTE.matcher(CODE.matcher(MONO.matcher(STYLE.matcher(html).replaceAll(" ")).replaceAll("\n"))
                .replaceAll(" ")).replaceAll(" "))
                .replaceAll("\n");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        Set<String> found = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            for (String sentence : line.split("(?<=[.;:!?])\\s+")) {
                List<String> hits = new ArrayList<>();
                for (String token : sentence.trim().split("\\s+")) {
                    String bare = token.replaceAll("^[(\"«“]+|[)\"»”.,;:!?]+$", "");
                    if (WORD.matcher(bare).matches() && !bare.substring(1).chars().anyMatch(Character::isUpperCase)
                            && foreign.contains(bare.toLowerCase(Locale.ROOT))) {
                        hits.add(bare);
                    }
                }
                if (!hits.isEmpty()) {
                    found.add("\"" + sentence.trim() + "\" " + hits);
                }
            }
        }
        return List.copyOf(found);
    }
}
