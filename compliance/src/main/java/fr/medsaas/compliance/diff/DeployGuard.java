package fr.medsaas.compliance.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deploy guard's decision (RB-1): a deployment that would delete, replace or orphan a stateful
 * resource is refused unless each one is named with a reason ({@code --allow-replace ID=REASON})
 * and a Retain or Snapshot policy still keeps the old resource.
 */
public final class DeployGuard {
    private DeployGuard() {
    }

    /** One stateful resource at risk and what the guard makes of it. */
    public record Decision(ResourceChange change, boolean allowed, String why) {
    }

    /**
     * The decision for every stateful resource at risk.
     *
     * @param allowances reasons by logical ID, from {@code --allow-replace}
     * @param unused     the allowances that name no resource at risk (filled in)
     */
    public record Verdict(List<Decision> decisions, Set<String> unused) {
        /** Copies. */
        public Verdict {
            decisions = List.copyOf(decisions);
            unused = Set.copyOf(unused);
        }

        /** Whether the deployment may go on. */
        public boolean passes() {
            return decisions.stream().allMatch(Decision::allowed);
        }

        /** The decisions that stop it. */
        public List<Decision> refused() {
            return decisions.stream().filter(d -> !d.allowed()).toList();
        }
    }

    /** Judges {@code diff} with the allowances given, by logical ID. */
    public static Verdict judge(AssemblyDiff diff, Map<String, String> allowances) {
        List<Decision> decisions = new ArrayList<>();
        Set<String> unused = new TreeSet<>(allowances.keySet());
        for (ResourceChange c : diff.atRisk()) {
            String reason = allowances.get(c.logicalId());
            unused.remove(c.logicalId());
            if (reason == null) {
                decisions.add(new Decision(c, false, "not allowed: name it with --allow-replace " + c.logicalId()
                        + "=REASON once the data is safe"));
            } else if (c.keepPolicy().isEmpty() && c.effect() != Effect.UNKNOWN) {
                decisions.add(new Decision(c, false, "allowed (\"" + reason + "\"), but no Retain or Snapshot policy "
                        + "keeps the old one: it would be destroyed with its data; restore the policy first"));
            } else {
                decisions.add(new Decision(c, true, "allowed: " + reason
                        + c.keepPolicy().map(p -> " (the old one kept by " + p + ")").orElse("")));
            }
        }
        return new Verdict(decisions, unused);
    }
}
