package fr.medsaas.compliance.evidence;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.diagram.DiagramBuilder;
import fr.medsaas.compliance.diagram.DiagramModel;
import fr.medsaas.compliance.diagram.MermaidRenderer;
import fr.medsaas.compliance.diagram.SvgRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The report's diagram, drawn once per assembly: {@code synth} draws it in both languages into the
 * assembly's folder ({@code medsaas-diagram-fr.svg}, {@code -en.svg}), and a report that reuses that
 * assembly (same configuration and commit, so the same drawing code) embeds it instead of laying
 * the graph out again, which is most of what a report does beyond the check.
 */
public final class DrawnDiagrams {
    private DrawnDiagrams() {
    }

    /** The file of the diagram in {@code lang}. */
    static String file(Lang lang) {
        return "medsaas-diagram-" + lang.name() + ".svg";
    }

    /** The diagram of {@code assembly} in {@code lang}, as the report embeds it. */
    public static String render(CloudAssembly assembly, String environment, Lang lang) {
        return SvgRenderer.render(DiagramBuilder.build(assembly), "medsaas " + environment, english -> Phrases.in(lang, english));
    }

    /** {@code model} as Mermaid in {@code lang}: its labels through the same phrase book as the SVG's. */
    public static String mermaid(DiagramModel model, Lang lang) {
        return MermaidRenderer.render(model, english -> Phrases.in(lang, english));
    }

    /** Draws the diagram of {@code assembly} in every language into its folder, replacing any older drawing. */
    public static void draw(CloudAssembly assembly) throws IOException {
        for (Lang lang : Lang.values()) {
            Files.deleteIfExists(assembly.directory().resolve(file(lang)));
        }
        String environment = EvidenceBuilder.environment(assembly);
        for (Lang lang : Lang.values()) {
            Files.writeString(assembly.directory().resolve(file(lang)), render(assembly, environment, lang), StandardCharsets.UTF_8);
        }
    }

    /** The diagram {@link #draw} left in {@code assembly}'s folder in {@code lang}, if any. */
    public static Optional<String> read(CloudAssembly assembly, Lang lang) {
        Path file = assembly.directory().resolve(file(lang));
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
