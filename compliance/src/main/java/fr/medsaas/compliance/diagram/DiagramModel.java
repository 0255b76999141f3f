package fr.medsaas.compliance.diagram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The architecture as a plain graph, before any layout: nested groups (region, VPC, tier), nodes
 * (one per resource or per grouped kind), edges, and what the legend must say.
 *
 * @param groups  every group, parents before children
 * @param nodes   every node
 * @param edges   every edge
 * @param grouped what was drawn as one node per kind: kind name to resource count
 * @param hidden  what was not drawn: CloudFormation type to resource count
 */
public record DiagramModel(List<Group> groups, List<Node> nodes, List<Edge> edges,
                           Map<String, Integer> grouped, Map<String, Integer> hidden) {

    /** The id of the node standing for the internet. */
    public static final String INTERNET = "internet";

    /** What a group is. */
    public enum GroupKind { REGION, VPC, TIER }

    /**
     * A nested box.
     *
     * @param id     unique id (letters, digits, underscores)
     * @param label  the title drawn in the box
     * @param kind   region, VPC or tier
     * @param parent the enclosing group's id, or empty for a top-level group
     */
    public record Group(String id, String label, GroupKind kind, String parent) {
    }

    /**
     * A node: one resource, or every resource of a grouped kind in one group.
     *
     * @param id     unique id (letters, digits, underscores)
     * @param kind   its kind (glyph, colour)
     * @param label  the title (a name, or "3 × NAT gateway")
     * @param detail a second line (engine, size, names of the grouped resources), may be empty
     * @param keys   the names of the KMS keys that encrypt it (its badge)
     * @param group  the enclosing group's id, or empty (the internet)
     * @param count  how many resources it stands for
     */
    public record Node(String id, Kind kind, String label, String detail, List<String> keys, String group, int count) {
    }

    /** What an edge says. */
    public enum EdgeKind {
        /** Network traffic (security-group rule, origin, listener). */
        TRAFFIC,
        /** A copy of data across regions or into a vault (replication, backup, copy). */
        COPY,
        /** A control-plane or delivery relation (logs, notifications, build, image). */
        CONTROL,
        /** A KMS key encrypting a store (a thin edge in the model, a badge on the SVG). */
        ENCRYPTS
    }

    /**
     * A directed edge.
     *
     * @param from  source node id
     * @param to    target node id
     * @param label what flows ("443", "5432", "replicates")
     * @param kind  what it says
     */
    public record Edge(String from, String to, String label, EdgeKind kind) {
    }

    /** The node with this id. */
    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }

    /**
     * The same graph with every human-readable text (group and node labels, details, edge labels,
     * grouped kinds' names) put through {@code words}, the language of a drawing; ids, kinds, key
     * names and hidden CloudFormation types stay as they are.
     */
    public DiagramModel translated(UnaryOperator<String> words) {
        Map<String, Integer> names = new LinkedHashMap<>();
        grouped.forEach((k, v) -> names.put(words.apply(k), v));
        return new DiagramModel(
                groups.stream().map(g -> new Group(g.id(), words.apply(g.label()), g.kind(), g.parent())).toList(),
                nodes.stream().map(n -> new Node(n.id(), n.kind(), words.apply(n.label()),
                        n.detail().isEmpty() ? "" : words.apply(n.detail()), n.keys(), n.group(), n.count())).toList(),
                edges.stream().map(e -> new Edge(e.from(), e.to(), words.apply(e.label()), e.kind())).toList(),
                names, hidden);
    }

    /** The group with this id. */
    public Group group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + id));
    }
}
