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
import org.eclipse.elk.alg.layered.options.GraphCompactionStrategy;
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
    /** Font sizes in the viewBox's pixels; the smallest sets the readable width (docs/diagram.md). */
    static final double GROUP_TITLE = 15;
    static final double NODE_TITLE = 14;
    static final double DETAIL = 12.5;
    static final double KEY = 12;
    static final double GLYPH = 12;
    static final double EDGE_LABEL = 12;
    static final double LEGEND = 12.5;
    /** The smallest font the SVG draws. */
    public static final double MIN_FONT = 12;

    private static final double NODE_W = 214;
    private static final double BAR_W = 40;
    private static final double TEXT_X = BAR_W + 7;
    static final double TEXT_W = NODE_W - TEXT_X - 6;
    private static final double PAD = 6;
    private static final double GROUP_PAD = 10;
    private static final double LINE = 1.22;

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
        DiagramModel model = english.translated(words);
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 14.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 26.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 10.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 10.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 2.0);
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        root.setProperty(LayeredOptions.COMPACTION_POST_COMPACTION_STRATEGY, GraphCompactionStrategy.EDGE_LENGTH);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(8));

        Map<String, ElkNode> boxes = new HashMap<>();
        Map<ElkNode, Group> groupOf = new LinkedHashMap<>();
        Map<ElkNode, TextMetrics.Wrapped> titles = new HashMap<>();
        for (Group g : model.groups()) {
            ElkNode parent = g.parent().isEmpty() ? root : boxes.get(g.parent());
            ElkNode box = ElkGraphUtil.createNode(parent);
            // The title is measured and wrapped to the narrowest a box can be (one node and its
            // padding; ELK does not hold a nested box to a minimum width), with a strip of its own.
            TextMetrics.Wrapped t = TextMetrics.wrap(g.label(), GROUP_TITLE, true, NODE_W, 3);
            titles.put(box, t);
            box.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE * LINE * t.lines().size() + 10, GROUP_PAD, GROUP_PAD, GROUP_PAD));
            boxes.put(g.id(), box);
            groupOf.put(box, g);
        }
        Map<ElkNode, Node> nodeOf = new LinkedHashMap<>();
        Map<String, Card> cards = new HashMap<>();
        for (Node n : model.nodes()) {
            ElkNode parent = n.group().isEmpty() ? root : boxes.get(n.group());
            ElkNode box = ElkGraphUtil.createNode(parent);
            Card card = Card.of(n);
            cards.put(n.id(), card);
            box.setDimensions(NODE_W, card.height());
            boxes.put(n.id(), box);
            nodeOf.put(box, n);
        }
        Map<ElkEdge, Edge> edgeOf = new LinkedHashMap<>();
        List<Edge> drawn = model.edges().stream().filter(e -> e.kind() != EdgeKind.ENCRYPTS).toList(); // keys are badges
        for (Edge e : drawn) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(boxes.get(e.from()), boxes.get(e.to()));
            ElkGraphUtil.updateContainment(edge);
            ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
            label.setDimensions(TextMetrics.width(e.label(), EDGE_LABEL, false) + 6, EDGE_LABEL * LINE + 3);
            edgeOf.put(edge, e);
        }
        stackInColumns(model, drawn, boxes);
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        double width = root.getWidth();
        List<String> legend = legendLines(model, width - 32, words);
        double legendH = 10 + 4 * 18 + legend.size() * LEGEND * LINE + 14;
        double height = root.getHeight() + legendH + 8;
        StringBuilder svg = new StringBuilder();
        // No fixed width or height: the viewBox lets the drawing scale to the window or the page it is shown in.
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                + "preserveAspectRatio=\"xMidYMin meet\" font-family=\"%s\">%n", width, height, TextMetrics.FONT_FAMILY));
        svg.append("<title>").append(esc(title)).append("</title>\n");
        svg.append(String.format(Locale.ROOT, """
                <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>
                <marker id="arrow-copy" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f6fd1"/></marker>
                <marker id="arrow-control" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#999"/></marker>
                </defs>
                <style>
                .g-region{fill:#f7f8fa;stroke:#232f3e;stroke-width:1.5}
                .g-vpc{fill:#f4efff;stroke:#8c4fff;stroke-width:1.5;stroke-dasharray:6 3}
                .g-tier{fill:#ffffff;stroke:#b9a3ff;stroke-width:1}
                .g-title{font-size:%1$spx;font-weight:bold;fill:#232f3e}
                .node{fill:#fff;stroke:#c8ccd2;stroke-width:1}
                .n-title{font-size:%2$spx;font-weight:bold;fill:#16191f}
                .n-detail{font-size:%3$spx;fill:#545b64}
                .n-glyph{font-size:%4$spx;font-weight:bold;fill:#fff}
                .n-key{font-size:%5$spx;fill:#c7253e}
                .e-traffic{fill:none;stroke:#444;stroke-width:1.4}
                .e-copy{fill:none;stroke:#1f6fd1;stroke-width:2.2;stroke-dasharray:7 4}
                .e-control{fill:none;stroke:#999;stroke-width:1.1;stroke-dasharray:2 3}
                .e-label{font-size:%6$spx;fill:#16191f}
                .legend{font-size:%7$spx;fill:#232f3e}
                </style>
                """, num(GROUP_TITLE), num(NODE_TITLE), num(DETAIL), num(GLYPH), num(KEY), num(EDGE_LABEL), num(LEGEND)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#fff\"/>%n", width, height));
        for (var e : groupOf.entrySet()) {
            double[] at = absolute(e.getKey());
            Group g = e.getValue();
            String cls = "g-" + g.kind().name().toLowerCase(Locale.ROOT);
            svg.append(String.format(Locale.ROOT, "<g><rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\"/>%n",
                    cls, at[0], at[1], e.getKey().getWidth(), e.getKey().getHeight()));
            if (titles.get(e.getKey()).shortened() || titles.get(e.getKey()).split()) {
                svg.append("<title>").append(esc(g.label())).append("</title>");
            }
            block(svg, "g-title", titles.get(e.getKey()).lines(), GROUP_TITLE, at[0] + GROUP_PAD, new double[] {at[1] + 5});
            svg.append("</g>\n");
        }
        for (var e : edgeOf.entrySet()) {
            drawEdge(svg, e.getKey(), e.getValue());
        }
        for (var e : nodeOf.entrySet()) {
            drawNode(svg, absolute(e.getKey()), cards.get(e.getValue().id()), e.getValue());
        }
        legend(svg, legend, root.getHeight() + 4, width, legendH, words);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((int) d) : String.valueOf(d);
    }

    /**
     * What a node's box holds, measured: its title, detail and key badge wrapped to the box's width,
     * the box's height from their lines, and the full text when anything had to be shortened.
     */
    record Card(List<String> title, List<String> detail, List<String> keys, String full, boolean shortened, boolean split) {
        static Card of(Node n) {
            TextMetrics.Wrapped t = TextMetrics.wrap(n.label(), NODE_TITLE, true, TEXT_W, 3);
            TextMetrics.Wrapped d = n.detail().isEmpty() ? new TextMetrics.Wrapped(List.of(), false, false)
                    : TextMetrics.wrap(n.detail(), DETAIL, false, TEXT_W, 4);
            String keyText = n.keys().isEmpty() ? "" : "KMS: " + String.join(", ", n.keys().stream().map(SvgRenderer::shortKey).toList());
            TextMetrics.Wrapped k = keyText.isEmpty() ? new TextMetrics.Wrapped(List.of(), false, false)
                    : TextMetrics.wrap(keyText, KEY, false, TEXT_W, 2);
            String full = n.label() + (n.detail().isEmpty() ? "" : "\n" + n.detail()) + (keyText.isEmpty() ? "" : "\n" + keyText);
            return new Card(t.lines(), d.lines(), k.lines(), full, t.shortened() || d.shortened() || k.shortened(),
                    t.split() || d.split() || k.split());
        }

        double height() {
            double h = 2 * PAD + LINE * (NODE_TITLE * title.size() + DETAIL * detail.size() + KEY * keys.size());
            return Math.max(h, 38);
        }
    }

    /**
     * The nodes placed straight in a region (not in its VPC), each chain of them drawn by an edge
     * kept whole, are stacked into two columns by invisible edges, so that the operations services
     * stand under one another beside the VPC instead of in one row as wide as the page (with one
     * column the drawing is 1,413 wide and 4,513 tall; with two, about 1,234 by 2,960).
     */
    private static void stackInColumns(DiagramModel model, List<Edge> drawn, Map<String, ElkNode> boxes) {
        for (Group g : model.groups()) {
            if (g.kind() != DiagramModel.GroupKind.REGION) {
                continue;
            }
            List<String> members = model.nodes().stream().filter(n -> n.group().equals(g.id())).map(Node::id).toList();
            if (members.size() < 4) {
                continue;
            }
            // Components by the drawn edges between members (union-find on ids).
            Map<String, String> parent = new HashMap<>();
            members.forEach(m -> parent.put(m, m));
            for (Edge e : drawn) {
                if (parent.containsKey(e.from()) && parent.containsKey(e.to())) {
                    parent.put(root(parent, e.from()), root(parent, e.to()));
                }
            }
            Map<String, List<String>> components = new LinkedHashMap<>();
            members.forEach(m -> components.computeIfAbsent(root(parent, m), k -> new ArrayList<>()).add(m));
            int columns = 2;
            double[] heights = new double[columns];
            String[] last = new String[columns];
            for (List<String> c : components.values()) {
                int col = 0;
                for (int i = 1; i < columns; i++) {
                    col = heights[i] < heights[col] ? i : col;
                }
                String head = c.stream().filter(m -> drawn.stream().noneMatch(e -> e.to().equals(m) && c.contains(e.from())))
                        .findFirst().orElse(c.get(0));
                String tail = c.stream().filter(m -> drawn.stream().noneMatch(e -> e.from().equals(m) && c.contains(e.to())))
                        .reduce((a, b) -> b).orElse(c.get(c.size() - 1));
                if (last[col] != null) {
                    ElkEdge chain = ElkGraphUtil.createSimpleEdge(boxes.get(last[col]), boxes.get(head));
                    ElkGraphUtil.updateContainment(chain);
                }
                last[col] = tail;
                heights[col] += c.size();
            }
        }
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private static void drawNode(StringBuilder svg, double[] at, Card card, Node n) {
        double x = at[0];
        double y = at[1];
        double h = card.height();
        svg.append(String.format(Locale.ROOT, "<g><rect class=\"node\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"/>%n",
                x, y, NODE_W, h));
        if (card.shortened() || card.split()) {
            svg.append("<title>").append(esc(card.full())).append("</title>\n");
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"%s\"/>%n",
                x, y, BAR_W, h, n.kind().color()));
        svg.append(String.format(Locale.ROOT, "<text class=\"n-glyph\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                x + BAR_W / 2, y + h / 2 + GLYPH * 0.36, esc(n.kind().glyph())));
        double[] cursor = {y + PAD};
        block(svg, "n-title", card.title(), NODE_TITLE, x + TEXT_X, cursor);
        block(svg, "n-detail", card.detail(), DETAIL, x + TEXT_X, cursor);
        block(svg, "n-key", card.keys(), KEY, x + TEXT_X, cursor);
        svg.append("</g>\n");
    }

    /** Lines drawn as one text element of tspans, from the cursor down, which moves past them. */
    private static void block(StringBuilder svg, String cls, List<String> lines, double size, double x, double[] cursor) {
        if (lines.isEmpty()) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"%s\">", cls));
        for (String line : lines) {
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" y=\"%.1f\">%s</tspan>", x, cursor[0] + size * 0.93, esc(line)));
            cursor[0] += size * LINE;
        }
        svg.append("</text>\n");
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
            svg.append(String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#fff\" opacity=\"0.85\"/>",
                    off[0] + l.getX(), off[1] + l.getY(), l.getWidth(), l.getHeight()));
            svg.append(String.format(Locale.ROOT, "<text class=\"e-label\" x=\"%.1f\" y=\"%.1f\">%s</text></g>%n",
                    off[0] + l.getX() + 3, off[1] + l.getY() + 1.5 + EDGE_LABEL * 0.93, esc(l.getText())));
        }
    }

    /** The legend's "Grouped" and "Hidden" sentences, wrapped to the drawing's width. */
    private static List<String> legendLines(DiagramModel model, double width, UnaryOperator<String> words) {
        List<String> out = new ArrayList<>();
        out.addAll(TextMetrics.wrap(words.apply("Grouped:") + " " + groupedText(model, words), LEGEND, false, width, 20).lines());
        out.addAll(TextMetrics.wrap(words.apply("Hidden (IAM and plumbing, " + Plural.of(model.hidden().values().stream()
                .mapToInt(Integer::intValue).sum(), "resource") + "):") + " " + hiddenText(model, words), LEGEND, false, width, 20).lines());
        return out;
    }

    private static void legend(StringBuilder svg, List<String> wrapped, double top, double width, double height,
                               UnaryOperator<String> words) {
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\"><rect x=\"8\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"#fff\" stroke=\"#c8ccd2\"/>%n", top, width - 16, height));
        double y = top + 10 + LEGEND * 0.93;
        String[][] lines = {{"e-traffic", "arrow", "network traffic, labelled with the port (from security-group rules)"},
            {"e-copy", "arrow-copy", "copy of data: replication, backup, cross-region copy"},
            {"e-control", "arrow-control", "control: WAF filtering, logs, notifications, build"}};
        for (String[] l : lines) {
            svg.append(String.format(Locale.ROOT, "<path class=\"%s\" d=\"M16,%.1f L60,%.1f\" marker-end=\"url(#%s)\"/>"
                    + "<text x=\"68\" y=\"%.1f\">%s</text>%n", l[0], y - 4, y - 4, l[1], y, esc(words.apply(l[2]))));
            y += 18;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" class=\"n-key\">%s</text>"
                + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", y, esc(words.apply("KMS: name")),
                24 + TextMetrics.width(words.apply("KMS: name"), KEY, false), y,
                esc(words.apply("the customer-managed KMS key that encrypts the resource at rest"))));
        y += 18;
        for (String line : wrapped) {
            svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\">%s</text>%n", y, esc(line)));
            y += LEGEND * LINE;
        }
        svg.append("</g>\n");
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
