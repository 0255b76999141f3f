package fr.medsaas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flag that sends a document to a file instead of the console: {@code --out FILE}. */
public final class OutputFile {
    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of the console.")
    Path out;

    /** Writes {@code text} to the file, or prints it; says where it went on {@code err} when a file. */
    void write(String text, PrintWriter console, PrintWriter err) {
        if (out == null) {
            console.print(text);
            console.flush();
            return;
        }
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        err.println("written to " + out);
        err.flush();
    }
}
