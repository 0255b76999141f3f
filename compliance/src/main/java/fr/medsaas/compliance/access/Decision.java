package fr.medsaas.compliance.access;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What IAM decides for one request, the statements that decided it, and why it could not be
 * decided when it could not.
 *
 * @param outcome allowed, denied (implicitly or explicitly), an error in the request, or cannot decide
 * @param deciding the statements that decided: the allowing statements when allowed, the denying ones
 *                 when explicitly denied; none when implicitly denied (no statement allows)
 * @param blockedBy which policy kinds did not allow: {@code identity}, {@code resource}, {@code vpce},
 *                  {@code scp}, {@code rcp}, {@code pb}
 * @param errors what is wrong with the request (an unknown action, an ARN of a type the action does
 *               not take, an invalid policy) or why the engine could not run
 */
public record Decision(Outcome outcome, List<DecidingStatement> deciding, List<String> blockedBy, List<String> errors) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        deciding = List.copyOf(deciding);
        blockedBy = List.copyOf(blockedBy);
        errors = List.copyOf(errors);
    }

    /** The engine's possible answers. */
    public enum Outcome {
        ALLOWED, IMPLICIT_DENY, EXPLICIT_DENY,
        /** The request itself is wrong: an unknown action, a resource of the wrong type, an invalid policy. */
        ERROR,
        /** The engine could not run (npm could not fetch it, Node failed): never read as allowed. */
        CANNOT_DECIDE
    }

    /**
     * One statement that decided: which kind of policy, which policy (its name in the request), its
     * Sid when it has one and its 1-based index in the policy.
     */
    public record DecidingStatement(String policyType, String policyName, String sid, int index, String effect) {
        /** The statement in one phrase: {@code identity policy DeployPolicy statement 3 (Sid PassRoles)}. */
        public String describe() {
            return policyType + " policy " + (policyName.isEmpty() ? "" : policyName + " ") + "statement " + index
                    + (sid.isEmpty() ? "" : " (Sid " + sid + ")");
        }
    }

    /** A decision for a request the engine could not evaluate. */
    public static Decision cannotDecide(String reason) {
        return new Decision(Outcome.CANNOT_DECIDE, List.of(), List.of(), List.of(reason));
    }

    /** Whether every policy on the way allows the request. */
    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** The decision in one line: outcome, deciding statements, blocking policy kinds, errors. */
    public String describe() {
        StringBuilder b = new StringBuilder(outcome.name().toLowerCase().replace('_', ' '));
        if (!deciding.isEmpty()) {
            b.append(" by ").append(deciding.stream().map(DecidingStatement::describe).collect(Collectors.joining(", ")));
        }
        if (!allowed() && !blockedBy.isEmpty()) {
            b.append("; not allowed by the ").append(String.join(", ", blockedBy)).append(" policies");
        }
        if (!errors.isEmpty()) {
            b.append(": ").append(String.join("; ", errors));
        }
        return b.toString();
    }
}
