package fr.medsaas.compliance.check;

import fr.medsaas.compliance.assembly.Finding;
import fr.medsaas.compliance.rules.Level;
import fr.medsaas.compliance.rules.RuleInfo;
import fr.medsaas.compliance.rules.Status;
import java.util.Locale;
import java.util.Optional;

/**
 * One answer of one rule of the pack, with the acknowledgement that covers it, if any.
 *
 * @param rule           the rule
 * @param status         its answer
 * @param resource       the resource judged; empty for an answer about the whole assembly
 * @param message        what holds or what is wrong
 * @param acknowledgment the reason written in the resource's {@code cdk_nag} metadata, if acknowledged
 */
public record CheckResult(RuleInfo rule, Status status, Optional<Resource> resource, String message,
                          Optional<String> acknowledgment) {

    /** A non-compliant answer, or one the rule could not decide. */
    public boolean isFinding() {
        return status == Status.NON_COMPLIANT || status == Status.CANNOT_DECIDE;
    }

    /** A non-compliant error nobody acknowledged: it fails synthesis and {@code check}. */
    public boolean blocking() {
        return status == Status.NON_COMPLIANT && rule.level() == Level.ERROR && acknowledgment.isEmpty();
    }

    /** The construct path, or the stack and logical id, or {@code (assembly)}. */
    public String where() {
        return resource.map(Resource::constructPath).orElse("(assembly)");
    }

    /** As a rule-pack finding, beside cdk-nag's ({@code synth} lists both the same way). */
    public Finding toFinding() {
        return new Finding(fr.medsaas.compliance.packs.MedSaasPack.NAME, rule.id(),
                status == Status.CANNOT_DECIDE ? "warning" : rule.level().label(), rule.title() + ": " + message,
                where(), acknowledgment.isPresent(), acknowledgment.orElse(null));
    }

    /** One line for a person. */
    public String describe() {
        String head = switch (status) {
            case COMPLIANT -> "PASS";
            case NOT_APPLICABLE -> "N/A";
            case CANNOT_DECIDE -> "UNDECIDED";
            case NON_COMPLIANT -> acknowledgment.isPresent() ? "ACKNOWLEDGED" : rule.level().name();
        };
        String line = String.format(Locale.ROOT, "%-12s %-14s %s: %s", head, rule.id(), where(), message);
        return acknowledgment.map(a -> line + " [acknowledged: " + a + "]").orElse(line);
    }
}
