package fr.medsaas.compliance.rules;

import fr.medsaas.compliance.check.Resource;
import java.util.Optional;

/**
 * A rule's answer on one resource (or on the whole assembly when {@code resource} is empty).
 *
 * @param status   the answer
 * @param resource the resource judged; empty for an answer about the assembly as a whole
 * @param message  what holds or what is wrong, naming the values seen
 */
public record Outcome(Status status, Optional<Resource> resource, String message) {

    public static Outcome pass(Resource r, String message) {
        return new Outcome(Status.COMPLIANT, Optional.of(r), message);
    }

    public static Outcome fail(Resource r, String message) {
        return new Outcome(Status.NON_COMPLIANT, Optional.of(r), message);
    }

    public static Outcome undecided(Resource r, String message) {
        return new Outcome(Status.CANNOT_DECIDE, Optional.of(r), message);
    }

    /** A finding about the assembly as a whole (something missing everywhere). */
    public static Outcome assembly(Status status, String message) {
        return new Outcome(status, Optional.empty(), message);
    }
}
