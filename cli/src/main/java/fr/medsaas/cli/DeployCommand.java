package fr.medsaas.cli;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.Synthesizer;
import fr.medsaas.sandbox.EmulatorTemplate.LeftOut;
import fr.medsaas.sandbox.EmulatorTemplate.Placeholder;
import fr.medsaas.sandbox.MotoServer;
import fr.medsaas.sandbox.SandboxDeployer;
import fr.medsaas.sandbox.SandboxDeployment;
import fr.medsaas.sandbox.StackDeployment;
import fr.medsaas.sandbox.preflight.AwsFacts;
import fr.medsaas.sandbox.preflight.Preflight;
import fr.medsaas.sandbox.preflight.PreflightProblem;
import fr.medsaas.sandbox.preflight.SdkAwsFacts;
import fr.medsaas.sandbox.preflight.TargetAccount;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import fr.medsaas.sandbox.aws.CloudFormationChangeSets;
import fr.medsaas.sandbox.aws.CloudFormationTemplates;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code medsaas deploy}: synthesizes an environment (refusing on unacknowledged findings, as
 * synth does), then deploys it either to a local AWS emulator ({@code --local}: moto on
 * 127.0.0.1, no AWS account) or to AWS through the AWS CDK CLI.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Synthesize an environment, then deploy every stack.",
            "With --local: to an AWS emulator (moto) on 127.0.0.1, with no AWS account; prints what the emulator "
                    + "cannot create, and leaves it running unless --stop.",
            "Without --local: to AWS through the AWS CDK CLI (npx aws-cdk@2 deploy --all --require-approval "
                    + "broadening), with the AWS credentials of the shell.",
            "First, the guard compares with what is deployed and refuses (exit 4, nothing deployed) when a stateful "
                    + "resource would be deleted, replaced or orphaned, unless --allow-replace names each one."})
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Mixin
    AssemblyOptions assembly;

    @Option(names = "--local", description = "Deploy to a local AWS emulator (moto) on 127.0.0.1 instead of AWS.")
    boolean local;

    @Option(names = "--stop", description = "With --local: stop the emulator once deployed (default: leave it running "
            + "and print its address and process id); with --endpoint-url, the emulator running there.")
    boolean stop;

    @Option(names = "--dry-run", description = "Without --local: print the AWS CDK command instead of running it "
            + "(the guard does not run: it needs the deployed templates).")
    boolean dryRun;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "With --local: deploy to the emulator already "
            + "running at URL (as an earlier deploy --local printed it) instead of starting one; the guard compares "
            + "with what it holds.")
    URI endpoint;

    @Option(names = "--allow-replace", paramLabel = "LOGICAL_ID=REASON", description = "Let the guard pass one stateful "
            + "resource that would be deleted, replaced or orphaned, with the reason (repeat for each); refused anyway "
            + "when no Retain or Snapshot policy keeps the old one.")
    Map<String, String> allowances = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (stop && !local) {
            throw new ParameterException(spec.commandLine(), "--stop applies to --local only");
        }
        if (dryRun && local) {
            throw new ParameterException(spec.commandLine(), "--dry-run applies to a deployment to AWS, not to --local");
        }
        if (endpoint != null && !local) {
            throw new ParameterException(spec.commandLine(), "--endpoint-url applies to --local (the emulator already "
                    + "running at URL; with --stop, stopped once deployed)");
        }
        allowances.forEach((id, reason) -> {
            if (reason == null || reason.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--allow-replace " + id + "= needs a reason after the =");
            }
        });
        if ("false".equals(System.getenv("CDK_VALIDATION"))) {
            // Every check that synth may defer runs before a deployment: CDK's schema validation too.
            throw new ParameterException(spec.commandLine(), "CDK_VALIDATION=false is set: a deployment always runs "
                    + "CDK's CloudFormation schema validation; unset it");
        }
        EnvironmentConfig config = environment.load();
        return local ? deployLocally(config) : deployWithCdk(config);
    }

    /** The AWS CDK CLI command that deploys the assembly in {@code assemblyDir}. */
    static List<String> cdkDeployCommand(Path assemblyDir) {
        return List.of("npx", "aws-cdk@2", "deploy", "--app", assemblyDir.toAbsolutePath().normalize().toString(),
                "--all", "--require-approval", "broadening");
    }

    /** How the preflight asks the target account; tests replace it. */
    static final java.util.function.Function<EnvironmentConfig, TargetAccount> DEFAULT_AWS_FACTS = config -> new SdkAwsFacts(
            DefaultCredentialsProvider.builder().build(), java.util.Optional.empty(), config.regions().primary());
    static java.util.function.Function<EnvironmentConfig, TargetAccount> awsFacts = DEFAULT_AWS_FACTS;

    /**
     * Runs the preflight (issue 13) before anything is synthesized or deployed: prints one line a
     * problem and returns false when the deployment must not be tried.
     */
    private Preflight.Result preflight(EnvironmentConfig config, Preflight.Target target, AwsFacts facts) {
        Preflight.Result r = Preflight.run(config, target, facts);
        PrintWriter err = spec.commandLine().getErr();
        for (PreflightProblem p : r.problems()) {
            err.println("medsaas: preflight: " + p);
        }
        if (!r.passed()) {
            err.println("medsaas: preflight refused the deployment (" + r.problems().size()
                    + " problem" + (r.problems().size() == 1 ? "" : "s") + "); nothing was deployed");
        }
        err.flush();
        return r;
    }

    private int deployWithCdk(EnvironmentConfig config) {
        PrintWriter w = spec.commandLine().getOut();
        try (TargetAccount facts = awsFacts.apply(config)) {
            Preflight.Result checked = preflight(config, Preflight.Target.AWS, facts);
            if (!checked.passed()) {
                return ExitCodes.USAGE;
            }
            List<String> roles = checked.serviceLinkedRoles();
            if (dryRun) {
                roles.forEach(r -> w.println("would create the service-linked role of " + r));
            } else {
                for (String service : roles) {
                    // A fresh account races on these when CloudFormation creates the first cluster.
                    facts.createServiceLinkedRole(service);
                    w.println("created the service-linked role of " + service);
                }
            }
        }
        // The preflight proved the credentials work; the guard reads the deployed templates with them.
        AwsCredentialsProvider credentials = dryRun ? null : AwsAccess.credentials();
        Synthesizer.Result result = Synthesizer.synthesize(config, assembly.out());
        List<String> command = cdkDeployCommand(result.assembly().directory());
        w.printf(Locale.ROOT, "assembly of %s written to %s (%d stacks, 0 open errors)%n", config.name(), assembly.out(),
                result.assembly().stacks().size());
        if (dryRun) {
            w.println("would run: " + String.join(" ", command));
            w.flush();
            return ExitCodes.OK;
        }
        try (CloudFormationTemplates deployed = new CloudFormationTemplates(Optional.empty(), credentials)) {
            int guard = SafeChangeGuard.check(result.assembly().stacks(), deployed,
                    Optional.of(new CloudFormationChangeSets(deployed)), allowances, w, spec.commandLine().getErr());
            if (guard != ExitCodes.OK) {
                return guard;
            }
        }
        return CdkCli.run(command, "the AWS CDK CLI", w, spec.commandLine().getErr());
    }

    private int deployLocally(EnvironmentConfig config) {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!MotoServer.isAvailable()) {
            err.println("medsaas: " + MotoServer.unavailableMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Synthesizer.Result result = Synthesizer.synthesize(config, assembly.out());
        w.printf(Locale.ROOT, "assembly of %s written to %s (%d stacks, 0 open errors)%n", config.name(), assembly.out(),
                result.assembly().stacks().size());
        if (endpoint != null) {
            return deployToRunningEmulator(config, result, w, err);
        }
        MotoServer moto = MotoServer.start();
        try (SdkAwsFacts facts = new SdkAwsFacts(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS),
                java.util.Optional.of(moto.endpoint()), config.regions().primary())) {
            if (!preflight(config, Preflight.Target.EMULATOR, facts).passed()) {
                moto.stop();
                return ExitCodes.USAGE;
            }
        }
        w.printf(Locale.ROOT, "emulator (moto) started at %s, pid %d%n", moto.endpoint(), moto.pid());
        w.flush();
        boolean leftRunning = false;
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(result.assembly());
            if (stop) {
                print(d, w);
                moto.stop();
                w.printf(Locale.ROOT, "emulator stopped (pid %d)%n", moto.pid());
            } else {
                moto.leaveRunning();
                leftRunning = true;
                summary(d, config, moto.endpoint(), w);
                w.printf(Locale.ROOT, "  its log: %s; stop it: kill %d (or deploy --local --endpoint-url %s --stop)%n",
                        moto.logFile(), moto.pid(), moto.endpoint());
                w.println("details:");
                print(d, w);
            }
            w.flush();
            if (!d.succeeded()) {
                StackDeployment failed = d.failure().orElseThrow();
                err.println("medsaas: " + failed.stackName() + " failed in the emulator: " + failed.failureReason());
                err.flush();
                return ExitCodes.INTERNAL;
            }
            return ExitCodes.OK;
        } finally {
            if (!leftRunning) {
                moto.stop();
            }
        }
    }

    /** To an emulator left running by an earlier deploy --local: the guard first, then create or update each stack. */
    private int deployToRunningEmulator(EnvironmentConfig config, Synthesizer.Result result, PrintWriter w, PrintWriter err) {
        w.printf(Locale.ROOT, "emulator: reusing %s%n", endpoint);
        try (SandboxDeployer deployer = new SandboxDeployer(endpoint)) {
            int guard = SafeChangeGuard.check(deployer.preview(result.assembly()), deployer.deployedTemplates(),
                    Optional.empty(), allowances, w, err);
            if (guard != ExitCodes.OK) {
                return guard;
            }
            SandboxDeployment d = deployer.deploy(result.assembly());
            if (!stop) {
                summary(d, config, endpoint, w);
                w.printf(Locale.ROOT, "  stop it: deploy --local --endpoint-url %s --stop%n", endpoint);
                w.println("details:");
            }
            print(d, w);
            if (stop) {
                Optional<Long> pid = MotoServer.stopRunning(endpoint);
                w.println(pid.map(p -> "emulator at " + endpoint + " stopped (pid " + p + ")").orElse("no moto_server of "
                        + "this user listens at " + endpoint + ": nothing stopped (stop it where it was started)"));
            }
            w.flush();
            if (!d.succeeded()) {
                StackDeployment failed = d.failure().orElseThrow();
                err.println("medsaas: " + failed.stackName() + " failed in the emulator: " + failed.failureReason());
                err.flush();
                return ExitCodes.INTERNAL;
            }
            return ExitCodes.OK;
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            err.println("medsaas: no emulator answers at " + endpoint + " (" + e.getMessage() + "); nothing was deployed");
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** The few lines a newcomer needs first: where the emulator is, what it holds, how to use and audit it. */
    private static void summary(SandboxDeployment d, EnvironmentConfig config, URI at, PrintWriter w) {
        w.printf(Locale.ROOT, "emulator running at %s: %d of %d stacks of %s deployed, %d resources created, "
                + "%d not emulated (listed under details)%n", at, d.stacks().stream().filter(StackDeployment::succeeded).count(),
                d.stacks().size() + d.notTried().size(), config.name(), d.resourcesCreated(), d.resourcesLeftOut());
        w.printf(Locale.ROOT, "  audit it: ./medsaas audit --env %s --endpoint-url %s%n", config.name(), at);
        w.printf(Locale.ROOT, "  look around: AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing aws --endpoint-url %s "
                + "--region %s ec2 describe-vpcs%n", at, config.regions().primary());
    }

    private static void print(SandboxDeployment d, PrintWriter w) {
        for (StackDeployment s : d.stacks()) {
            w.printf(Locale.ROOT, "%-28s %-14s %-16s %4d resources created, %d not emulated%n", s.stackName(), s.region(),
                    s.status(), s.resourcesCreated(), s.leftOut().size());
            if (!s.succeeded()) {
                w.println("  failed: " + s.failureReason());
            }
        }
        for (String name : d.notTried()) {
            w.printf(Locale.ROOT, "%-28s not tried (an earlier stack failed)%n", name);
        }
        w.println(d.resourcesLeftOut() == 0 ? "not emulated: none" : "not emulated (left out of the emulator's templates):");
        Map<String, String> why = new TreeMap<>();
        for (StackDeployment s : d.stacks()) {
            for (LeftOut l : s.leftOut()) {
                w.printf(Locale.ROOT, "  %-28s %-60s %s%n", s.stackName(), l.logicalId(), l.type());
                why.put(l.type(), l.reason());
            }
        }
        why.forEach((type, reason) -> w.printf(Locale.ROOT, "  why %s: %s%n", type, reason));
        w.println(d.placeholders() == 0 ? "placeholders: none" : "placeholders (references to left-out resources):");
        for (StackDeployment s : d.stacks()) {
            for (Placeholder p : s.placeholders()) {
                w.printf(Locale.ROOT, "  %s %s%n", s.stackName(), p.describe());
            }
        }
        w.println("other changes to the emulator's templates (see docs/sandbox.md):");
        Map<String, List<String>> removed = new TreeMap<>();
        for (StackDeployment s : d.stacks()) {
            Map<String, Long> rewrites = s.template().rewrites().stream().collect(Collectors.groupingBy(
                    r -> r.type() + " " + r.property() + " (" + r.defect().id() + ")", TreeMap::new, Collectors.counting()));
            rewrites.forEach((what, n) -> w.printf(Locale.ROOT, "  %s: %d x %s rewritten for moto%n", s.stackName(), n, what));
            s.template().resolved().forEach(r -> w.printf(Locale.ROOT, "  %s: resolved %s%n", s.stackName(), r.describe()));
            s.template().removed().forEach(r -> removed.computeIfAbsent(r, k -> new ArrayList<>()).add(s.stackName()));
        }
        removed.forEach((what, stacks) -> w.printf(Locale.ROOT, "  %s: removed %s%n",
                stacks.size() == d.stacks().size() ? "every stack" : String.join(", ", stacks), what));
        w.printf(Locale.ROOT, "%d stacks deployed to the emulator in %.1f s: %d resources created, %d not emulated, %d placeholders%n",
                d.stacks().stream().filter(StackDeployment::succeeded).count(), d.elapsed().toMillis() / 1000.0,
                d.resourcesCreated(), d.resourcesLeftOut(), d.placeholders());
    }
}
