package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * HARD-11 on the emulator: {@code tools/erase-media.sh} erases one file's every version and delete
 * marker in the prod media bucket (eu-west-3) and in its replica (eu-central-1), and nothing else.
 * S3 does not replicate a version's deletion, so the replica holds the file's versions on its own
 * (written here as replication would have left them).
 */
@ExtendWith(Emulator.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaErasureTest {
    private static final String KEY = "patients/0f3a9c/scan-17.pdf";
    private static final String NEIGHBOUR = "patients/0f3a9c/scan-17.pdf.v2";

    private MotoServer moto;
    private EnvironmentConfig config;
    private AwsClients primary;
    private AwsClients backup;
    private Path script;

    @BeforeAll
    void emulator(MotoServer server) {
        Assumptions.assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH: tools/erase-media.sh cannot run");
        moto = server;
        config = Assemblies.config("prod");
        primary = new AwsClients(moto.endpoint(), config.regions().primary());
        backup = new AwsClients(moto.endpoint(), config.regions().backup());
        script = Assemblies.root().resolve("tools/erase-media.sh").toAbsolutePath();
        for (var c : List.of(Map.entry(primary, config.media().bucketName()), Map.entry(backup, config.backup().replicaBucketName()))) {
            c.getKey().s3.createBucket(b -> b.bucket(c.getValue()).createBucketConfiguration(
                    cfg -> cfg.locationConstraint(c.getKey() == primary ? config.regions().primary() : config.regions().backup())));
            c.getKey().s3.putBucketVersioning(b -> b.bucket(c.getValue())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
    }

    @BeforeEach
    void threeVersionsAndADeleteMarkerInTheSourceTwoVersionsInTheReplica() {
        for (var c : List.of(Map.entry(primary, config.media().bucketName()), Map.entry(backup, config.backup().replicaBucketName()))) {
            S3Client s3 = c.getKey().s3;
            String bucket = c.getValue();
            emptyBucket(s3, bucket);
            for (int i = 1; i <= 2; i++) {
                s3.putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromString("scan, version " + System.nanoTime()));
            }
            s3.putObject(b -> b.bucket(bucket).key(NEIGHBOUR), RequestBody.fromString("another file"));
        }
        S3Client s3 = primary.s3;
        s3.putObject(b -> b.bucket(config.media().bucketName()).key(KEY), RequestBody.fromString("scan, version 3"));
        // The application's own delete: a marker, replicated; the versions stay behind it.
        s3.deleteObject(b -> b.bucket(config.media().bucketName()).key(KEY));
    }

    @Test
    @Requirement("HARD-11")
    void erasureRemovesEveryVersionAndMarkerOfTheFileInBothBucketsAndNothingElse() {
        assertThat(copies(primary.s3, config.media().bucketName(), KEY)).hasSize(4);
        assertThat(copies(backup.s3, config.backup().replicaBucketName(), KEY)).hasSize(2);

        Result r = run(args("--yes", KEY));

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(copies(primary.s3, config.media().bucketName(), KEY)).isEmpty();
        assertThat(copies(backup.s3, config.backup().replicaBucketName(), KEY)).isEmpty();
        assertThat(copies(primary.s3, config.media().bucketName(), NEIGHBOUR)).hasSize(1);
        assertThat(copies(backup.s3, config.backup().replicaBucketName(), NEIGHBOUR)).hasSize(1);
        assertThat(r.output()).contains(config.backup().replicaBucketName() + " (" + config.regions().backup()
                + "): 0 version(s) or marker(s) of " + KEY + " left");
    }

    @Test
    @Requirement("HARD-11")
    void withoutYesItListsWhatItWouldEraseAndDeletesNothing() {
        Result r = run(args(KEY));

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains(config.media().bucketName() + " (" + config.regions().primary() + "): 4 version(s)",
                config.backup().replicaBucketName() + " (" + config.regions().backup() + "): 2 version(s)", "would delete");
        assertThat(copies(primary.s3, config.media().bucketName(), KEY)).hasSize(4);
        assertThat(copies(backup.s3, config.backup().replicaBucketName(), KEY)).hasSize(2);
    }

    @Test
    void refusesAPrefixOrATargetWithoutItsRegion() {
        assertThat(run(args("--yes", "patients/0f3a9c/")).exit()).isEqualTo(2);
        assertThat(run("--yes", KEY, config.media().bucketName()).exit()).isEqualTo(2);
        assertThat(copies(primary.s3, config.media().bucketName(), KEY)).hasSize(4);
    }

    /** The erasure's arguments before the targets, then the media bucket and its replica. */
    private String[] args(String... first) {
        return Stream.concat(Stream.of(first), Stream.of(config.media().bucketName() + "@" + config.regions().primary(),
                config.backup().replicaBucketName() + "@" + config.regions().backup())).toArray(String[]::new);
    }

    /** Versions and delete markers of exactly {@code key}. */
    private static List<String> copies(S3Client s3, String bucket, String key) {
        ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket(bucket).prefix(key));
        List<String> ids = new ArrayList<>();
        r.versions().stream().filter(v -> v.key().equals(key)).forEach(v -> ids.add(v.versionId()));
        r.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m -> ids.add(m.versionId()));
        return ids;
    }

    private static void emptyBucket(S3Client s3, String bucket) {
        ListObjectVersionsResponse r = s3.listObjectVersions(b -> b.bucket(bucket));
        r.versions().forEach(v -> s3.deleteObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())));
        r.deleteMarkers().forEach(m -> s3.deleteObject(b -> b.bucket(bucket).key(m.key()).versionId(m.versionId())));
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        pb.environment().put("AWS_ACCESS_KEY_ID", SandboxDeployer.CREDENTIALS.accessKeyId());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", SandboxDeployer.CREDENTIALS.secretAccessKey());
        pb.environment().remove("AWS_PROFILE");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
