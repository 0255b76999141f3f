package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.sandbox.MotoServer;
import fr.medsaas.sandbox.SandboxDeployer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * RB-1 through the emulator: dev deployed once, then the media bucket renamed in a copied
 * configuration (the log buckets' names follow it). Deploying again to the same emulator is refused with exit 4
 * naming the buckets,
 * the emulator unchanged; with {@code --allow-replace} for it, the deployment goes through.
 */
@Tag("integration")
@Requirement("RB-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployGuardEmulatorTest {
    private static final String BUCKET = "MediaBucket593D5DE8";

    Path tmp;

    MotoServer moto;
    Path renamed;

    @BeforeAll
    void deployDevOnce(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        if (!MotoServer.isAvailable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(MotoServer.unavailableMessage() + ". CI=true: the guard must be tested here.");
            }
            System.out.println("[sandbox] SKIPPED deploy guard test: " + MotoServer.unavailableMessage());
            Assumptions.abort(MotoServer.unavailableMessage());
        }
        moto = MotoServer.start();
        CliRun first = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--local",
                "--endpoint-url", moto.endpoint().toString(), "--out", tmp.resolve("first.out").toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("guard: compared with the emulator at").contains("0 stateful resources at risk");
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.createDirectories(dir.resolve("keys"));
        Files.copy(Path.of(CliRun.configDir(), "keys", "media-url-signing-sample.pem"),
                dir.resolve("keys/media-url-signing-sample.pem"));
        String yaml = Files.readString(Path.of(CliRun.configDir(), "dev.yaml"));
        assertThat(yaml).contains("bucketName: medical-saas-media-dev ");
        renamed = Files.writeString(dir.resolve("dev.yaml"),
                yaml.replace("bucketName: medical-saas-media-dev ", "bucketName: medical-saas-media-dev-renamed "));
    }

    @AfterAll
    void stop() {
        if (moto != null) {
            moto.stop();
        }
    }

    private String bucketInEmulator() {
        try (CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(moto.endpoint())
                .region(Region.EU_WEST_3).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS)).build()) {
            return cfn.describeStackResource(b -> b.stackName("MedSaas-dev-Media").logicalResourceId(BUCKET))
                    .stackResourceDetail().physicalResourceId();
        }
    }

    @Test
    @Order(1)
    void refusesARenamedMediaBucketWithExit4AndChangesNothing() {
        CliRun run = CliRun.of("deploy", "--config", renamed.toString(), "--local", "--endpoint-url",
                moto.endpoint().toString(), "--out", tmp.resolve("second.out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.UNSAFE_CHANGE);
        assertThat(run.err()).contains("REFUSED REPLACED MedSaas-dev-Media " + BUCKET + " (AWS::S3::Bucket)")
                .contains("REFUSED REPLACED MedSaas-dev-Media AccessLogs247031D9")
                .contains("BucketName is create-only")
                .contains("deploy refused").contains("nothing was deployed");
        assertThat(run.out()).doesNotContain("CREATE_COMPLETE").doesNotContain("UPDATE_COMPLETE");
        assertThat(bucketInEmulator()).isEqualTo("medical-saas-media-dev");
    }

    @Test
    @Order(2)
    void diffAgainstTheEmulatorListsTheBucketsAtRisk() {
        CliRun run = CliRun.of("diff", "--config", renamed.toString(), "--deployed", "--local", "--endpoint-url",
                moto.endpoint().toString(), "--out", tmp.resolve("diff.out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("compared with the emulator at").contains("!!! STATEFUL RESOURCES AT RISK (3)")
                .contains(BUCKET);
    }

    @Test
    @Order(3)
    void anAllowanceWithAReasonLetsTheReplacementThrough() {
        CliRun run = CliRun.of("deploy", "--config", renamed.toString(), "--local", "--endpoint-url",
                moto.endpoint().toString(), "--out", tmp.resolve("third.out").toString(),
                "--allow-replace", BUCKET + "=empty dev bucket, renamed on purpose",
                // The log buckets' names follow the media bucket's: they are replaced too, and must be named.
                "--allow-replace", "AccessLogs247031D9=dev access logs, renamed with the media bucket",
                "--allow-replace", "CdnLogs496EC640=dev CDN logs, renamed with the media bucket", "--verbose");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("ALLOWED REPLACED MedSaas-dev-Media " + BUCKET)
                .containsPattern("MedSaas-dev-Media\\s+eu-west-3\\s+UPDATE_COMPLETE")
                .containsPattern("MedSaas-dev-Keys\\s+eu-west-3\\s+UNCHANGED");
        assertThat(bucketInEmulator()).isEqualTo("medical-saas-media-dev-renamed");
    }
}
