package fr.medsaas.audit;

import java.util.ArrayList;
import java.util.List;

/** The findings of one audit run, in the order found. */
public final class Findings {
    private final List<AuditFinding> all = new ArrayList<>();

    /** A control's answer on a deployed resource. */
    public void on(DeployedResource r, Control c, Status s, String message) {
        all.add(new AuditFinding(c.id(), s, message, r.physicalId(), r.region(), r.stackName(), r.logicalId(),
                r.constructPath(), c.references()));
    }

    /** A control's answer on something that is not a stack's resource (an account's trail, a region). */
    public void on(String physicalId, String region, Control c, Status s, String message) {
        all.add(new AuditFinding(c.id(), s, message, physicalId, region, "", "", "", c.references()));
    }

    /** A control that could not be read, with the reason. */
    public void couldNotCheck(DeployedResource r, Control c, String reason) {
        on(r, c, Status.COULD_NOT_CHECK, reason);
    }

    public List<AuditFinding> all() {
        return List.copyOf(all);
    }
}
