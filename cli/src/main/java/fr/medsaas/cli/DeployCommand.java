package fr.medsaas.cli;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Plural;
import fr.medsaas.platform.stacks.AppStack;
import fr.medsaas.platform.stacks.DeliveryStack;
import fr.medsaas.sandbox.deploy.ImagePinnedDeployment;
import fr.medsaas.sandbox.deploy.ImagePins;
import fr.medsaas.sandbox.deploy.StackStages;
import java.time.Duration;
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
            "Without --local: to AWS through the AWS CDK CLI (npx aws-cdk@2 deploy --require-approval broadening), "
                    + "with the AWS credentials of the shell. The services' images are pinned by digest first: the "
                    + "configured one, else the one running, else the pipeline's newest; with none yet (a first "
                    + "deployment), the stacks up to Delivery go first, deploy waits for the pipeline's first image, "
                    + "pins it, then deploys App and the rest (DEP-1, docs/first-deploy.md).",
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
            + "and print its address and process id). With --endpoint-url URL and no --local: only stop the emulator an "
            + "earlier deploy --local left running at URL (nothing is synthesized or deployed; exit 2 when none runs there).")
    boolean stop;

    @Option(names = "--verbose", description = "With --local: also print the details (each stack, what the emulator "
            + "does not create and why, placeholders, template rewrites) here; they are always written to "
            + "DIR/" + DeployCommand.DETAILS_FILE + ".")
    boolean verbose;

    /** The file in the assembly's folder that receives the per-stack details of deploy --local (CDK ignores it). */
    static final String DETAILS_FILE = "sandbox-deployment.txt";

    @Option(names = "--dry-run", description = "Without --local: print every preflight problem, then each step and AWS "
            + "CDK command a deployment would run, in order, instead of running them (the guard does not run: it needs "
            + "the deployed templates); exit 2 when the preflight refuses.")
    boolean dryRun;

    @Option(names = "--image-wait", paramLabel = "MINUTES", defaultValue = "60", description = "Without --local, on a "
            + "first deployment: how long to wait for the pipeline's first image in ECR before giving up (default: "
            + "${DEFAULT-VALUE}); the App stack is deployed only once it is pinned by digest (DEP-1).")
    int imageWaitMinutes;

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
        if (stop && !local && endpoint != null) {
            return stopEmulator();
        }
        if (stop && !local) {
            throw new ParameterException(spec.commandLine(), "--stop applies to --local (stop the emulator once deployed) "
                    + "or to --endpoint-url URL (stop the emulator running there)");
        }
        if (dryRun && local) {
            throw new ParameterException(spec.commandLine(), "--dry-run applies to a deployment to AWS, not to --local");
        }
        if (endpoint != null && !local) {
            throw new ParameterException(spec.commandLine(), "--endpoint-url applies to --local (the emulator already "
                    + "running at URL; with --stop, stopped once deployed) or to --stop alone (stop it, deploy nothing)");
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

    /** The AWS CDK CLI command that deploys these stacks only of the assembly in {@code assemblyDir}. */
    static List<String> cdkDeployCommand(Path assemblyDir, List<String> stackNames) {
        List<String> out = new ArrayList<>(List.of("npx", "aws-cdk@2", "deploy", "--app",
                assemblyDir.toAbsolutePath().normalize().toString(), "--require-approval", "broadening"));
        out.addAll(stackNames);
        return List.copyOf(out);
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
        PrintWriter err = spec.commandLine().getErr();
        try (TargetAccount facts = awsFacts.apply(config)) {
            Preflight.Result checked = preflight(config, Preflight.Target.AWS, facts);
            if (dryRun) {
                return dryRunPlan(config, checked, facts, w, err);
            }
            if (!checked.passed()) {
                return ExitCodes.USAGE;
            }
            for (String service : checked.serviceLinkedRoles()) {
                // A fresh account races on these when CloudFormation creates the first cluster.
                facts.createServiceLinkedRole(service);
                w.println("created the service-linked role of " + service);
            }
            // The preflight proved the credentials work; the guard reads the deployed templates with them.
            AwsCredentialsProvider credentials = AwsAccess.credentials();
            try (CloudFormationTemplates deployed = new CloudFormationTemplates(Optional.empty(), credentials)) {
                CdkActions actions = new CdkActions(deployed, w, err);
                ImagePinnedDeployment.Outcome outcome = ImagePinnedDeployment.run(config, services(config), facts, actions,
                        Duration.ofMinutes(imageWaitMinutes), Duration.ofSeconds(30));
                return switch (outcome.status()) {
                    case DEPLOYED -> ExitCodes.OK;
                    case FAILED -> actions.code == ExitCodes.OK ? ExitCodes.INTERNAL : actions.code;
                    case NO_IMAGE -> {
                        err.println("medsaas: no image to pin (" + outcome.pins().pins() + "); the App stack was not deployed");
                        err.flush();
                        yield ExitCodes.INTERNAL;
                    }
                };
            }
        }
    }

    /** The App stack's services, named as the App stack names them. */
    static List<ImagePins.Service> services(EnvironmentConfig config) {
        return ImagePinnedDeployment.services(config, AppStack.WEB_SERVICE, DeliveryStack.WEB_CONTAINER,
                AppStack.WORKER_SERVICE, DeliveryStack.WORKER_CONTAINER);
    }

    /**
     * {@code --dry-run}: every preflight problem (printed already), then every step a deployment
     * would take, in order; exit 2 when the preflight refused. The assembly is written to --out only
     * when the preflight passed (a refused run writes nothing: a temporary folder serves to order
     * the stacks).
     */
    private int dryRunPlan(EnvironmentConfig config, Preflight.Result checked, TargetAccount facts, PrintWriter w,
            PrintWriter err) {
        ImagePins pins;
        String pinsNote = "";
        try {
            pins = ImagePins.resolve(config.regions().primary(), services(config), facts);
        } catch (AwsFacts.CannotAsk e) {
            // Without an answer, the plan is a first deployment's: the longest path.
            pins = new ImagePins(services(config).stream().map(s -> new ImagePins.Pin(s.field(), s.image().repository(),
                    Optional.<String>empty(), ImagePins.Source.NONE)).toList());
            pinsNote = " (ECR and ECS could not be asked: " + e.getMessage() + "; shown as a first deployment)";
        }
        Path out = assembly.out();
        Path synthDir = out;
        boolean temporary = !checked.passed();
        try {
            if (temporary) {
                synthDir = java.nio.file.Files.createTempDirectory("medsaas-dry-run-");
            }
            Synthesizer.Result result = Synthesizer.synthesize(config, synthDir);
            if (!temporary) {
                w.printf(Locale.ROOT, "assembly of %s written to %s (%s, 0 open errors)%n", config.name(), out,
                        Plural.of(result.assembly().stacks().size(), "stack"));
            }
            StackStages stages = StackStages.of(result.assembly().stacks(),
                    config.stackName(ImagePinnedDeployment.PRODUCER), config.stackName(ImagePinnedDeployment.CONSUMER));
            int step = 0;
            w.println(checked.passed() ? "plan (the preflight passed):" : "plan (the preflight refused: "
                    + checked.problems().size() + " problem" + (checked.problems().size() == 1 ? "" : "s")
                    + " above; nothing runs until each is fixed):");
            w.printf(Locale.ROOT, "  %d. preflight of the account (read-only)%n", ++step);
            List<String> roles = checked.serviceLinkedRoles();
            for (String role : roles) {
                w.printf(Locale.ROOT, "  %d. would create the service-linked role of %s%n", ++step, role);
            }
            w.println("  images" + pinsNote + ":");
            pins.pins().forEach(p -> w.println("     " + p));
            if (!pins.complete()) {
                w.printf(Locale.ROOT, "  %d. synthesize %s with the images unpinned, then the guard (RB-1)%n", ++step,
                        config.name());
                w.printf(Locale.ROOT, "  %d. would run: %s%n", ++step, String.join(" ", cdkDeployCommand(out,
                        stages.beforeImageNames())));
                w.printf(Locale.ROOT, "  %d. wait (up to %d min) for the pipeline %s's first image in ECR %s (%s); "
                        + "the connection must be AVAILABLE%n", ++step, imageWaitMinutes, config.physicalName("delivery"),
                        String.join(", ", pins.waitingFor()), config.regions().primary());
                w.printf(Locale.ROOT, "  %d. pin app.web.image.digest and app.worker.image.digest to it, synthesize "
                        + "again, then the guard%n", ++step);
            } else {
                w.printf(Locale.ROOT, "  %d. synthesize %s with these digests, then the guard (RB-1)%n", ++step, config.name());
            }
            w.printf(Locale.ROOT, "  %d. would run: %s%n", ++step, String.join(" ", cdkDeployCommand(out)));
            w.println("     (" + String.join(", ", stages.withImageNames()) + " after "
                    + String.join(", ", stages.beforeImageNames()) + ")");
            w.flush();
            return checked.passed() ? ExitCodes.OK : ExitCodes.USAGE;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (temporary && !synthDir.equals(out)) {
                deleteQuietly(synthDir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // A temporary folder.
        }
    }

    /** The AWS CDK CLI, with the guard before each call. */
    private final class CdkActions implements ImagePinnedDeployment.Actions {
        private final CloudFormationTemplates deployed;
        private final PrintWriter w;
        private final PrintWriter err;
        int code = ExitCodes.OK;

        CdkActions(CloudFormationTemplates deployed, PrintWriter w, PrintWriter err) {
            this.deployed = deployed;
            this.w = w;
            this.err = err;
        }

        @Override
        public CloudAssembly synthesize(EnvironmentConfig config) {
            Synthesizer.Result result = Synthesizer.synthesize(config, assembly.out());
            w.printf(Locale.ROOT, "assembly of %s written to %s (%s, 0 open errors)%n", config.name(), assembly.out(),
                    Plural.of(result.assembly().stacks().size(), "stack"));
            return result.assembly();
        }

        @Override
        public boolean deploy(CloudAssembly cloudAssembly, List<String> stackNames) {
            List<StackTemplate> next = cloudAssembly.stacks().stream().filter(s -> stackNames.contains(s.stackName())).toList();
            code = SafeChangeGuard.check(next, deployed, Optional.of(new CloudFormationChangeSets(deployed)), allowances, w, err);
            if (code != ExitCodes.OK) {
                return false;
            }
            boolean all = next.size() == cloudAssembly.stacks().size();
            code = CdkCli.run(all ? cdkDeployCommand(cloudAssembly.directory()) : cdkDeployCommand(cloudAssembly.directory(),
                    stackNames), "the AWS CDK CLI", w, err);
            return code == ExitCodes.OK;
        }

        @Override
        public void say(String line) {
            w.println(line);
            w.flush();
        }
    }

    /** {@code deploy --stop --endpoint-url URL}: stops the emulator an earlier deploy --local left running there. */
    private int stopEmulator() {
        Optional<Long> pid = MotoServer.stopRunning(endpoint);
        if (pid.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("medsaas: nothing to stop at " + endpoint + ": no emulator started by deploy --local (a "
                    + MotoServer.COMMAND + " of this user on " + MotoServer.HOST + ") listens there");
            err.flush();
            return ExitCodes.USAGE;
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("emulator at " + endpoint + " stopped (pid " + pid.get() + ")");
        w.flush();
        return ExitCodes.OK;
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
        w.printf(Locale.ROOT, "assembly of %s written to %s (%s, 0 open errors)%n", config.name(), assembly.out(),
                Plural.of(result.assembly().stacks().size(), "stack"));
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
                moto.stop();
                w.printf(Locale.ROOT, "%s of %s deployed to the emulator, then it was stopped (pid %d)%n",
                        deployedCount(d), config.name(), moto.pid());
            } else {
                moto.leaveRunning();
                leftRunning = true;
                summary(d, config, moto.endpoint(), w);
                w.printf(Locale.ROOT, "  its log: %s; stop it: kill %d (or ./medsaas deploy --stop --endpoint-url %s)%n",
                        moto.logFile(), moto.pid(), moto.endpoint());
            }
            details(d, w);
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
                w.printf(Locale.ROOT, "  stop it: ./medsaas deploy --stop --endpoint-url %s%n", endpoint);
            } else {
                w.printf(Locale.ROOT, "%s of %s deployed to the emulator at %s%n", deployedCount(d), config.name(), endpoint);
            }
            details(d, w);
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

    private static String deployedCount(SandboxDeployment d) {
        return d.stacks().stream().filter(StackDeployment::succeeded).count() + " of "
                + Plural.of(d.stacks().size() + d.notTried().size(), "stack");
    }

    /**
     * The details (one line per stack, what is not emulated and why, placeholders, rewrites:
     * hundreds of lines) go to a file in the assembly's folder, and here too with --verbose.
     */
    private void details(SandboxDeployment d, PrintWriter w) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (PrintWriter t = new PrintWriter(text)) {
            print(d, t);
        }
        Path file = assembly.out().resolve(DETAILS_FILE);
        try {
            java.nio.file.Files.writeString(file, text.toString());
            w.printf(Locale.ROOT, "  details (each stack, what is not emulated and why, placeholders, template rewrites): "
                    + "%s%s%n", file, verbose ? "" : "; --verbose prints them here");
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("medsaas: warning: cannot write " + file + " (" + e.getMessage() + ")");
        }
        if (verbose) {
            w.println("details:");
            w.print(text);
        }
    }

    /** The few lines a newcomer needs first: where the emulator is, what it holds, how to use and audit it. */
    private static void summary(SandboxDeployment d, EnvironmentConfig config, URI at, PrintWriter w) {
        w.printf(Locale.ROOT, "emulator running at %s: %s of %s deployed, %s created, %d not emulated%n", at,
                deployedCount(d), config.name(), Plural.of(d.resourcesCreated(), "resource"), d.resourcesLeftOut());
        w.println("  it holds: " + d.stacks().stream().filter(StackDeployment::succeeded).map(StackDeployment::stackName)
                .collect(Collectors.joining(", ")));
        w.printf(Locale.ROOT, "  audit it: ./medsaas audit --env %s --endpoint-url %s%n", config.name(), at);
        w.printf(Locale.ROOT, "  look around: AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing aws --endpoint-url %s "
                + "--region %s ec2 describe-vpcs%n", at, config.regions().primary());
    }

    private static void print(SandboxDeployment d, PrintWriter w) {
        for (StackDeployment s : d.stacks()) {
            w.printf(Locale.ROOT, "%-28s %-14s %-16s %4d %s created, %d not emulated%n", s.stackName(), s.region(),
                    s.status(), s.resourcesCreated(), Plural.noun(s.resourcesCreated(), "resource", "resources"), s.leftOut().size());
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
        w.printf(Locale.ROOT, "%s deployed to the emulator in %.1f s: %s created, %d not emulated, %s%n",
                Plural.of(d.stacks().stream().filter(StackDeployment::succeeded).count(), "stack"), d.elapsed().toMillis() / 1000.0,
                Plural.of(d.resourcesCreated(), "resource"), d.resourcesLeftOut(), Plural.of(d.placeholders(), "placeholder"));
    }
}
