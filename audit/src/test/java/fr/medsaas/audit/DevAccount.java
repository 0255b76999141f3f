package fr.medsaas.audit;

import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.Synthesizer;
import fr.medsaas.sandbox.MotoServer;
import fr.medsaas.sandbox.SandboxDeployer;
import fr.medsaas.sandbox.SandboxDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The integration tier's emulator: moto started on 127.0.0.1 with {@code dev} deployed by the
 * sandbox, as {@code ./medsaas deploy --env dev --local} does. Without moto_server the class is
 * skipped with a printed notice, except with {@code CI=true}, where it fails.
 */
final class DevAccount implements AutoCloseable {
    final EnvironmentConfig config;
    final MotoServer moto;
    final SandboxDeployment deployment;

    private DevAccount(EnvironmentConfig config, MotoServer moto, SandboxDeployment deployment) {
        this.config = config;
        this.moto = moto;
        this.deployment = deployment;
    }

    static Path root() {
        String root = System.getProperty("medsaas.root");
        Path p = root == null ? Path.of("..") : Path.of(root);
        return Files.isDirectory(p.resolve("config")) ? p : Path.of("..");
    }

    static EnvironmentConfig config() {
        return ConfigLoader.loadEnvironment(root().resolve("config"), "dev");
    }

    /** Starts moto and deploys dev; skips (or fails on CI) without moto_server. */
    static DevAccount deploy() {
        if (!MotoServer.isAvailable()) {
            String notice = "[audit] SKIPPED emulator tests: " + MotoServer.unavailableMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(notice + ". CI=true: the audit's integration tests must run here (AUD-1).");
            }
            System.out.println(notice);
            Assumptions.abort(notice);
        }
        EnvironmentConfig config = config();
        Path out;
        try {
            out = Files.createTempDirectory("medsaas-audit-dev-").resolve("cdk.out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Synthesizer.Result synth = Synthesizer.synthesize(config, out);
        MotoServer moto = MotoServer.start();
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            SandboxDeployment d = deployer.deploy(synth.assembly());
            if (!d.succeeded()) {
                moto.close();
                throw new IllegalStateException("dev did not deploy to the emulator: " + d.failure().orElseThrow().failureReason());
            }
            return new DevAccount(config, moto, d);
        }
    }

    /** An audit of dev in the emulator, with the sandbox's fake credentials. */
    AuditReport audit() {
        try (AwsAccess aws = access()) {
            return Auditor.audit(config, aws, Progress.silent(), Duration.ofSeconds(10));
        }
    }

    AwsAccess access() {
        return new AwsAccess(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS), Optional.of(moto.endpoint()),
                Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        moto.close();
    }
}
