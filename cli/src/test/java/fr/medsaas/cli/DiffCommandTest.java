package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RB-1, CFG-2: {@code medsaas diff} against an earlier assembly, and its refusals of bad input. */
class DiffCommandTest {
    @TempDir
    Path tmp;

    /** A copy of dev.yaml (with its key) where {@code from} is replaced by {@code to}. */
    static Path devWith(Path dir, String from, String to) throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        Files.copy(Path.of(CliRun.configDir(), "keys", "media-url-signing-sample.pem"),
                dir.resolve("keys/media-url-signing-sample.pem"));
        String yaml = Files.readString(Path.of(CliRun.configDir(), "dev.yaml"));
        assertThat(yaml).contains(from);
        return Files.writeString(dir.resolve("dev.yaml"), yaml.replace(from, to));
    }

    @Test
    @Requirement("RB-1")
    void listsTheReplacedBucketsFirstAgainstAnEarlierAssembly() throws IOException {
        CliRun old = CliRun.of("synth", "--config", CliRun.configDir() + "/dev.yaml", "--out", tmp.resolve("old").toString());
        assertThat(old.exitCode()).as(old.err()).isZero();
        Path renamed = devWith(tmp.resolve("cfg"), "bucketName: medical-saas-media-dev ", "bucketName: medical-saas-media-dev2 ");
        CliRun run = CliRun.of("diff", "--env", "dev", "--config", renamed.toString(), "--against", tmp.resolve("old").toString(),
                "--out", tmp.resolve("new").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("create-only properties from @aws-cdk/aws-service-spec@")
                .contains("!!! STATEFUL RESOURCES AT RISK (3)")
                .contains("!!! REPLACED         MedSaas-dev-Media            MediaBucket593D5DE8 AWS::S3::Bucket (bucket)")
                .contains("BucketName is create-only: changing it replaces the resource")
                .contains("the old one is kept (UpdateReplacePolicy Retain)")
                .contains("this offline reading is conservative");
        assertThat(out.indexOf("MediaBucket593D5DE8")).isLessThan(out.indexOf("other changes"));

        CliRun json = CliRun.of("diff", "--env", "dev", "--config", renamed.toString(), "--against", tmp.resolve("old").toString(),
                "--out", tmp.resolve("new").toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode tree = new ObjectMapper().readTree(json.out().substring(json.out().indexOf('{')));
        assertThat(tree.path("statefulAtRisk")).hasSize(3);
        assertThat(tree.path("statefulAtRisk").get(0).path("effect").asText()).isEqualTo("REPLACED");
    }

    @Test
    void refusesAFolderThatIsNotAnAssemblyWithExit2() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("not-an-assembly"));
        CliRun run = CliRun.of("diff", "--env", "dev", "--against", empty.toString(), "--out", tmp.resolve("new").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is not a cloud assembly (no manifest.json in it)");
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void refusesAgainstTheFolderItWouldOverwrite() {
        CliRun run = CliRun.of("diff", "--env", "dev", "--against", tmp.toString(), "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is also --out");
    }

    @Test
    void refusesLocalWithoutTheEmulatorsAddress() {
        CliRun run = CliRun.of("diff", "--env", "dev", "--deployed", "--local");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--local needs --endpoint-url URL");
    }

    @Test
    void deployedWithoutCredentialsSaysSoWithExit2AndReadsNothing() {
        Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws")), "this shell has AWS credentials");
        CliRun run = CliRun.of("diff", "--config", CliRun.configDir() + "/dev.yaml", "--deployed", "--out",
                tmp.resolve("new").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no AWS credentials: set AWS_PROFILE").contains("--against DIR");
        assertThat(tmp.resolve("new")).doesNotExist();
        CliRun deploy = CliRun.of("deploy", "--config", CliRun.configDir() + "/dev.yaml", "--out", tmp.resolve("new").toString());
        assertThat(deploy.exitCode()).isEqualTo(ExitCodes.USAGE);
        // The deploy's preflight asks the account first, and refuses before any read or synthesis.
        assertThat(deploy.err()).contains("preflight: credentials: no AWS credentials: set AWS_PROFILE", "nothing was deployed");
    }

    @Test
    @Requirement("CFG-2")
    void refusesAConfigurationOfAnotherEnvironmentThanEnv() {
        CliRun run = CliRun.of("synth", "--env", "prod", "--config", CliRun.configDir() + "/dev.yaml", "--out",
                tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("name: value \"dev\" is refused: the environment asked for with --env, prod");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    @Requirement("CFG-2")
    void refusesADuplicatedKeyNamingItAndItsLine() throws IOException {
        Path twice = devWith(tmp.resolve("cfg"), "  natGateways: 1\n", "  natGateways: 1\n  natGateways: 2\n");
        CliRun run = CliRun.of("synth", "--config", twice.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).containsPattern("network\\.natGateways: value \"key given twice at line \\d+\"");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void helpListsDiffAndExitCode4() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).contains("diff").containsPattern("4\\s+deploy refused");
        CliRun deploy = CliRun.of("deploy", "--help");
        assertThat(deploy.out()).contains("--allow-replace=LOGICAL_ID=REASON").contains("--endpoint-url=URL");
    }
}
