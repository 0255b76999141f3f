package fr.medsaas.compliance.rules.access;

import fr.medsaas.config.Plural;
import fr.medsaas.compliance.access.AccessPath;
import fr.medsaas.compliance.access.AccessPaths;
import fr.medsaas.compliance.access.AccessProof;
import fr.medsaas.compliance.access.HandlerPermissions;
import fr.medsaas.compliance.access.Decision;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Every access path of one family (deploy time or run time) is allowed by every policy on its way,
 * as a real IAM engine decides (ACC-1). A denied path fails on the resource that needs it, naming the
 * path, the deciding statement and where that statement comes from; a path the engine could not
 * decide is reported as such, never as allowed.
 */
public final class AccessPathsAllowed implements Rule {
    private final AccessPath.Family family;

    public AccessPathsAllowed(AccessPath.Family family) {
        this.family = family;
    }

    @Override
    public List<Outcome> check(ResourceGraph graph) {
        List<AccessProof.Proven> proven = AccessProof.of(graph).stream()
                .filter(p -> p.path().family() == family).toList();
        if (proven.isEmpty()) {
            return List.of();
        }
        List<Outcome> out = new ArrayList<>();
        boolean unknownTypes = false;
        if (family == AccessPath.Family.DEPLOY) {
            // A type the handler-permission table does not know: what CloudFormation calls for it
            // cannot be listed, so the execution policy is not proven for it, and the assembly is
            // refused until the table knows it (the rule is the strict profile's only).
            HandlerPermissions table = HandlerPermissions.standard();
            for (Resource r : AccessPaths.withoutHandlerPermissions(graph)) {
                unknownTypes = true;
                out.add(new Outcome(Status.NON_COMPLIANT, Optional.of(r), "what CloudFormation's handlers call for "
                        + r.type() + " is not in the handler-permission table (handler-permissions.tsv, read "
                        + table.readOn() + "): add its registry schema's handler permissions (tools/handler-permissions.sh)"));
            }
        }
        long allowed = 0;
        Map<String, Integer> allowedByResource = new LinkedHashMap<>();
        Set<String> deniedResources = new HashSet<>();
        for (AccessProof.Proven p : proven) {
            Decision d = p.decision();
            String key = p.path().stack() + "/" + p.path().logicalId();
            if (d.allowed()) {
                allowed++;
                allowedByResource.merge(key, 1, Integer::sum);
                continue;
            }
            deniedResources.add(key);
            Optional<Resource> r = resource(graph, p.path());
            String message = p.describe() + " (" + p.path().doc() + ")";
            Status status = d.outcome() == Decision.Outcome.CANNOT_DECIDE ? Status.CANNOT_DECIDE : Status.NON_COMPLIANT;
            out.add(new Outcome(status, r, message));
        }
        for (AccessProof.Proven p : proven) {
            String key = p.path().stack() + "/" + p.path().logicalId();
            Integer n = allowedByResource.remove(key);
            if (n != null && !deniedResources.contains(key)) {
                resource(graph, p.path()).ifPresent(r -> out.add(Outcome.pass(r, Plural.of(n, "access path") + " allowed")));
            }
        }
        if (allowed == proven.size() && !unknownTypes) {
            out.add(Outcome.assembly(Status.COMPLIANT, allowed + " " + family.name().toLowerCase().replace("deploy", "deploy-time")
                    .replace("run", "run-time") + Plural.noun(allowed, " access path proven allowed by every policy on its way",
                    " access paths proven allowed by every policy on their way")));
        }
        return out;
    }

    private static Optional<Resource> resource(ResourceGraph graph, AccessPath path) {
        for (StackTemplate s : graph.stacks()) {
            if (s.stackName().equals(path.stack())) {
                return graph.get(s, path.logicalId());
            }
        }
        return Optional.empty();
    }
}
