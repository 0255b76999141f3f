package fr.medsaas.compliance.check;

import java.util.List;

/**
 * Every answer of the pack over one set of templates.
 *
 * @param graph   the indexed templates
 * @param results the answers, rule by rule
 */
public record CheckReport(ResourceGraph graph, List<CheckResult> results) {

    /** Non-compliant errors nobody acknowledged. */
    public List<CheckResult> blocking() {
        return results.stream().filter(CheckResult::blocking).toList();
    }

    /** Findings (non-compliant or undecided) that are not blocking: warnings, acknowledged, undecided. */
    public List<CheckResult> findings() {
        return results.stream().filter(CheckResult::isFinding).toList();
    }

    /** Whether nothing blocks. */
    public boolean clean() {
        return blocking().isEmpty();
    }
}
