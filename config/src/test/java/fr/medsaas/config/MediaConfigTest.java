package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The media section (S3-1, REG-4, CF-2, CF-3): shipped values, path resolution, and each way it is refused. */
class MediaConfigTest {
    @TempDir
    Path dir;

    static Path configDir() {
        String root = System.getProperty("medsaas.root");
        return root == null ? Path.of("..", "config") : Path.of(root, "config");
    }

    /** A config file in the temporary folder, with the sample public key beside it under keys/. */
    private Path write(String media) throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        Files.copy(configDir().resolve("keys/media-url-signing-sample.pem"), dir.resolve("keys/sample.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("prod.yaml");
        Files.writeString(file, ConfigRulesTest.CERT + "name: prod\nmedia:\n  signingPublicKeyPem: keys/sample.pem\n" + media);
        return file;
    }

    private ConfigException refused(String media) throws IOException {
        Path file = write(media);
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair keyPair(String algorithm, int size) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(size);
        return generator.generateKeyPair();
    }

    @Test
    @Requirement("S3-1")
    void eachShippedEnvironmentHasItsOwnBucketName() {
        assertThat(ConfigLoader.loadEnvironment(configDir(), "prod").media().bucketName()).isEqualTo("medical-saas-media-prod");
        assertThat(ConfigLoader.loadEnvironment(configDir(), "staging").media().bucketName()).isEqualTo("medical-saas-media-staging");
        assertThat(ConfigLoader.loadEnvironment(configDir(), "dev").media().bucketName()).isEqualTo("medical-saas-media-dev");
    }

    @Test
    @Requirement("REG-4")
    void prodServesTheSourcesCountriesAndCf2HasNoCustomDomain() {
        MediaConfig media = ConfigLoader.loadEnvironment(configDir(), "prod").media();
        assertThat(media.geoAllowlist()).containsExactly("FR", "DE", "AT", "CH", "BE", "LU");
        assertThat(media.domainNames()).isEmpty();
        assertThat(media.certificateArn()).isNull();
    }

    @Test
    @Requirement("S3-1")
    void theDefaultsAreProdsValues() {
        // Maven runs this module's tests in config/, the folder of prod.yaml: the default key path
        // resolves to the same file from a bare text as from the file.
        MediaConfig defaults = ConfigLoader.parse("name: prod\n" + ConfigRulesTest.CERT, "minimal.yaml").media();
        assertThat(defaults).isEqualTo(ConfigLoader.loadEnvironment(configDir(), "prod").media());
    }

    @Test
    @Requirement("REG-4")
    void everyEeaCountryAndSwitzerlandAreAllowedAndNothingElse() {
        assertThat(Countries.EEA).hasSize(30).contains("IS", "LI", "NO").doesNotContain("CH", "GB");
        assertThat(Countries.VIEWER_ALLOWED).hasSize(31).contains("CH").doesNotContain("US", "GB", "UK");
    }

    @Test
    @Requirement("CF-3")
    void aRelativeKeyPathIsResolvedAgainstTheConfigFilesFolder() throws IOException {
        Path file = write("");
        MediaConfig media = ConfigLoader.load(file).media();
        assertThat(Path.of(media.signingPublicKeyPem())).isAbsolute().isEqualTo(dir.resolve("keys/sample.pem").toAbsolutePath());
        SigningPublicKey key = SigningPublicKey.read(Path.of(media.signingPublicKeyPem()));
        assertThat(key.bits()).isEqualTo(2048);
        assertThat(key.pem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n")
                .doesNotContain("PRIVATE");
    }

    @Test
    @Requirement("CF-2")
    void aCustomDomainWithAnUsEast1CertificateIsAccepted() throws IOException {
        Path file = write("""
                  domainNames: [media.example.fr, "*.cdn.example.fr"]
                  certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d
                """);
        assertThat(ConfigLoader.load(file).media().hasCustomDomain()).isTrue();
    }

    @Test
    void refusesAGeoAllowlistWithACountryOutsideTheEea() throws IOException {
        ConfigException e = refused("  geoAllowlist: [FR, US]\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("media.geoAllowlist[1]");
            assertThat(p.value()).isEqualTo("US");
            assertThat(p.rule()).contains("EEA countries and CH only").contains("AT, BE, BG").contains("CH").contains("NO");
        });
        assertThat(e.getMessage()).contains("media.geoAllowlist[1]: value \"US\" is refused");
    }

    @Test
    void refusesAnEmptyGeoAllowlistAndACountryTwice() throws IOException {
        assertThat(refused("  geoAllowlist: []\n").problems()).extracting(Problem::field).containsExactly("media.geoAllowlist");
        assertThat(refused("  geoAllowlist: [FR, FR]\n").problems()).extracting(Problem::rule).singleElement().asString().endsWith("given twice");
    }

    @Test
    void refusesAMissingPemFile() throws IOException {
        Path file = write("");
        Files.writeString(file, ConfigRulesTest.CERT + "name: prod\nmedia:\n  signingPublicKeyPem: keys/missing.pem\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("media.signingPublicKeyPem");
            assertThat(p.value()).endsWith("keys/missing.pem");
            assertThat(p.rule()).contains("an existing PEM file");
        });
    }

    @Test
    void refusesAPrivateKeyEvenBesideItsPublicKey() throws Exception {
        KeyPair pair = keyPair("RSA", 2048);
        Path file = write("");
        Files.writeString(dir.resolve("keys/sample.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()) + pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e.problems()).singleElement().extracting(Problem::rule).asString().contains("PRIVATE key");
        // The message names the file, never its content.
        assertThat(e.getMessage()).doesNotContain(Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(0, 40));
    }

    @Test
    void refusesAnRsaKeyOfAnotherSize() throws Exception {
        Path file = write("");
        Files.writeString(dir.resolve("keys/sample.pem"), pem("PUBLIC KEY", keyPair("RSA", 1024).getPublic().getEncoded()));
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
        assertThat(e.problems()).singleElement().extracting(Problem::rule).asString().contains("2048 bits").contains("1024");
    }

    @Test
    void refusesANonRsaKeyAndTextThatIsNoKey() throws Exception {
        Path file = write("");
        Files.writeString(dir.resolve("keys/sample.pem"), pem("PUBLIC KEY", keyPair("EC", 256).getPublic().getEncoded()));
        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file)).problems())
                .singleElement().extracting(Problem::rule).asString().contains("an RSA public key");
        Files.writeString(dir.resolve("keys/sample.pem"), "hello", StandardCharsets.US_ASCII);
        assertThat(catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file)).problems())
                .singleElement().extracting(Problem::rule).asString().contains("BEGIN PUBLIC KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:acm:eu-west-3:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:acm:us-east-1:12345:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:acm:us-east-1:123456789012:certificate/not-a-uuid",
            "arn:aws:iam::123456789012:server-certificate/media"})
    void refusesACertificateArnThatCloudFrontCannotUse(String arn) throws IOException {
        ConfigException e = refused("  domainNames: [media.example.fr]\n  certificateArn: " + arn + "\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("media.certificateArn");
            assertThat(p.value()).isEqualTo(arn);
            assertThat(p.rule()).contains("arn:aws:acm:us-east-1:<12 digits>:certificate/<uuid>");
        });
    }

    @Test
    void refusesDomainNamesWithoutACertificate() throws IOException {
        ConfigException e = refused("  domainNames: [media.example.fr]\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("media.certificateArn");
            assertThat(p.value()).isNull();
            assertThat(p.rule()).contains("required with domainNames").contains("media.example.fr");
        });
    }

    @Test
    void refusesACertificateWithoutDomainNames() throws IOException {
        assertThat(refused("  certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n")
                .problems()).extracting(Problem::field).containsExactly("media.certificateArn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Media.Example.fr", "media..example.fr", "-media.example.fr", "localhost"})
    void refusesADomainNameThatIsNotALowerCaseDnsName(String domain) throws IOException {
        ConfigException e = refused("  domainNames: [\"" + domain + "\"]\n"
                + "  certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("media.domainNames[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Medical-saas-media", "medical.saas.media", "-media", "media-", "media_files",
            "xn--media", "sthree-media", "media-s3alias", "media--ol-s3",
            "a-bucket-name-that-is-far-too-long-for-its-log-suffix-x"})
    void refusesABucketNameS3OrItsLogBucketWouldRefuse(String name) throws IOException {
        ConfigException e = refused("  bucketName: " + name + "\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("media.bucketName");
            assertThat(p.value()).isEqualTo(name);
            assertThat(p.rule()).contains("3 to 51 characters");
        });
    }
}
