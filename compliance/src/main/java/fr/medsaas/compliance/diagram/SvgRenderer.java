package fr.medsaas.compliance.diagram;

import fr.medsaas.config.Plural;
import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.compliance.diagram.DiagramModel.Group;
import fr.medsaas.compliance.diagram.DiagramModel.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Draws a {@link DiagramModel} as one self-contained SVG (no external font, image or script),
 * laid out by the Eclipse Layout Kernel's layered algorithm with nested groups.
 */
public final class SvgRenderer {
    private static final double NODE_W = 224;
    private static final double CHAR_W = 6.2;
    private static final int DETAIL_CHARS = 29;
    private static final double LEGEND_H = 150;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private SvgRenderer() {
    }

    /** The SVG document of {@code model}, with its legend, in English. */
    public static String render(DiagramModel model, String title) {
        return render(model, title, UnaryOperator.identity());
    }

    /**
     * The SVG document of {@code model}, every label and legend line put through {@code words} (the
     * report's language) before it is measured and laid out.
     */
    public static String render(DiagramModel english, String title, UnaryOperator<String> words) {
        DiagramModel model = translated(english, words);
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(12));

        Map<String, ElkNode> boxes = new HashMap<>();
        Map<ElkNode, Group> groupOf = new LinkedHashMap<>();
        for (Group g : model.groups()) {
            ElkNode parent = g.parent().isEmpty() ? root : boxes.get(g.parent());
            ElkNode box = ElkGraphUtil.createNode(parent);
            box.setProperty(CoreOptions.PADDING, new ElkPadding(30, 12, 12, 12));
            box.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(g.label().length() * 6.8 + 24, 60));
            box.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, org.eclipse.elk.core.options.SizeConstraint.minimumSize());
            boxes.put(g.id(), box);
            groupOf.put(box, g);
        }
        Map<ElkNode, Node> nodeOf = new LinkedHashMap<>();
        for (Node n : model.nodes()) {
            ElkNode parent = n.group().isEmpty() ? root : boxes.get(n.group());
            ElkNode box = ElkGraphUtil.createNode(parent);
            box.setDimensions(NODE_W, nodeHeight(n));
            boxes.put(n.id(), box);
            nodeOf.put(box, n);
        }
        Map<ElkEdge, Edge> edgeOf = new LinkedHashMap<>();
        java.util.Set<String> linked = new java.util.HashSet<>();
        for (Edge e : model.edges()) {
            if (e.kind() == EdgeKind.ENCRYPTS) {
                continue; // drawn as the store's badge, not laid out
            }
            linked.add(e.from());
            linked.add(e.to());
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(boxes.get(e.from()), boxes.get(e.to()));
            ElkGraphUtil.updateContainment(edge);
            ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
            label.setDimensions(e.label().length() * 5.6 + 4, 12);
            edgeOf.put(edge, e);
        }
        // Nodes with no drawn edge (keys, secrets, log groups) are stacked in one column per box
        // by invisible edges, instead of one wide row.
        Map<String, ElkNode> lastFree = new HashMap<>();
        for (Node n : model.nodes()) {
            if (linked.contains(n.id())) {
                continue;
            }
            ElkNode previous = lastFree.put(n.group(), boxes.get(n.id()));
            if (previous != null) {
                ElkEdge chain = ElkGraphUtil.createSimpleEdge(previous, boxes.get(n.id()));
                ElkGraphUtil.updateContainment(chain);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        double width = Math.max(root.getWidth(), 900);
        double height = root.getHeight() + LEGEND_H + 34;
        StringBuilder svg = new StringBuilder();
        // No fixed width or height: the viewBox lets the drawing scale to the window or the page it is shown in.
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                + "preserveAspectRatio=\"xMidYMin meet\" font-family=\"Helvetica, Arial, sans-serif\">%n", width, height));
        svg.append("<title>").append(esc(title)).append("</title>\n");
        svg.append("""
                <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>
                <marker id="arrow-copy" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f6fd1"/></marker>
                <marker id="arrow-control" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#999"/></marker>
                </defs>
                <style>
                .g-region{fill:#f7f8fa;stroke:#232f3e;stroke-width:1.5}
                .g-vpc{fill:#f4efff;stroke:#8c4fff;stroke-width:1.5;stroke-dasharray:6 3}
                .g-tier{fill:#ffffff;stroke:#b9a3ff;stroke-width:1}
                .g-title{font-size:13px;font-weight:bold;fill:#232f3e}
                .node{fill:#fff;stroke:#c8ccd2;stroke-width:1}
                .n-title{font-size:12px;font-weight:bold;fill:#16191f}
                .n-detail{font-size:10.5px;fill:#545b64}
                .n-glyph{font-size:9.5px;font-weight:bold;fill:#fff}
                .n-key{font-size:10px;fill:#dd344c}
                .e-traffic{fill:none;stroke:#444;stroke-width:1.4}
                .e-copy{fill:none;stroke:#1f6fd1;stroke-width:2;stroke-dasharray:7 4}
                .e-control{fill:none;stroke:#999;stroke-width:1.1;stroke-dasharray:2 3}
                .e-label{font-size:10px;fill:#16191f}
                .legend{font-size:11px;fill:#232f3e}
                </style>
                """);
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>%n", width, height));
        for (var e : groupOf.entrySet()) {
            double[] at = absolute(e.getKey());
            Group g = e.getValue();
            String cls = "g-" + g.kind().name().toLowerCase(Locale.ROOT);
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\"/>%n",
                    cls, at[0], at[1], e.getKey().getWidth(), e.getKey().getHeight()));
            svg.append(String.format(Locale.ROOT, "<text class=\"g-title\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    at[0] + 10, at[1] + 19, esc(g.label())));
        }
        for (var e : edgeOf.entrySet()) {
            drawEdge(svg, e.getKey(), e.getValue());
        }
        for (var e : nodeOf.entrySet()) {
            drawNode(svg, absolute(e.getKey()), e.getKey().getHeight(), e.getValue());
        }
        legend(svg, model, root.getHeight() + 8, width, words);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double nodeHeight(Node n) {
        return 34 + 13 * detailLines(n.detail()).size() + (n.keys().isEmpty() ? 0 : 13);
    }

    /** The detail text wrapped on commas, at most three lines. */
    static List<String> detailLines(String detail) {
        List<String> lines = new ArrayList<>();
        if (detail.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : detail.split("(?<=, )|(?<= · )")) {
            if (line.length() + word.length() > DETAIL_CHARS && line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(word);
        }
        lines.add(line.toString().strip());
        if (lines.size() > 3) {
            List<String> cut = new ArrayList<>(lines.subList(0, 3));
            cut.set(2, cut.get(2).replaceAll(",?$", "") + " …");
            lines = cut;
        }
        return lines.stream().map(l -> l.length() > DETAIL_CHARS + 1 ? l.substring(0, DETAIL_CHARS) + "…" : l).toList();
    }

    private static void drawNode(StringBuilder svg, double[] at, double h, Node n) {
        double x = at[0];
        double y = at[1];
        svg.append(String.format(Locale.ROOT, "<g><rect class=\"node\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"/>%n",
                x, y, NODE_W, h));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"30\" height=\"%.1f\" rx=\"4\" fill=\"%s\"/>%n",
                x, y, h, n.kind().color()));
        svg.append(String.format(Locale.ROOT, "<text class=\"n-glyph\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                x + 15, y + h / 2 + 3.5, esc(n.kind().glyph())));
        String title = n.label().length() > 30 ? n.label().substring(0, 29) + "…" : n.label();
        svg.append(String.format(Locale.ROOT, "<text class=\"n-title\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 38, y + 18, esc(title)));
        double ly = y + 18;
        for (String line : detailLines(n.detail())) {
            ly += 13;
            svg.append(String.format(Locale.ROOT, "<text class=\"n-detail\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 38, ly, esc(line)));
        }
        if (!n.keys().isEmpty()) {
            ly += 13;
            String keys = "KMS: " + String.join(", ", n.keys().stream().map(SvgRenderer::shortKey).toList());
            svg.append(String.format(Locale.ROOT, "<text class=\"n-key\" x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 38, ly, esc(keys)));
        }
        svg.append("</g>\n");
    }

    /** {@code medical-saas-rds-key} reads {@code rds} on a badge. */
    static String shortKey(String alias) {
        return alias.replaceFirst("^medical-saas-", "").replaceFirst("-key$", "");
    }

    private static void drawEdge(StringBuilder svg, ElkEdge edge, Edge e) {
        if (edge.getSections().isEmpty() || e.kind() == EdgeKind.ENCRYPTS) {
            return;
        }
        double[] off = edge.getContainingNode() == null ? new double[2] : absolute(edge.getContainingNode());
        ElkEdgeSection s = edge.getSections().get(0);
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "M%.1f,%.1f", off[0] + s.getStartX(), off[1] + s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
            d.append(String.format(Locale.ROOT, " L%.1f,%.1f", off[0] + b.getX(), off[1] + b.getY()));
        }
        d.append(String.format(Locale.ROOT, " L%.1f,%.1f", off[0] + s.getEndX(), off[1] + s.getEndY()));
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        String marker = e.kind() == EdgeKind.TRAFFIC ? "arrow" : "arrow-" + kind;
        svg.append(String.format(Locale.ROOT, "<path class=\"e-%s\" d=\"%s\" marker-end=\"url(#%s)\"/>%n", kind, d, marker));
        for (ElkLabel l : edge.getLabels()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fff\" opacity=\"0.85\"/>%n",
                    off[0] + l.getX(), off[1] + l.getY(), l.getWidth(), l.getHeight()));
            svg.append(String.format(Locale.ROOT, "<text class=\"e-label\" x=\"%.1f\" y=\"%.1f\">%s</text>%n",
                    off[0] + l.getX() + 2, off[1] + l.getY() + 10, esc(l.getText())));
        }
    }

    private static DiagramModel translated(DiagramModel m, UnaryOperator<String> words) {
        Map<String, Integer> grouped = new LinkedHashMap<>();
        m.grouped().forEach((k, v) -> grouped.put(words.apply(k), v));
        return new DiagramModel(
                m.groups().stream().map(g -> new Group(g.id(), words.apply(g.label()), g.kind(), g.parent())).toList(),
                m.nodes().stream().map(n -> new Node(n.id(), n.kind(), words.apply(n.label()),
                        n.detail().isEmpty() ? "" : words.apply(n.detail()), n.keys(), n.group(), n.count())).toList(),
                m.edges().stream().map(e -> new Edge(e.from(), e.to(), words.apply(e.label()), e.kind())).toList(),
                grouped, m.hidden());
    }

    private static void legend(StringBuilder svg, DiagramModel model, double top, double width, UnaryOperator<String> words) {
        double y = top + 18;
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\"><line x1=\"12\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c8ccd2\"/>%n",
                top, width - 12, top));
        String[][] lines = {{"e-traffic", "arrow", "network traffic, labelled with the port (from security-group rules)"},
            {"e-copy", "arrow-copy", "copy of data: replication, backup, cross-region copy"},
            {"e-control", "arrow-control", "control: WAF filtering, logs, notifications, build"}};
        for (String[] l : lines) {
            svg.append(String.format(Locale.ROOT, "<path class=\"%s\" d=\"M16,%.1f L60,%.1f\" marker-end=\"url(#%s)\"/>"
                    + "<text x=\"68\" y=\"%.1f\">%s</text>%n", l[0], y - 4, y - 4, l[1], y, esc(words.apply(l[2]))));
            y += 16;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" class=\"n-key\">%s</text>"
                + "<text x=\"74\" y=\"%.1f\">%s</text>%n", y, esc(words.apply("KMS: name")), y,
                esc(words.apply("the customer-managed KMS key that encrypts the resource at rest"))));
        y += 20;
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\">%s</text>%n", y, esc(wrapLegend(words.apply("Grouped:") + " ", groupedText(model, words)))));
        y += 16;
        for (String line : wrap(words.apply("Hidden (IAM and plumbing, " + Plural.of(model.hidden().values().stream().mapToInt(Integer::intValue).sum(),
                "resource") + "):") + " " + hiddenText(model, words), (int) ((width - 32) / 6.0))) {
            svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\">%s</text>%n", y, esc(line)));
            y += 14;
        }
        svg.append("</g>\n");
    }

    private static String wrapLegend(String head, String text) {
        return head + text;
    }

    /** "3 NAT gateways, 11 log groups, ..." */
    static String groupedText(DiagramModel model) {
        return groupedText(model, UnaryOperator.identity());
    }

    private static String groupedText(DiagramModel model, UnaryOperator<String> words) {
        List<String> parts = new ArrayList<>();
        model.grouped().forEach((k, v) -> parts.add(v + " × " + k));
        return String.join(", ", parts) + " " + words.apply("(one node per kind and box)");
    }

    /** The hidden types summed by family. */
    static String hiddenText(DiagramModel model) {
        return hiddenText(model, UnaryOperator.identity());
    }

    private static String hiddenText(DiagramModel model, UnaryOperator<String> words) {
        Map<String, Integer> families = new java.util.TreeMap<>();
        model.hidden().forEach((type, count) -> families.merge(words.apply(family(type)), count, Integer::sum));
        List<String> parts = new ArrayList<>();
        families.forEach((f, c) -> parts.add(f + " " + c));
        return String.join(", ", parts);
    }

    static String family(String type) {
        if (type.startsWith("AWS::IAM::")) {
            return "IAM roles and policies";
        }
        if (type.startsWith("AWS::EC2::SecurityGroup")) {
            return "security groups and rules (drawn as traffic edges)";
        }
        if (type.matches("AWS::EC2::(Route.*|SubnetRouteTableAssociation|EIP|VPCGatewayAttachment|InternetGateway|FlowLog)")) {
            return "routing, addresses and flow logs";
        }
        if (type.startsWith("Custom::") || type.equals("AWS::Lambda::Function") || type.equals("AWS::Lambda::Permission")) {
            return "custom resources and their providers";
        }
        String[] parts = type.split("::");
        return parts.length > 1 ? parts[1] + " settings" : type;
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static double[] absolute(ElkNode node) {
        double x = 0;
        double y = 0;
        for (ElkNode n = node; n != null; n = n.getParent()) {
            x += n.getX();
            y += n.getY();
        }
        return new double[] {x, y};
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
