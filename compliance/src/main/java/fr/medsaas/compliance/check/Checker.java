package fr.medsaas.compliance.check;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.Finding;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the pack over indexed templates and applies each resource's acknowledgements. */
public final class Checker {
    private Checker() {
    }

    /** Every answer of every rule of the pack, rule by rule, in the strict profile. */
    public static CheckReport run(ResourceGraph graph) {
        return run(graph, Profile.STRICT);
    }

    /** Every answer of every rule of the pack, rule by rule, in {@code profile}. */
    public static CheckReport run(ResourceGraph graph, Profile profile) {
        List<CheckResult> results = new ArrayList<>();
        for (MedSaasPack.PackRule pr : MedSaasPack.RULES) {
            if (profile == Profile.BASELINE && pr.scope() == MedSaasPack.Scope.STRICT_ONLY) {
                results.add(new CheckResult(pr.info(), Status.NOT_APPLICABLE, Optional.empty(),
                        "our platform's own convention: checked in the strict profile only", Optional.empty()));
                continue;
            }
            List<Outcome> outcomes = pr.rule().check(graph);
            if (profile == Profile.BASELINE && pr.scope() == MedSaasPack.Scope.NEEDS_ASSEMBLY) {
                outcomes = outcomes.stream().map(o -> o.status() != Status.NON_COMPLIANT ? o
                        : new Outcome(Status.CANNOT_DECIDE, o.resource(), "cannot decide in one template (what it needs "
                                + "may live in another stack): " + o.message())).toList();
            }
            if (outcomes.isEmpty()) {
                results.add(new CheckResult(pr.info(), Status.NOT_APPLICABLE, Optional.empty(),
                        "nothing in the templates this rule applies to", Optional.empty()));
            }
            for (Outcome o : outcomes) {
                Optional<String> ack = o.status() == Status.NON_COMPLIANT || o.status() == Status.CANNOT_DECIDE
                        ? o.resource().flatMap(r -> r.acknowledgement(pr.info().id()))
                        : Optional.empty();
                results.add(new CheckResult(pr.info(), o.status(), o.resource(), o.message(), ack));
            }
        }
        return new CheckReport(graph, results, profile);
    }

    /** Runs the pack on the assembly in {@code directory}. */
    public static CheckReport run(CloudAssembly assembly) {
        return run(ResourceGraph.of(assembly));
    }

    /** Our pack's open errors on {@code assembly}, as synthesis lists cdk-nag's. */
    public static List<Finding> blocking(CloudAssembly assembly) {
        return run(assembly).blocking().stream().map(CheckResult::toFinding).toList();
    }
}
