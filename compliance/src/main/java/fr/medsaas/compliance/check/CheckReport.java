package fr.medsaas.compliance.check;

import java.util.List;

/**
 * Every answer of the pack over one set of templates.
 *
 * @param graph   the indexed templates
 * @param results the answers, rule by rule
 * @param profile the profile they were given in
 */
public record CheckReport(ResourceGraph graph, List<CheckResult> results, Profile profile) {

    /** Non-compliant errors nobody acknowledged. */
    public List<CheckResult> blocking() {
        return results.stream().filter(CheckResult::blocking).toList();
    }

    /** Findings (non-compliant or undecided) that are not blocking: warnings, acknowledged, undecided. */
    public List<CheckResult> findings() {
        return results.stream().filter(CheckResult::isFinding).toList();
    }

    /**
     * Resources of types that no rule can judge (neither a store of the catalogue nor a type known
     * to hold no data), counted by type: reported as not evaluated, never as compliant.
     */
    public java.util.SortedMap<String, Long> notEvaluated() {
        return graph.resources().stream().map(Resource::type)
                .filter(fr.medsaas.compliance.stores.StoreCatalogue::notEvaluated)
                .collect(java.util.stream.Collectors.groupingBy(t -> t, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    /** Whether nothing blocks. */
    public boolean clean() {
        return blocking().isEmpty();
    }
}
