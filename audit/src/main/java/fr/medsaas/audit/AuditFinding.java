package fr.medsaas.audit;

import java.util.List;
import java.util.Objects;

/**
 * One control's answer on one live resource (or on an account and region when the control is
 * account-wide): the rule ID and references are those of {@code check} for a rule's live twin,
 * {@code MEDSAAS-LIVE-n} / {@code MEDSAAS-DRIFT-n} for what only a live account shows.
 *
 * @param ruleId        e.g. MEDSAAS-PUB-1, MEDSAAS-LIVE-4, MEDSAAS-DRIFT-1
 * @param status        PASS, FAIL or COULD_NOT_CHECK
 * @param message       what was found, or why it could not be checked
 * @param physicalId    the deployed resource's physical ID (bucket name, sg-..., key ID), or "account"
 * @param region        the region the resource was read in
 * @param stackName     the deployed stack holding the resource; empty for an account-wide control
 * @param logicalId     the resource's logical ID in that stack; empty when none
 * @param constructPath the template metadata {@code aws:cdk:path}; empty when none
 * @param references    requirement IDs, HDS EXI numbers, RGPD articles
 */
public record AuditFinding(String ruleId, Status status, String message, String physicalId, String region,
                           String stackName, String logicalId, String constructPath, List<String> references) {
    public AuditFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        physicalId = physicalId == null ? "" : physicalId;
        region = region == null ? "" : region;
        stackName = stackName == null ? "" : stackName;
        logicalId = logicalId == null ? "" : logicalId;
        constructPath = constructPath == null ? "" : constructPath;
        references = List.copyOf(references);
    }

    /** One line, as the text report prints it. */
    public String describe() {
        String where = logicalId.isEmpty() ? physicalId : stackName + "/" + logicalId + " (" + physicalId + ")";
        return String.format(java.util.Locale.ROOT, "%-15s %-17s %-12s %s: %s [%s]", status == Status.NOT_EMULATED ? "NOT EMULATED" : status, ruleId, region, where, message,
                String.join(", ", references));
    }
}
