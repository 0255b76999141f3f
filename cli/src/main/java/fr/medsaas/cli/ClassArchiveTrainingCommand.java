package fr.medsaas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code medsaas class-archive-training}: what the launcher runs once, under
 * {@code -XX:ArchiveClassesAtExit}, so that the classes {@code check} loads (picocli, Jackson,
 * SnakeYAML, the pack, the report writers) go into the CLI's class-data archive.
 */
@Command(name = "class-archive-training", hidden = true,
        description = "Run check on two bundled templates, as a template set and as an assembly, in every format "
                + "(the launcher's class-data archive is dumped from this run).")
public final class ClassArchiveTrainingCommand implements Callable<Integer> {
    private static final List<String> TEMPLATES = List.of("database.yaml", "bucket.json");

    @Override
    public Integer call() {
        Path dir;
        try {
            dir = Files.createTempDirectory("medsaas-class-archive-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
        try {
            for (String name : TEMPLATES) {
                try (InputStream in = ClassArchiveTrainingCommand.class.getResourceAsStream("class-archive/" + name)) {
                    if (in == null) {
                        throw new IOException("class-archive/" + name + " is missing from the classpath");
                    }
                    Files.write(dir.resolve(name), in.readAllBytes());
                }
            }
            Files.writeString(dir.resolve("manifest.json"), "{\"version\":\"36.0.0\",\"artifacts\":{\"Training\":{"
                    + "\"type\":\"aws:cloudformation:stack\",\"environment\":\"aws://123456789012/eu-west-3\","
                    + "\"properties\":{\"templateFile\":\"bucket.json\",\"stackName\":\"Training\"}}}}");
            String yaml = dir.resolve("database.yaml").toString();
            String json = dir.resolve("bucket.json").toString();
            for (String format : List.of("text", "json", "sarif")) {
                quietly("check", "--template", yaml, json, "--region", "eu-west-3", "--format", format);
            }
            quietly("check", "--template", yaml, "--verbose");
            // Baseline: the strict profile's access proof would start the IAM engine (and npm) here.
            quietly("check", "--assembly", dir.toString(), "--profile", "baseline");
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training templates", e);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static void quietly(String... args) {
        StringWriter sink = new StringWriter();
        Main.run(args, new PrintWriter(sink), new PrintWriter(sink));
    }
}
