package fr.medsaas.cli;

import fr.medsaas.config.Plural;
import fr.medsaas.compliance.assembly.Acknowledgement;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.compliance.evidence.DrawnDiagrams;
import fr.medsaas.platform.Synthesizer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medsaas synth}: writes the cloud assembly of an environment, offline, all rule packs on. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize every stack of an environment into a CDK cloud assembly, running the "
                + "AwsSolutions, HIPAA Security and NIST 800-53 r5 rule packs. Needs no AWS account.")
public final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    AssemblyOptions assembly;

    @picocli.CommandLine.Option(names = "--validate", description = "Also run CDK's CloudFormation schema validation of "
            + "every template (deploy always runs it; the launcher defers it otherwise, see docs/benchmarks.md).")
    boolean validate;

    @Override
    public Integer call() {
        EnvironmentConfig config = environment.load();
        if (validate && "false".equals(System.getenv("CDK_VALIDATION"))) {
            spec.commandLine().getErr().println("medsaas: --validate: CDK_VALIDATION=false is set in this environment; "
                    + "unset it for the schema validation to run");
            return ExitCodes.USAGE;
        }
        Synthesizer.Result result = Synthesizer.synthesize(config, assembly.out());
        try {
            // report, diagram and cost with --env reuse this assembly while configuration and commit are the same.
            AssemblyStamp.write(assembly.out(), config);
            if (java.nio.file.Files.isRegularFile(assembly.out().resolve(AssemblyStamp.FILE))) {
                // Drawn once here, by the code of the stamped commit, instead of by every report that reuses it.
                DrawnDiagrams.draw(result.assembly());
            }
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("medsaas: warning: cannot stamp " + assembly.out() + " (" + e.getMessage()
                    + "): report, diagram and cost will synthesize again");
        }
        PrintWriter w = spec.commandLine().getOut();
        for (StackTemplate s : result.assembly().stacks()) {
            w.printf(Locale.ROOT, "%-28s %-14s %4d %s%n", s.stackName(), s.region(), s.resourceCount(),
                    Plural.noun(s.resourceCount(), "resource", "resources"));
        }
        w.printf(Locale.ROOT, "%s, %s; rule packs %s: 0 open errors, %s (on stderr), "
                        + "%s with reasons in the templates%n",
                Plural.of(result.assembly().stacks().size(), "stack"), Plural.of(result.assembly().resourceCount(), "resource"),
                String.join(", ", result.rulePacks()), Plural.of(result.report().openWarnings().size(), "open warning"),
                Plural.of(Acknowledgement.of(result.assembly()).size(), "acknowledgement"));
        // Warnings go to stderr: stdout keeps only the result (the stacks, the totals, where it was written).
        PrintWriter err = spec.commandLine().getErr();
        for (var warning : result.report().openWarnings()) {
            err.println("  " + warning.describe());
        }
        // Offline the placeholders do no harm; a deployment refuses them (docs/first-deploy.md).
        for (var p : fr.medsaas.sandbox.preflight.Preflight.offline(config)) {
            err.println("warning: " + p.message() + "; deploy refuses it");
        }
        err.flush();
        w.printf(Locale.ROOT, "assembly written to %s in %.1f s%n", assembly.out(), result.elapsed().toMillis() / 1000.0);
        w.flush();
        return ExitCodes.OK;
    }
}
