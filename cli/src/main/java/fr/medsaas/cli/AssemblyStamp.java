package fr.medsaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What produced an assembly, written into it by {@code synth}: a hash of the validated
 * configuration and the sources' commit. A reading command with {@code --env} reuses the
 * assembly when its stamp is the one it would make now; a tree modified since its commit never
 * gets a stamp, since the commit would not say which code made the templates.
 */
final class AssemblyStamp {
    /** The file in the assembly's folder (CDK ignores files it does not know). */
    static final String FILE = "medsaas-stamp.json";
    /** Tests set the commit here instead of asking git. */
    static final String COMMIT_PROPERTY = "medsaas.commitForStamp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssemblyStamp() {
    }

    /** The sources' commit, or empty when it cannot name them (no git, or tracked files modified). */
    static Optional<String> commit() {
        String c = System.getProperty(COMMIT_PROPERTY, ReportCommand.gitCommit());
        return c.matches("[0-9a-f]{40}") ? Optional.of(c) : Optional.empty();
    }

    /** The stamp of {@code config} at {@code commit}. */
    static String of(EnvironmentConfig config, String commit) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The records' text: every validated value of the configuration, defaults included.
            sha.update(config.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(("\n" + commit).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the stamp of {@code config} into {@code dir} when the commit is known; else removes any old one. */
    static void write(Path dir, EnvironmentConfig config) throws IOException {
        Optional<String> commit = commit();
        Path file = dir.resolve(FILE);
        if (commit.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("stamp", of(config, commit.get()));
        n.put("environment", config.name());
        n.put("commit", commit.get());
        n.put("madeAt", Instant.now().toString());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
    }

    /** When {@code dir} holds an assembly stamped for {@code config} at today's commit: when it was made. */
    static Optional<String> matching(Path dir, EnvironmentConfig config) {
        Path file = dir.resolve(FILE);
        Optional<String> commit = commit();
        if (commit.isEmpty() || !Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve("manifest.json"))) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return of(config, commit.get()).equals(n.path("stamp").asText()) ? Optional.of(n.path("madeAt").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
