package fr.medsaas.compliance.diagram;

import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.compliance.diagram.DiagramModel.Group;
import fr.medsaas.compliance.diagram.DiagramModel.Node;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link DiagramModel} as a Mermaid flowchart for READMEs: groups as subgraphs, the KMS
 * key of each store in its label, copies as thick dashed arrows, control relations dotted.
 */
public final class MermaidRenderer {
    /** Longer details are cut: a README diagram shows the size, the SVG the names. */
    private static final int DETAIL_CHARS = 56;

    private MermaidRenderer() {
    }

    /** The Mermaid source of {@code model} in English, one statement per line, ending with a newline. */
    public static String render(DiagramModel model) {
        return render(model, UnaryOperator.identity());
    }

    /**
     * The Mermaid source of {@code english}, every label put through {@code words} (the report's
     * language) before details are cut to length; ids and key names stay as they are.
     */
    public static String render(DiagramModel english, UnaryOperator<String> words) {
        DiagramModel model = english.translated(words);
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node n : model.nodes()) {
            if (n.group().isEmpty()) {
                out.append("    ").append(node(n, words)).append('\n');
            }
        }
        for (Group g : model.groups()) {
            if (g.parent().isEmpty()) {
                group(out, model, g, 1, words);
            }
        }
        for (Edge e : model.edges()) {
            if (e.kind() == EdgeKind.ENCRYPTS) {
                continue;
            }
            String arrow = switch (e.kind()) {
                case COPY -> "==>";
                case CONTROL -> "-.->";
                default -> "-->";
            };
            out.append("    ").append(e.from()).append(' ').append(arrow).append("|\"").append(text(e.label())).append("\"| ")
                    .append(e.to()).append('\n');
        }
        out.append("    classDef region fill:#f7f8fa,stroke:#232f3e\n");
        out.append("    classDef vpc fill:#f4efff,stroke:#8c4fff,stroke-dasharray:6 3\n");
        for (Group g : model.groups()) {
            if (g.kind() != DiagramModel.GroupKind.TIER) {
                out.append("    class ").append(g.id()).append(' ').append(g.kind() == DiagramModel.GroupKind.VPC ? "vpc" : "region").append('\n');
            }
        }
        return out.toString();
    }

    private static void group(StringBuilder out, DiagramModel model, Group g, int depth, UnaryOperator<String> words) {
        String pad = "    ".repeat(depth);
        out.append(pad).append("subgraph ").append(g.id()).append("[\"").append(text(g.label())).append("\"]\n");
        for (Group child : model.groups()) {
            if (child.parent().equals(g.id())) {
                group(out, model, child, depth + 1, words);
            }
        }
        for (Node n : model.nodes()) {
            if (n.group().equals(g.id())) {
                out.append(pad).append("    ").append(node(n, words)).append('\n');
            }
        }
        out.append(pad).append("end\n");
    }

    private static String node(Node n, UnaryOperator<String> words) {
        StringBuilder label = new StringBuilder(text(n.label()));
        if (!n.detail().isEmpty()) {
            String detail = n.detail().length() > DETAIL_CHARS ? n.detail().substring(0, DETAIL_CHARS - 1).strip() + "…" : n.detail();
            label.append("<br/><small>").append(text(detail)).append("</small>");
        }
        if (!n.keys().isEmpty()) {
            label.append("<br/><small>").append(text(words.apply("KMS: " + String.join(", ",
                    n.keys().stream().map(SvgRenderer::shortKey).toList())))).append("</small>");
        }
        boolean store = n.kind().color().equals("#3b48cc") || n.kind().glyph().equals("S3") || n.kind().glyph().equals("BKP");
        String open = store ? "[(\"" : n.id().equals(DiagramModel.INTERNET) ? "((\"" : "[\"";
        String close = store ? "\")]" : n.id().equals(DiagramModel.INTERNET) ? "\"))" : "\"]";
        return n.id() + open + label + close;
    }

    /** Text safe inside a quoted Mermaid label: no quotes, brackets or pipes left raw. */
    static String text(String s) {
        return s.replace("\"", "#quot;").replace("|", "#124;").replace("[", "(").replace("]", ")");
    }
}
