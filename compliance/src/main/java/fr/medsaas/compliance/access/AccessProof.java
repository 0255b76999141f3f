package fr.medsaas.compliance.access;

import fr.medsaas.compliance.check.ResourceGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * The access proof of an assembly (ACC-1): every path of its catalogue decided by the IAM engine,
 * in one Node process.
 */
public final class AccessProof {
    /** One path and what IAM decides for it. */
    public record Proven(AccessPath path, Decision decision) {
        /** The path and its decision in one line, with the deciding statements' origins. */
        public String describe() {
            StringBuilder b = new StringBuilder(path.describe()).append(": ").append(decision.describe());
            for (Decision.DecidingStatement s : decision.deciding()) {
                if (!decision.allowed()) {
                    b.append(" [statement ").append(s.sid().isEmpty() ? "#" + s.index() : s.sid()).append(" of ")
                            .append(path.sourceOf(s)).append(']');
                }
            }
            if (!decision.allowed() && decision.deciding().isEmpty() && !decision.blockedBy().isEmpty()) {
                b.append(" [no statement of ").append(blockingSources()).append(" allows it]");
            }
            return b.toString();
        }

        private String blockingSources() {
            List<String> out = new ArrayList<>();
            for (String kind : decision.blockedBy()) {
                switch (kind) {
                    case "identity" -> out.addAll(path.request().policies().identity().stream()
                            .map(p -> path.sources().getOrDefault(p.name(), p.name())).toList());
                    case "resource" -> out.add(path.sources().getOrDefault("resource", "the resource policy"));
                    case "vpce" -> out.addAll(path.request().policies().endpoints().stream().map(NamedPolicy::name).toList());
                    default -> out.add(kind);
                }
            }
            return out.isEmpty() ? String.join(", ", decision.blockedBy()) : String.join(", ", out);
        }
    }

    private AccessProof() {
    }

    /** Every path of the graph, decided. */
    public static List<Proven> of(ResourceGraph graph, IamEngine engine) {
        List<AccessPath> paths = AccessPaths.of(graph);
        List<Decision> decisions = engine.evaluate(paths.stream().map(AccessPath::request).toList());
        List<Proven> out = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            out.add(new Proven(paths.get(i), decisions.get(i)));
        }
        return out;
    }
}
