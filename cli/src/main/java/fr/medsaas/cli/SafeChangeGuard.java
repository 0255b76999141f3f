package fr.medsaas.cli;

import fr.medsaas.config.Plural;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.diff.AssemblyDiff;
import fr.medsaas.compliance.diff.ChangeSets;
import fr.medsaas.compliance.diff.DeployGuard;
import fr.medsaas.compliance.diff.PreviousTemplates;
import fr.medsaas.compliance.diff.ReplacementProperties;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy guard's step (RB-1): compares what would be deployed with what is deployed, prints
 * the stateful resources at risk, and says whether the deployment may go on. Called by
 * {@code deploy} before anything is sent.
 */
final class SafeChangeGuard {
    private SafeChangeGuard() {
    }

    /**
     * Checks {@code next} against {@code deployed} (and CloudFormation's change sets, when given);
     * returns {@link ExitCodes#OK} to go on, or {@link ExitCodes#UNSAFE_CHANGE} after printing why.
     */
    static int check(List<StackTemplate> next, PreviousTemplates deployed, Optional<ChangeSets> changeSets,
                     Map<String, String> allowances, PrintWriter out, PrintWriter err) {
        AssemblyDiff diff = AssemblyDiff.compare(next, deployed, ReplacementProperties.shipped());
        if (changeSets.isPresent()) {
            diff = diff.withChangeSets(next, changeSets.get());
        }
        DeployGuard.Verdict verdict = DeployGuard.judge(diff, allowances);
        out.printf(Locale.ROOT, "guard: compared with %s: %s, %s at risk%n", diff.against(),
                Plural.of(diff.changes().size(), "change"), Plural.of(verdict.decisions().size(), "stateful resource"));
        diff.notes().forEach(n -> out.println("guard: note: " + n));
        for (DeployGuard.Decision d : verdict.decisions()) {
            (d.allowed() ? out : err).printf(Locale.ROOT, "  %s %s %s %s (%s) %s: %s%n", d.allowed() ? "ALLOWED" : "REFUSED",
                    d.change().effect().label().toUpperCase(Locale.ROOT), d.change().stackName(), d.change().logicalId(),
                    d.change().type(), String.join("; ", d.change().causes()), d.why());
        }
        verdict.unused().forEach(id -> out.printf(Locale.ROOT, "guard: --allow-replace %s names no resource at risk; ignored%n", id));
        out.flush();
        if (!verdict.passes()) {
            err.printf(Locale.ROOT, "medsaas: deploy refused: %d stateful resource(s) would be deleted, replaced or orphaned "
                    + "(listed above); nothing was deployed. See ./medsaas diff for the whole change.%n", verdict.refused().size());
            err.flush();
            return ExitCodes.UNSAFE_CHANGE;
        }
        return ExitCodes.OK;
    }
}
