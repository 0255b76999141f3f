package fr.medsaas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * AUD-1: the audit calls nothing but reads. Three locks: the guard's rule, the guard refusing a
 * write on a real client before anything is sent, and a scan of the audit's sources for every
 * SDK operation they name.
 */
@Requirement("AUD-1")
class ReadOnlyGuardTest {
    /** The variables and getters through which the audit's sources reach an SDK client. */
    private static final Pattern CLIENT_CALL = Pattern.compile(
            "\\b(?:cfn|ec2|s3|kms|logs|rds|ec|ct)\\.(\\w+)\\(|aws\\.(?:cloudFormation|ec2|s3|kms|logs|rds|elastiCache|cloudTrail)"
                    + "\\([^)]*\\)\\.(\\w+)\\(");

    /** The operation names given to SignedJsonReads: the string literal before the path or the body. */
    private static final Pattern SIGNED_CALL = Pattern.compile("\"([A-Z]\\w+)\",\\s*(?:\"/|\"\\{|body\\))");

    @Test
    void allowsListDescribeGetAndDriftDetectionOnly() {
        assertThat(ReadOnlyGuard.allowed("S3", "GetBucketPolicy")).isTrue();
        assertThat(ReadOnlyGuard.allowed("Ec2", "DescribeSecurityGroups")).isTrue();
        assertThat(ReadOnlyGuard.allowed("CloudFormation", "ListStackResources")).isTrue();
        assertThat(ReadOnlyGuard.allowed("CloudFormation", "DetectStackDrift")).isTrue();
        assertThat(ReadOnlyGuard.allowed("S3", "PutBucketPolicy")).isFalse();
        assertThat(ReadOnlyGuard.allowed("Ec2", "AuthorizeSecurityGroupIngress")).isFalse();
        assertThat(ReadOnlyGuard.allowed("CloudTrail", "StopLogging")).isFalse();
        assertThat(ReadOnlyGuard.allowed("CloudFormation", "DetectStackResourceDrift")).isFalse();
        assertThat(ReadOnlyGuard.allowed("Kms", "DetectStackDrift")).isFalse();
    }

    @Test
    void refusesAWriteBeforeSendingIt() {
        // Port 9 (discard) on loopback: were the call sent, it would fail on the connection, not in the guard.
        try (AwsAccess aws = new AwsAccess(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                Optional.of(URI.create("http://127.0.0.1:9")), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> aws.s3("eu-west-3").deletePublicAccessBlock(r -> r.bucket("any")))
                    .hasStackTraceContaining("medsaas audit is read-only: refused S3:DeletePublicAccessBlock");
            assertThatThrownBy(() -> aws.ec2("eu-west-3").authorizeSecurityGroupIngress(r -> r.groupId("sg-1")))
                    .hasStackTraceContaining("refused Ec2:AuthorizeSecurityGroupIngress");
            assertThat(aws.guard().called()).isEmpty();
        }
    }

    @Test
    void refusesAWriteThroughTheSignedReadsToo() {
        try (SignedJsonReads reads = new SignedJsonReads(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
                Optional.of(URI.create("http://127.0.0.1:9")), new ReadOnlyGuard(), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> reads.get("Backup", "backup", "eu-west-3", "DeleteBackupVault", "/backup-vaults/v"))
                    .hasMessage("medsaas audit is read-only: refused Backup:DeleteBackupVault");
            assertThatThrownBy(() -> reads.target("Config", "config", "eu-west-3", "StarlingDoveService",
                    "StopConfigurationRecorder", "{}")).hasMessageContaining("refused Config:StopConfigurationRecorder");
        }
    }

    @Test
    void theAuditSourcesNameOnlyReadOperations() throws IOException {
        Path sources = DevAccount.root().resolve("audit/src/main/java/fr/medsaas/audit");
        List<String> operations = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CLIENT_CALL.matcher(Files.readString(f));
                while (m.find()) {
                    operations.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                Matcher signed = SIGNED_CALL.matcher(Files.readString(f));
                while (signed.find()) {
                    operations.add(Character.toLowerCase(signed.group(1).charAt(0)) + signed.group(1).substring(1));
                }
            }
        }
        assertThat(operations).contains("getBucketPolicy", "describeSecurityGroups", "detectStackDrift", "getTrailStatus",
                        "describeConfigurationRecorderStatus", "listDetectors", "getBackupPlan", "listBackupVaults", "getResources")
                .allMatch(op -> op.startsWith("list") || op.startsWith("describe") || op.startsWith("get")
                        || op.equals("detectStackDrift"), "a read, or CloudFormation's drift detection");
    }
}
