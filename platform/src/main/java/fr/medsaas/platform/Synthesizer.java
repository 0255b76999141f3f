package fr.medsaas.platform;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.ValidationReport;
import fr.medsaas.config.EnvironmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Synthesizes an environment into a cloud assembly, all or nothing: the assembly is written to
 * a temporary folder beside the destination and moved into place only when every rule pack is
 * clean, so a failed run never leaves a half-written or non-compliant assembly behind.
 */
public final class Synthesizer {
    private Synthesizer() {
    }

    /**
     * What a successful synthesis produced.
     *
     * @param assembly  the assembly, read back from its final place
     * @param rulePacks the rule packs that ran on every stack
     * @param report    the policy-validation report inside it (plugins with findings only)
     * @param elapsed   wall time of building and synthesizing
     */
    public record Result(CloudAssembly assembly, java.util.List<String> rulePacks, ValidationReport report,
                         Duration elapsed) {
    }

    /**
     * Synthesizes {@code config} with every rule pack into {@code outDir}, replacing what was there.
     *
     * @throws UnacknowledgedFindingsException when a pack reports an error nobody acknowledged
     */
    public static Result synthesize(EnvironmentConfig config, Path outDir) {
        long start = System.nanoTime();
        Path target = outDir.toAbsolutePath().normalize();
        Path staging = createStaging(target);
        try {
            RuntimeException failure = null;
            // CDK prints its own copy of the validation report through Node.js; the caller prints
            // ours, so the console of the synthesis is kept and shown only with an internal error.
            java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
            java.io.PrintStream err = System.err;
            System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                MedSaasApp.build(config, staging, true).synth();
            } catch (RuntimeException e) {
                failure = e;
                // jsii forwards Node.js's stderr on a thread of its own: give the report CDK
                // printed on its way out the time to arrive here rather than after our message.
                pause(200);
            } finally {
                System.setErr(err);
            }
            Optional<ValidationReport> report = ValidationReport.readFrom(staging);
            if (report.isPresent() && !report.get().blocking().isEmpty()) {
                throw new UnacknowledgedFindingsException(report.get().blocking());
            }
            if (failure != null) {
                err.print(console.toString(java.nio.charset.StandardCharsets.UTF_8));
                throw failure;
            }
            // Our HDS/RGPD pack (medsaas check) on the written templates, refused as cdk-nag's are.
            // One parse of the templates serves our pack and the result.
            CloudAssembly staged = CloudAssembly.read(staging);
            java.util.List<fr.medsaas.compliance.assembly.Finding> ours = fr.medsaas.compliance.check.Checker.blocking(staged);
            if (!ours.isEmpty()) {
                throw new UnacknowledgedFindingsException(ours);
            }
            moveIntoPlace(staging, target);
            CloudAssembly assembly = staged.movedTo(target);
            java.util.List<String> packs = new java.util.ArrayList<>(fr.medsaas.platform.nag.RulePacks.PACKS);
            packs.add(fr.medsaas.compliance.packs.MedSaasPack.NAME);
            return new Result(assembly, java.util.List.copyOf(packs),
                    report.orElseThrow(() -> new IllegalStateException("the rule packs wrote no report")),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createStaging(Path target) {
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
            if (old != null) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the assembly into " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
