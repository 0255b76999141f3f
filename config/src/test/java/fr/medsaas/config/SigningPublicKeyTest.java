package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The fingerprint that names the CloudFront public key (issue 13) and recognises the sample. */
class SigningPublicKeyTest {
    private static String newPem() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        byte[] der = g.generateKeyPair().getPublic().getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    @Requirement("CF-3")
    void theShippedSampleIsRecognisedByItsFingerprint() {
        SigningPublicKey sample = SigningPublicKey.read(Path.of("keys", "media-url-signing-sample.pem"));
        assertThat(sample.fingerprint()).isEqualTo(SigningPublicKey.SAMPLE_FINGERPRINT).matches("[0-9a-f]{12}");
        assertThat(sample.isShippedSample()).isTrue();
    }

    @Test
    @Requirement("CF-3")
    void anotherKeyHasAnotherFingerprintAndIsNotTheSample() throws NoSuchAlgorithmException {
        SigningPublicKey a = SigningPublicKey.parse(newPem());
        SigningPublicKey b = SigningPublicKey.parse(newPem());
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint()).matches("[0-9a-f]{12}");
        assertThat(a.isShippedSample()).isFalse();
        // The same key in another PEM layout keeps its fingerprint: it names the key, not the file.
        assertThat(SigningPublicKey.parse(a.pem().replace("\n", "\r\n")).fingerprint()).isEqualTo(a.fingerprint());
    }
}
