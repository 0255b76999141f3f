package fr.medsaas.sandbox;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped environments' assemblies, synthesized once per test JVM with platform's
 * Synthesizer (every rule pack on, as {@code medsaas synth} does): CDK calls cross into
 * Node.js, so an environment is never synthesized twice.
 */
final class Assemblies {
    private static final Map<String, CloudAssembly> SYNTHESIZED = new ConcurrentHashMap<>();

    private Assemblies() {
    }

    /** The checkout's root, where {@code config/} is (surefire sets {@code medsaas.root}). */
    static Path root() {
        String root = System.getProperty("medsaas.root");
        Path p = root == null ? Path.of("..") : Path.of(root);
        return Files.isDirectory(p.resolve("config")) ? p : Path.of("..");
    }

    /** A shipped environment's configuration. */
    static EnvironmentConfig config(String env) {
        return ConfigLoader.loadEnvironment(root().resolve("config"), env);
    }

    /** A shipped environment's assembly, synthesized on first use. */
    static CloudAssembly of(String env) {
        return SYNTHESIZED.computeIfAbsent(env, e -> {
            try {
                Path out = Files.createTempDirectory("medsaas-sandbox-" + e + "-").resolve("cdk.out");
                return Synthesizer.synthesize(config(e), out).assembly();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }
}
