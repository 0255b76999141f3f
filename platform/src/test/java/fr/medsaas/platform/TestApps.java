package fr.medsaas.platform;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.MediaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The environments' apps, built and synthesized once per test JVM (not per test, not per class):
 * CDK calls cross into Node.js through jsii, so every construct built twice costs real time.
 * Template assertions use {@link #template}; plain-JSON checks use {@link #assembly}.
 */
public final class TestApps {
    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    private TestApps() {
    }

    /** The checkout's root, where {@code config/} is. */
    public static Path root() {
        String root = System.getProperty("medsaas.root");
        Path p = root == null ? Path.of("..") : Path.of(root);
        return Files.isDirectory(p.resolve("config")) ? p : Path.of("..");
    }

    /** A shipped environment's configuration. */
    public static EnvironmentConfig config(String env) {
        return ConfigLoader.loadEnvironment(root().resolve("config"), env);
    }

    /** The app of a shipped environment, without rule packs, synthesized once. */
    public static MedSaasApp app(String env) {
        return builtEnv(env).app;
    }

    /** The synthesized assembly of a shipped environment, as plain JSON. */
    public static CloudAssembly assembly(String env) {
        return builtEnv(env).assembly;
    }

    private static final Map<String, Synthesizer.Result> CHECKED = new ConcurrentHashMap<>();

    /**
     * A shipped environment synthesized as {@code synth} does it, every rule pack included (their
     * acknowledgements are then in the templates' {@code cdk_nag} metadata); once per test JVM.
     */
    public static Synthesizer.Result checked(String env) {
        return CHECKED.computeIfAbsent(env, e -> {
            try {
                return Synthesizer.synthesize(config(e), Files.createTempDirectory("medsaas-packs-" + e + "-").resolve("cdk.out"));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /** The domain names of {@link #prodWithCustomDomain()}. */
    public static final java.util.List<String> CUSTOM_DOMAINS = java.util.List.of("media.example.fr");
    /** The certificate of {@link #prodWithCustomDomain()}: a well-formed us-east-1 ACM ARN. */
    public static final String CUSTOM_DOMAIN_CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    /**
     * The prod app with a custom domain and its certificate (CF-2: the TLSv1.2_2021 floor), for
     * the few assertions that differ from the shipped prod; built and synthesized once.
     */
    public static MedSaasApp prodWithCustomDomain() {
        return builtOnce("prod+custom-domain", () -> {
            EnvironmentConfig prod = config("prod");
            MediaConfig m = prod.media();
            return prod.withMedia(new MediaConfig(m.bucketName(), m.geoAllowlist(), m.signingPublicKeyPem(),
                    CUSTOM_DOMAINS, CUSTOM_DOMAIN_CERTIFICATE, m.noncurrentVersionDays()));
        }).app;
    }

    /**
     * The dev app in an account that already has its AWS Config recorder and GuardDuty detector
     * (CMP-1, CMP-3: {@code use-existing}), in both regions; built and synthesized once.
     */
    public static MedSaasApp devWithExistingRecorderAndDetector() {
        return builtOnce("dev+use-existing", () -> {
            EnvironmentConfig dev = config("dev");
            fr.medsaas.config.ComplianceConfig c = dev.compliance();
            return dev.withCompliance(new fr.medsaas.config.ComplianceConfig(c.trailObjectLock(),
                    fr.medsaas.config.Provisioning.USE_EXISTING, fr.medsaas.config.Provisioning.USE_EXISTING, c.securityHub(),
                    new fr.medsaas.config.BackupRegionMonitoringConfig(fr.medsaas.config.Provisioning.USE_EXISTING,
                            fr.medsaas.config.Provisioning.USE_EXISTING, c.backupRegion().securityHub()), c.guardDutyProtection()));
        }).app;
    }

    /** The CDK assertions template of one stack. */
    public static Template template(Stack stack) {
        return Template.fromStack(stack);
    }

    private static Built builtEnv(String env) {
        return builtOnce(env, () -> config(env));
    }

    /** The app of a variant of a shipped environment, built and synthesized once per {@code key}. */
    public static MedSaasApp built(String key, Supplier<EnvironmentConfig> config) {
        return builtOnce(key, config).app;
    }

    private static Built builtOnce(String key, Supplier<EnvironmentConfig> config) {
        return BUILT.computeIfAbsent(key, e -> {
            try {
                Path out = Files.createTempDirectory("medsaas-test-" + e.replace('+', '-') + "-");
                MedSaasApp app = MedSaasApp.build(config.get(), out, false);
                app.synth();
                return new Built(app, CloudAssembly.read(out));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private record Built(MedSaasApp app, CloudAssembly assembly) {
    }
}
