package fr.medsaas.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public key that CloudFront uses to verify signed media URLs (CF-3), read from a PEM file
 * and checked the way CloudFront's key groups want it: one RSA 2048-bit key in
 * SubjectPublicKeyInfo form ({@code BEGIN PUBLIC KEY}). A public key is not a secret; a private
 * key is refused outright so that it never reaches a template or the repository.
 *
 * @param pem  the key, re-encoded as canonical PEM (64-column base64, one trailing newline)
 * @param bits the modulus length
 */
public record SigningPublicKey(String pem, int bits) {
    /** The only RSA size this platform accepts. */
    public static final int REQUIRED_BITS = 2048;
    /** {@link #fingerprint()} of config/keys/media-url-signing-sample.pem. */
    public static final String SAMPLE_FINGERPRINT = "ab024337cd1d";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    /**
     * Reads and checks the key of {@code file}.
     *
     * @throws IllegalArgumentException with what is wrong and what is expected, as a validation rule
     */
    public static SigningPublicKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("an existing PEM file (not found at " + file + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("a readable PEM file (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    /**
     * Checks PEM text.
     *
     * @throws IllegalArgumentException with what is wrong and what is expected, as a validation rule
     */
    public static SigningPublicKey parse(String text) {
        if (text.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("a public key only: this file holds a PRIVATE key, which must never be "
                    + "in the configuration or the repository (extract the public half with openssl pkey -pubout)");
        }
        if (text.contains("BEGIN RSA PUBLIC KEY")) {
            throw new IllegalArgumentException("a key in SubjectPublicKeyInfo form (BEGIN PUBLIC KEY), as CloudFront takes it; "
                    + "convert this PKCS#1 key with openssl rsa -RSAPublicKey_in -pubout");
        }
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("a PEM file with one -----BEGIN PUBLIC KEY----- block");
        }
        if (m.find()) {
            throw new IllegalArgumentException("a PEM file with exactly one public key (several found)");
        }
        byte[] der;
        PublicKey key;
        try {
            der = Base64.getMimeDecoder().decode(BLOCK.matcher(text).results().findFirst().orElseThrow().group(1));
            key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("an RSA public key: the PEM block does not decode as one");
        }
        int bits = ((RSAPublicKey) key).getModulus().bitLength();
        if (bits != REQUIRED_BITS) {
            throw new IllegalArgumentException("an RSA key of " + REQUIRED_BITS
                    + " bits, the size CloudFront accepts for signed URLs (this one has " + bits + ")");
        }
        return new SigningPublicKey(canonical(der), bits);
    }

    /**
     * The first 12 hex digits of the SHA-256 of the key's DER encoding: names the CloudFront public
     * key, so that a new key is a new resource (CloudFormation cannot change a key in place).
     */
    public String fingerprint() {
        try {
            byte[] der = Base64.getMimeDecoder().decode(BLOCK.matcher(pem).results().findFirst().orElseThrow().group(1));
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der))
                    .substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True for the sample key shipped in config/keys, whose private half was destroyed. */
    public boolean isShippedSample() {
        return SAMPLE_FINGERPRINT.equals(fingerprint());
    }

    private static String canonical(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }
}
