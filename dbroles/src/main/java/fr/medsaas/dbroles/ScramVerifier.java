package fr.medsaas.dbroles;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password as PostgreSQL stores it with {@code password_encryption = scram-sha-256} (RFC 5802,
 * RFC 7677): {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}. Given to
 * {@code ALTER ROLE ... PASSWORD}, PostgreSQL keeps it as it is, so the password itself is never
 * sent to the server: no statement, log line or audit record holds it (HARD-6).
 */
public final class ScramVerifier {
    /** PostgreSQL's default {@code scram_iterations}. */
    public static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() {
    }

    /** The verifier of {@code password} with a fresh 16-byte salt. */
    public static String of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return of(password, salt, ITERATIONS);
    }

    /**
     * The verifier with a given salt and iteration count. The password must be printable ASCII, on
     * which SASLprep changes nothing (the roles' secrets are generated so).
     */
    static String of(String password, byte[] salt, int iterations) {
        for (char c : password.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a role's password must be printable ASCII (SASLprep is not applied)");
            }
        }
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 and HmacSHA256 are in every Java 17", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    }
}
