package fr.medsaas.platform;

import fr.medsaas.compliance.assembly.Finding;
import java.util.List;

/** Synthesis stopped: rule packs found errors that nobody acknowledged (CMPL-1). Nothing was written. */
public final class UnacknowledgedFindingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    public UnacknowledgedFindingsException(List<Finding> findings) {
        super(findings.size() + " unacknowledged rule-pack error(s)");
        this.findings = List.copyOf(findings);
    }

    /** The open errors, one per construct. */
    public List<Finding> findings() {
        return findings;
    }
}
