package fr.medsaas.platform.constructs.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The database-roles function's code (module {@code dbroles}): a Java Lambda zip that the build
 * makes and copies beside this class. Written out to a file named by its hash, so that CDK's
 * asset hash, and the template, change only when the code does.
 */
public final class DatabaseRolesCode {
    /** The handler the Lambda runtime calls. */
    public static final String HANDLER = "fr.medsaas.dbroles.Handler::handleRequest";
    private static final String ZIP = "medsaas-dbroles-lambda.zip";

    private DatabaseRolesCode() {
    }

    /** The zip on disk. */
    public static Path zip() {
        try (InputStream in = DatabaseRolesCode.class.getResourceAsStream(ZIP)) {
            if (in == null) {
                throw new IllegalStateException(ZIP + " is missing beside " + DatabaseRolesCode.class.getName()
                        + ": build the dbroles module first (mvn -pl platform -am ...)");
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "medsaas-assets");
            Files.createDirectories(dir);
            Path file = dir.resolve("dbroles-" + hash + ".zip");
            if (!Files.exists(file) || Files.size(file) != bytes.length) {
                Path tmp = Files.createTempFile(dir, "dbroles-", ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
