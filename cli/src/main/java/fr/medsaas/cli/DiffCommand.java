package fr.medsaas.cli;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.diff.AssemblyDiff;
import fr.medsaas.compliance.diff.AssemblyTemplates;
import fr.medsaas.compliance.diff.PreviousTemplates;
import fr.medsaas.compliance.diff.ReplacementProperties;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.Synthesizer;
import fr.medsaas.sandbox.SandboxDeployer;
import fr.medsaas.sandbox.aws.CloudFormationChangeSets;
import fr.medsaas.sandbox.aws.CloudFormationTemplates;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medsaas diff}: what deploying an environment would change, resource by resource, compared
 * with an earlier assembly or with the deployed stacks; the stateful resources at risk first.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Synthesize an environment and compare it with an earlier assembly (--against DIR) or with the "
                + "templates of the deployed stacks (--deployed): every resource added, changed (which properties) or "
                + "removed, and whether CloudFormation must replace it (create-only properties from the CloudFormation "
                + "resource schemas, changed logical IDs, changed types). Stateful resources at risk come first.",
            "--deployed reads with GetTemplate (read-only); against AWS it also creates, describes and deletes a change "
                    + "set per stack (never executed), CloudFormation's authoritative answer."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    AssemblyOptions assembly;

    /** What to compare with: exactly one. */
    static final class Against {
        @Option(names = "--against", paramLabel = "DIR", required = true,
                description = "An earlier cloud assembly folder (what synth wrote).")
        Path directory;

        @Option(names = "--deployed", required = true,
                description = "The templates CloudFormation holds for the deployed stacks (the shell's AWS credentials).")
        boolean deployed;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Against against;

    @Option(names = "--local", description = "With --deployed: read from the local emulator given by --endpoint-url "
            + "(its fake credentials), not from AWS.")
    boolean local;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "With --deployed: the CloudFormation endpoint "
            + "to read from, e.g. the emulator that deploy --local left running (http://127.0.0.1:PORT).")
    URI endpoint;

    @Option(names = "--no-change-set", description = "With --deployed against AWS: the offline reading only, no change set.")
    boolean noChangeSet;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        if (against.directory != null && (local || endpoint != null || noChangeSet)) {
            throw new ParameterException(spec.commandLine(), "--local, --endpoint-url and --no-change-set apply to --deployed");
        }
        if (local && endpoint == null) {
            throw new ParameterException(spec.commandLine(), "--local needs --endpoint-url URL: the address of the running "
                    + "emulator, as deploy --local printed it");
        }
        PrintWriter w = spec.commandLine().getOut();
        if (against.directory != null) {
            if (against.directory.toAbsolutePath().normalize().equals(assembly.out().toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "--against " + against.directory + " is also --out: "
                        + "synthesis would replace it; give another --out");
            }
            AssemblyTemplates previous;
            try {
                previous = AssemblyTemplates.read(against.directory);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            EnvironmentConfig config = environment.load();
            List<StackTemplate> next = Synthesizer.synthesize(config, assembly.out()).assembly().stacks();
            return print(AssemblyDiff.compare(next, previous, ReplacementProperties.shipped()), w);
        }
        EnvironmentConfig config = environment.load();
        if (endpoint != null) {
            CloudAssembly synthesized = Synthesizer.synthesize(config, assembly.out()).assembly();
            try (SandboxDeployer emulator = new SandboxDeployer(endpoint)) {
                // The emulator holds its own copies of the templates: compare like with like.
                List<StackTemplate> next = emulator.preview(synthesized);
                return print(AssemblyDiff.compare(next, emulator.deployedTemplates(), ReplacementProperties.shipped()), w);
            }
        }
        var credentials = AwsAccess.credentials();
        List<StackTemplate> next = Synthesizer.synthesize(config, assembly.out()).assembly().stacks();
        try (CloudFormationTemplates deployed = new CloudFormationTemplates(Optional.empty(), credentials)) {
            AssemblyDiff diff = AssemblyDiff.compare(next, deployed, ReplacementProperties.shipped());
            if (!noChangeSet) {
                diff = diff.withChangeSets(next, new CloudFormationChangeSets(deployed));
            }
            return print(diff, w);
        }
    }

    private int print(AssemblyDiff diff, PrintWriter w) {
        if (json) {
            w.println(diff.toJson());
            w.flush();
        } else {
            diff.printText(w);
        }
        return ExitCodes.OK;
    }
}
