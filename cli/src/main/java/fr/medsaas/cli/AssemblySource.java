package fr.medsaas.cli;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.platform.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import fr.medsaas.config.EnvironmentConfig;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where a reading command gets its assembly: {@code --assembly DIR} (read as it is), or an
 * environment ({@code --env}, {@code --config}): the assembly {@code synth} wrote ({@code --from}) when its
 * {@link AssemblyStamp} matches, else synthesized first into a temporary folder.
 */
public final class AssemblySource {
    @Mixin
    EnvironmentOptions environment;

    @Option(names = {"-a", "--assembly"}, paramLabel = "DIR",
            description = "Read this synthesized cloud assembly (a folder with manifest.json) instead of synthesizing --env.")
    Path assembly;

    @Option(names = "--fresh", description = "With --env: synthesize even when the assembly that synth wrote (--from) "
            + "was made from the same configuration and commit (by default it is reused).")
    boolean fresh;

    @Option(names = "--from", paramLabel = "DIR", defaultValue = "cdk.out", description = "With --env: the folder synth "
            + "writes, reused when its stamp says the same configuration and commit made it. Default: ${DEFAULT-VALUE}.")
    Path from;

    private boolean reused;

    /** Whether {@link #with} is using the assembly synth wrote for the same configuration and commit. */
    public boolean reused() {
        return reused;
    }

    /** Runs {@code use} on the assembly; refuses, with exit 2, a folder without a manifest. */
    public <T> T with(CommandSpec spec, Function<CloudAssembly, T> use) {
        if (assembly != null) {
            if (!CloudAssembly.exists(assembly)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--assembly: " + assembly
                        + " holds no manifest.json; give the folder that `medsaas synth --out DIR` wrote. Nothing was written.");
            }
            return use.apply(CloudAssembly.read(assembly));
        }
        EnvironmentConfig config = environment.load();
        if (!fresh) {
            Optional<String> made = AssemblyStamp.matching(from, config);
            if (made.isPresent()) {
                spec.commandLine().getErr().printf("reused %s (made %s from the same configuration and commit; --fresh "
                        + "synthesizes again)%n", from, made.get());
                spec.commandLine().getErr().flush();
                reused = true;
                return use.apply(CloudAssembly.read(from));
            }
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("medsaas-assembly-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path out = tmp.resolve("cdk.out");
            Synthesizer.Result result = Synthesizer.synthesize(config, out);
            return use.apply(result.assembly());
        } finally {
            delete(tmp);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
