package fr.medsaas.compliance.report;

import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pack's answers for a person: the verdict first, then what is open (errors, warnings,
 * undecided, acknowledged), rule by rule; passes only when asked ({@code --verbose}), except the
 * assembly-wide ones that sum a rule up (the number of access paths proven).
 */
public final class TextReport {
    private TextReport() {
    }

    /** Writes the verdict and the findings; passes too. */
    public static void write(CheckReport report, PrintWriter out) {
        write(report, out, true);
    }

    /** Writes the verdict and the findings, then every pass when {@code verbose}. */
    public static void write(CheckReport report, PrintWriter out, boolean verbose) {
        long errors = report.blocking().size();
        long acknowledged = report.results().stream().filter(r -> r.acknowledgment().isPresent()).count();
        long undecided = report.results().stream().filter(r -> r.status() == Status.CANNOT_DECIDE && r.acknowledgment().isEmpty()).count();
        long warnings = report.results().stream().filter(r -> r.status() == Status.NON_COMPLIANT && !r.blocking()
                && r.acknowledgment().isEmpty()).count();
        long passes = report.results().stream().filter(r -> r.status() == Status.COMPLIANT).count();
        out.printf(Locale.ROOT, "%s (%s profile): %s%n", MedSaasPack.NAME, report.profile().label(), errors == 0 ? "PASSED" : "FAILED");
        out.printf(Locale.ROOT, "%s, %s in %s; %s, %s, %s, %s, %s%n",
                plural(MedSaasPack.RULES.size(), "rule"), plural(report.graph().resources().size(), "resource"),
                plural(report.graph().stacks().size(), "stack"), plural(errors, "open error"), plural(warnings, "warning"),
                undecided + " undecided", acknowledged + " acknowledged", plural(passes, "pass", "passes"));
        for (MedSaasPack.PackRule rule : MedSaasPack.RULES) {
            List<CheckResult> results = report.results().stream().filter(r -> r.rule().id().equals(rule.info().id())).toList();
            // An assembly-wide pass is a summary (how many access paths are proven), shown without --verbose too.
            List<CheckResult> shown = verbose ? results : results.stream()
                    .filter(r -> r.isFinding() || (r.status() == Status.COMPLIANT && r.resource().isEmpty())).toList();
            if (shown.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "%s (%s, %s): %s%n", rule.info().id(), rule.info().level().label(), verdict(results),
                    rule.info().title());
            for (CheckResult r : shown) {
                out.println("  " + r.describe());
            }
        }
        Map<String, Long> unknown = report.notEvaluated();
        if (!unknown.isEmpty()) {
            out.println("Not evaluated (types the store catalogue does not know; they may hold data): "
                    + String.join(", ", unknown.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList()));
        }
        if (!verbose && passes > 0) {
            out.println("(" + plural(passes, "pass", "passes") + " not shown; --verbose lists them)");
        }
        out.flush();
    }

    /** {@code 1 stack}, {@code 2 stacks}. */
    public static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    /** {@code 1 pass}, {@code 2 passes}. */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String verdict(List<CheckResult> results) {
        long failed = results.stream().filter(CheckResult::blocking).count();
        if (failed > 0) {
            return "failed on " + failed;
        }
        if (results.stream().allMatch(r -> r.status() == Status.NOT_APPLICABLE)) {
            return "not applicable";
        }
        return results.stream().anyMatch(CheckResult::isFinding) ? "open findings, none blocking" : "all pass";
    }
}
