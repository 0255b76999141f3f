package fr.medsaas.compliance.report;

import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.Status;
import java.io.PrintWriter;
import java.util.Locale;

/** The pack's answers for a person: every rule's results, then a summary line. */
public final class TextReport {
    private TextReport() {
    }

    /** Writes every answer, rule by rule (passes too: an auditor reads what was checked). */
    public static void write(CheckReport report, PrintWriter out) {
        for (MedSaasPack.PackRule rule : MedSaasPack.RULES) {
            var results = report.results().stream().filter(r -> r.rule().id().equals(rule.info().id())).toList();
            long failed = results.stream().filter(CheckResult::blocking).count();
            out.printf(Locale.ROOT, "%s %s (%s): %s%n", rule.info().id(), rule.info().level().label(), verdict(results, failed),
                    rule.info().title());
            for (CheckResult r : results) {
                out.println("  " + r.describe());
            }
        }
        long errors = report.blocking().size();
        long acknowledged = report.results().stream().filter(r -> r.acknowledgment().isPresent()).count();
        long undecided = report.results().stream().filter(r -> r.status() == Status.CANNOT_DECIDE).count();
        long warnings = report.results().stream().filter(r -> r.status() == Status.NON_COMPLIANT && !r.blocking()
                && r.acknowledgment().isEmpty()).count();
        out.printf(Locale.ROOT, "%s: %d rules, %d resources in %d stacks; %d open errors, %d warnings, %d undecided, %d acknowledged%n",
                MedSaasPack.NAME, MedSaasPack.RULES.size(), report.graph().resources().size(), report.graph().stacks().size(),
                errors, warnings, undecided, acknowledged);
        out.flush();
    }

    private static String verdict(java.util.List<CheckResult> results, long failed) {
        if (failed > 0) {
            return "FAILED on " + failed;
        }
        if (results.stream().allMatch(r -> r.status() == Status.NOT_APPLICABLE)) {
            return "not applicable";
        }
        return results.stream().anyMatch(CheckResult::isFinding) ? "passed with findings" : "passed";
    }
}
