package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.sandbox.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-1, SBX-1: {@code medsaas deploy}. A real deployment cannot run here: its arguments and the
 * AWS CDK command it would run are checked with {@code --dry-run}. {@code --local} runs against
 * the emulator when moto_server is installed (integration tier).
 */
class DeployCommandTest {
    @TempDir
    Path tmp;

    /** The shipped dev configuration made ready for a real account: its own certificate and signing key. */
    private Path readyDevConfig() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Files.writeString(tmp.resolve("signing.pem"), "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path config = tmp.resolve("dev.yaml");
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "dev.yaml"))
                .replace(":123456789012:", ":" + StubAccount.ACCOUNT + ":")
                .replaceAll("signingPublicKeyPem: .*", "signingPublicKeyPem: signing.pem"));
        return config;
    }

    @Test
    @Requirement({"CLI-1", "DEP-1"})
    void dryRunOfAFirstDeploymentPrintsDeliveryFirstThenTheWaitThePinAndTheRest() throws Exception {
        Path out = tmp.resolve("dev.out");
        StubAccount account = new StubAccount();
        DeployCommand.awsFacts = c -> account;
        try {
            CliRun run = CliRun.of("deploy", "--config", readyDevConfig().toString(), "--out", out.toString(), "--dry-run");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String app = out.toAbsolutePath().normalize().toString();
            List<String> steps = run.out().lines().filter(l -> l.matches("  \\d+\\. .*")).toList();
            assertThat(steps).hasSize(7);
            assertThat(steps.get(0)).isEqualTo("  1. preflight of the account (read-only)");
            assertThat(steps.get(1)).isEqualTo("  2. would create the service-linked role of ecs.amazonaws.com");
            assertThat(steps.get(2)).startsWith("  3. synthesize dev with the images unpinned");
            assertThat(steps.get(3)).startsWith("  4. would run: npx aws-cdk@2 deploy --app " + app
                    + " --require-approval broadening MedSaas-dev-Keys ").contains(" MedSaas-dev-Delivery")
                    .doesNotContain("MedSaas-dev-App", "MedSaas-dev-Observability", "MedSaas-dev-Compliance", "--all");
            assertThat(steps.get(4)).isEqualTo("  5. wait (up to 60 min) for the pipeline medical-saas-dev-delivery's first "
                    + "image in ECR medical-saas-django (eu-west-3); the connection must be AVAILABLE");
            assertThat(steps.get(5)).startsWith("  6. pin app.web.image.digest and app.worker.image.digest to it");
            assertThat(steps.get(6)).isEqualTo("  7. would run: npx aws-cdk@2 deploy --app " + app
                    + " --all --require-approval broadening");
            assertThat(run.out()).contains("app.web.image: no image in medical-saas-django yet");
            assertThat(account.created).as("a dry run creates nothing").isEmpty();
            assertThat(out.resolve("manifest.json")).isRegularFile();
        } finally {
            DeployCommand.awsFacts = DeployCommand.DEFAULT_AWS_FACTS;
        }
    }

    @Test
    @Requirement({"CLI-1", "DEP-1"})
    void dryRunOfALaterDeploymentKeepsTheRunningImageInOneStage() throws Exception {
        Path out = tmp.resolve("dev.out");
        StubAccount account = new StubAccount();
        String running = "sha256:" + "c".repeat(64);
        account.running.put("django-service", StubAccount.ACCOUNT + ".dkr.ecr.eu-west-3.amazonaws.com/medical-saas-django@"
                + running);
        account.running.put("celery-service", StubAccount.ACCOUNT + ".dkr.ecr.eu-west-3.amazonaws.com/medical-saas-django@"
                + running);
        account.newest = Optional.of("sha256:" + "d".repeat(64)); // a newer build the pipeline has not released
        DeployCommand.awsFacts = c -> account;
        try {
            CliRun run = CliRun.of("deploy", "--config", readyDevConfig().toString(), "--out", out.toString(), "--dry-run");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("app.web.image: medical-saas-django@" + running + " (the running service)",
                    "app.worker.image: medical-saas-django@" + running + " (the running service)",
                    "  3. synthesize dev with these digests",
                    "  4. would run: npx aws-cdk@2 deploy --app " + out.toAbsolutePath().normalize()
                            + " --all --require-approval broadening")
                    .doesNotContain("wait (up to", "d".repeat(64));
        } finally {
            DeployCommand.awsFacts = DeployCommand.DEFAULT_AWS_FACTS;
        }
    }

    /**
     * Issue 13, DEP-1: the shipped placeholders stop a deployment; the dry run lists every problem,
     * then every step it would take, in order, writes nothing and exits 2.
     */
    @Test
    @Requirement("DEP-1")
    void refusesTheShippedPlaceholdersAtThePreflightOneLineEachWithExit2() {
        Path out = tmp.resolve("prod.out");
        CliRun run = CliRun.of("deploy", "--config", CliRun.configDir() + "/prod.yaml", "--out", out.toString(), "--dry-run");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().filter(l -> l.startsWith("medsaas: preflight: ")).toList())
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("medsaas: preflight: placeholder: delivery.source: "))
                .anySatisfy(l -> assertThat(l).startsWith("medsaas: preflight: placeholder: app.certificateArn: "))
                .anySatisfy(l -> assertThat(l).startsWith("medsaas: preflight: placeholder: media.signingPublicKeyPem: "))
                .anySatisfy(l -> assertThat(l).isEqualTo("medsaas: preflight: credentials: no AWS credentials: set "
                        + "AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO, an instance role) for the "
                        + "target account and run again"));
        assertThat(run.err()).contains("nothing was deployed").doesNotContain("SystemPropertyCredentialsProvider");
        String app = out.toAbsolutePath().normalize().toString();
        assertThat(run.out()).contains("plan (the preflight refused: 4 problems above; nothing runs until each is fixed):",
                "shown as a first deployment");
        List<String> steps = run.out().lines().filter(l -> l.matches("  \\d+\\. .*")).toList();
        assertThat(steps).hasSize(6);
        assertThat(steps.get(2)).startsWith("  3. would run: npx aws-cdk@2 deploy --app " + app
                + " --require-approval broadening MedSaas-prod-Keys ").contains("MedSaas-prod-Delivery")
                .doesNotContain("MedSaas-prod-App");
        assertThat(steps.get(3)).contains("first image in ECR medical-saas-django (eu-west-3)");
        assertThat(steps.get(5)).isEqualTo("  6. would run: npx aws-cdk@2 deploy --app " + app
                + " --all --require-approval broadening");
        assertThat(out).as("a refused run writes nothing").doesNotExist();
    }

    @Test
    void synthStillWorksOfflineOnThePlaceholdersWithAWarningOnStderr() {
        Path out = tmp.resolve("synth.out");
        CliRun run = CliRun.of("synth", "--config", CliRun.configDir() + "/dev.yaml", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // Warnings on stderr; stdout holds only the result: a line per stack, the totals, where it was written.
        assertThat(run.err()).contains("warning: app.certificateArn: ", "deploy refuses it");
        assertThat(run.out()).doesNotContain("warning:");
        assertThat(run.out().lines()).allMatch(l -> l.matches("MedSaas-dev-\\w+\\s+[a-z0-9-]+\\s+\\d+ resources?")
                || l.matches("\\d+ stacks, \\d+ resources; rule packs .*: 0 open errors, \\d+ open warnings? \\(on stderr\\), .*")
                || l.startsWith("assembly written to "), run.out());
    }

    @Test
    @Requirement("CLI-1")
    void theCdkCommandIsBuiltAsAListWithTheAbsoluteAssembly() {
        assertThat(DeployCommand.cdkDeployCommand(Path.of("some/cdk.out"))).containsExactly("npx", "aws-cdk@2", "deploy", "--app",
                Path.of("some/cdk.out").toAbsolutePath().normalize().toString(), "--all", "--require-approval", "broadening");
    }

    @Test
    void refusesABadConfigurationWithExit2AndDeploysNothing() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        // The shipped prod configuration with one value out of range: a file missing required fields
        // would be refused for those first.
        Files.writeString(config, Files.readString(Path.of(CliRun.configDir(), "prod.yaml"))
                .replaceFirst("retentionDays: 365", "retentionDays: 30"));
        Path out = tmp.resolve("bad.out");
        CliRun run = CliRun.of("deploy", "--config", config.toString(), "--out", out.toString(), "--dry-run");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("logging.retentionDays");
        assertThat(run.out()).doesNotContain("would run");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesStopWithoutLocalWithExit2() {
        CliRun run = CliRun.of("deploy", "--env", "dev", "--stop", "--out", tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--stop applies to --local (stop the emulator once deployed) or to --endpoint-url URL");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    @Requirement("SBX-1")
    void stopAtAnAddressWhereNoEmulatorRunsSaysSoWithExit2() {
        CliRun run = CliRun.of("deploy", "--stop", "--endpoint-url", "http://127.0.0.1:" + freePort(), "--out",
                tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .matches("medsaas: nothing to stop at http://127\\.0\\.0\\.1:\\d+: no emulator started by deploy --local "
                        + "\\(a moto_server of this user on 127\\.0\\.0\\.1\\) listens there");
        assertThat(run.out()).isEmpty();
        assertThat(tmp.resolve("x")).as("nothing synthesized").doesNotExist();
    }

    @Test
    @Tag("integration")
    @Requirement("SBX-1")
    void stopWithTheEndpointOfARunningEmulatorStopsItAndDeploysNothing() {
        requireEmulator();
        MotoServer moto = MotoServer.start();
        try {
            moto.leaveRunning();
            CliRun run = CliRun.of("deploy", "--stop", "--endpoint-url", moto.endpoint().toString(), "--out", tmp.resolve("y").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().toList()).containsExactly("emulator at " + moto.endpoint() + " stopped (pid " + moto.pid() + ")");
            assertThat(ProcessHandle.of(moto.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(tmp.resolve("y")).as("nothing synthesized").doesNotExist();
        } finally {
            moto.stop();
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refusesDryRunWithLocalWithExit2() {
        CliRun run = CliRun.of("deploy", "--env", "dev", "--local", "--dry-run", "--out", tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dry-run applies to a deployment to AWS");
    }

    @Test
    @Requirement("SBX-1")
    void localWithoutTheEmulatorSaysHowToInstallItWithExit2() {
        String before = System.getProperty(MotoServer.COMMAND_PROPERTY);
        System.setProperty(MotoServer.COMMAND_PROPERTY, tmp.resolve("no-moto_server-here").toString());
        try {
            Path out = tmp.resolve("local.out");
            CliRun run = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--local", "--out", out.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("moto_server").contains("pip install \"moto[server]\"");
            assertThat(out).as("nothing synthesized").doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(MotoServer.COMMAND_PROPERTY);
            } else {
                System.setProperty(MotoServer.COMMAND_PROPERTY, before);
            }
        }
    }

    @Test
    void helpListsDeployAndItsFlags() {
        CliRun run = CliRun.of("deploy", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--local").contains("--stop").contains("--dry-run").contains("127.0.0.1");
        assertThat(CliRun.of("--help").out()).contains("deploy");
    }

    /** Skips (with a notice) when moto_server is missing, except on CI, where it fails. */
    private static void requireEmulator() {
        if (!MotoServer.isAvailable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(MotoServer.unavailableMessage() + ". CI=true: deploy --local must be tested here.");
            }
            String notice = "[sandbox] SKIPPED deploy --local test: " + MotoServer.unavailableMessage();
            System.out.println(notice);
            Assumptions.abort(notice);
        }
    }

    @Test
    @Tag("integration")
    @Requirement("SBX-1")
    void localDeploysEveryStackPrintsWhereTheEmulatorIsAndWritesTheDetailsToAFile() throws IOException {
        requireEmulator();
        CliRun run = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--local", "--out", tmp.resolve("dev.out").toString());
        Matcher pid = Pattern.compile("its log: (\\S+); stop it: kill (\\d+) \\(or \\./medsaas deploy --stop --endpoint-url (\\S+)\\)")
                .matcher(run.out());
        assertThat(pid.find()).as(run.out() + run.err()).isTrue();
        ProcessHandle moto = ProcessHandle.of(Long.parseLong(pid.group(2))).orElseThrow();
        String url = pid.group(3);
        try {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(moto.isAlive()).isTrue();
            // All it prints: where the emulator is, what it holds, how to audit, use and stop it, where the details are.
            List<String> lines = run.out().lines().toList();
            assertThat(lines).as(run.out()).hasSizeLessThanOrEqualTo(9);
            assertThat(lines).anyMatch(l -> l.matches("emulator running at " + Pattern.quote(url)
                    + ": 12 of 12 stacks of dev deployed, \\d+ resources created, \\d+ not emulated"));
            assertThat(lines).anyMatch(l -> l.startsWith("  it holds: MedSaas-dev-Keys, MedSaas-dev-Network"));
            assertThat(lines).contains("  audit it: ./medsaas audit --env dev --endpoint-url " + url);
            assertThat(lines).anyMatch(l -> l.startsWith("  its log: "));
            Path detailsFile = tmp.resolve("dev.out").resolve(DeployCommand.DETAILS_FILE);
            assertThat(lines).contains("  details (each stack, what is not emulated and why, placeholders, template rewrites): "
                    + detailsFile + "; --verbose prints them here");
            String details = Files.readString(detailsFile);
            assertThat(details)
                    .containsPattern("MedSaas-dev-Keys\\s+eu-west-3\\s+CREATE_COMPLETE\\s+18 resources created, 0 not emulated")
                    .containsPattern("MedSaas-dev-Network\\s+eu-west-3\\s+CREATE_COMPLETE\\s+\\d+ resources created, 13 not emulated")
                    .containsPattern("MedSaas-dev-App\\s+eu-west-3\\s+CREATE_COMPLETE\\s+\\d+ resources created, \\d+ not emulated")
                    .containsPattern("MedSaas-dev-Network\\s+VpcRestrictDefaultSecurityGroupCustomResource\\w+\\s+Custom::VpcRestrictDefaultSG")
                    .contains("why AWS::EC2::SecurityGroupEgress:")
                    .contains("placeholders (references to left-out resources):")
                    .containsPattern("MedSaas-dev-App: resolved \\S+/CertificateArn: Certificate arn:aws:acm:\\S+ -> ")
                    .containsPattern("12 stacks deployed to the emulator in \\d+\\.\\d s: \\d+ resources created, \\d+ not emulated, \\d+ placeholders");
            for (String part : List.of("Keys", "Network", "Data", "EdgeFirewall", "Replica", "Media", "EdgeLogging", "Backup",
                    "Delivery", "App", "Observability", "Compliance")) {
                assertThat(details).containsPattern("MedSaas-dev-" + part + "\\s+(eu-west-3|eu-central-1|us-east-1)\\s+CREATE_COMPLETE");
            }
            // --stop with --endpoint-url: deployed again (nothing changed), then that emulator stopped; --verbose prints the details.
            CliRun again = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--local", "--endpoint-url", url,
                    "--stop", "--verbose", "--out", tmp.resolve("dev2.out").toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("details:").containsPattern("MedSaas-dev-Keys\\s+eu-west-3\\s+");
            assertThat(again.out()).contains("emulator at " + url + " stopped (pid " + moto.pid() + ")");
            assertThat(moto.onExit()).succeedsWithin(java.time.Duration.ofSeconds(10));
        } finally {
            moto.destroy();
            moto.onExit().join();
            try {
                Files.deleteIfExists(Path.of(pid.group(1)));
            } catch (IOException e) {
                // A temporary file.
            }
        }
    }

    @Test
    @Tag("integration")
    @Requirement("SBX-1")
    void localWithStopLeavesNoEmulatorBehind() {
        requireEmulator();
        CliRun run = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--local", "--stop", "--out", tmp.resolve("dev.out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher pid = Pattern.compile("12 of 12 stacks of dev deployed to the emulator, then it was stopped \\(pid (\\d+)\\)").matcher(run.out());
        assertThat(pid.find()).as(run.out()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(run.out()).doesNotContain("emulator running");
    }
}
