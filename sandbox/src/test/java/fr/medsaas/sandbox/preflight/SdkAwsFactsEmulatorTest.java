package fr.medsaas.sandbox.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.sandbox.Emulator;
import fr.medsaas.sandbox.MotoServer;
import fr.medsaas.sandbox.SandboxDeployer;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The preflight's questions asked for real, through the AWS SDK, of the emulator: each answer
 * read from what was put there first. (A bucket held by another account cannot be made in a
 * one-account emulator; the stubbed test covers it.)
 */
@Tag("integration")
@ExtendWith(Emulator.class)
class SdkAwsFactsEmulatorTest {
    static URI endpoint;
    static SdkAwsFacts facts;

    @BeforeAll
    static void start(MotoServer moto) {
        endpoint = moto.endpoint();
        facts = new SdkAwsFacts(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS), Optional.of(endpoint),
                "eu-west-3");
    }

    @AfterAll
    static void close() {
        facts.close();
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(B b, String region) {
        b.httpClient(UrlConnectionHttpClient.create());
        return b.endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS)).build();
    }

    @Test
    void readsTheAccountOfTheCredentials() {
        assertThat(facts.accountId()).matches("\\d{12}");
    }

    @Test
    void readsACertificatesStatusAndMissesAnUnknownOne() {
        try (AcmClient acm = client(AcmClient.builder(), "eu-west-3")) {
            String arn = acm.requestCertificate(r -> r.domainName("app.example.org")).certificateArn();
            assertThat(facts.certificateStatus(arn)).get().isIn("ISSUED", "PENDING_VALIDATION");
            assertThat(facts.certificateStatus(arn.replaceAll("[0-9a-f-]{36}$", "00000000-0000-4000-8000-00000000dead")))
                    .isEmpty();
        }
    }

    @Test
    void tellsAPushedImageFromAMissingTagAndAMissingRepository() {
        try (EcrClient ecr = client(EcrClient.builder(), "eu-west-3")) {
            ecr.createRepository(r -> r.repositoryName("preflight-app"));
            ecr.putImage(r -> r.repositoryName("preflight-app").imageTag("abc1234").imageManifest(
                    "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,"
                            + "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\"},"
                            + "\"layers\":[]}"));
        }
        assertThat(facts.image("eu-west-3", "preflight-app", "abc1234")).isEqualTo(AwsFacts.ImageState.PRESENT);
        assertThat(facts.image("eu-west-3", "preflight-app", "latest")).isEqualTo(AwsFacts.ImageState.MISSING);
        assertThat(facts.image("eu-west-3", "no-such-repository", "abc1234")).isEqualTo(AwsFacts.ImageState.NO_REPOSITORY);
    }

    @Test
    void readsTheS3PrefixListOfARegionAndMissesAnUnknownName() {
        assertThat(facts.prefixListId("eu-west-3", "com.amazonaws.eu-west-3.s3")).get().asString().startsWith("pl-");
        assertThat(facts.prefixListId("eu-west-3", "com.amazonaws.eu-west-3.nothing")).isEmpty();
    }

    @Test
    void readsAPolicysDefaultVersionDecodedAndMissesAnUnknownOne() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/a key?x=1&y=%\"}]}";
        try (software.amazon.awssdk.services.iam.IamClient iam = client(software.amazon.awssdk.services.iam.IamClient.builder(),
                "us-east-1")) {
            String arn = iam.createPolicy(r -> r.policyName("MedSaas-test-CdkExecution").policyDocument(doc)).policy().arn();
            assertThat(facts.policyDocument(arn)).get().satisfies(d -> assertThat(d).contains("a key?x=1&y=%", "s3:GetObject"));
            assertThat(facts.policyDocument(arn.replace("MedSaas-test-", "MedSaas-none-"))).isEmpty();
        }
    }

    @Test
    void findsAServiceLinkedRoleOnceCreated() {
        // moto names a service-linked role from its service's name and gets ECS's, RDS's and
        // ElastiCache's capitalisation wrong (AWSServiceRoleForecs); EC2 Auto Scaling's it names
        // as AWS does, so that one shows the create-then-find round trip.
        assertThat(facts.roleExists("AWSServiceRoleForAutoScaling")).isFalse();
        facts.createServiceLinkedRole("autoscaling.amazonaws.com");
        assertThat(facts.roleExists("AWSServiceRoleForAutoScaling")).isTrue();
    }

    @Test
    void readsTheBootstrapKeyOfARegionAndMissesAnUnbootstrappedOne() {
        try (CloudFormationClient cfn = client(CloudFormationClient.builder(), "eu-central-1")) {
            cfn.createStack(r -> r.stackName("CDKToolkit").templateBody("{\"Parameters\":{\"FileAssetsBucketKmsKeyId\":"
                            + "{\"Type\":\"String\"}},\"Resources\":{\"Handle\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}}}")
                    .parameters(List.of(Parameter.builder().parameterKey("FileAssetsBucketKmsKeyId")
                            .parameterValue("arn:aws:kms:eu-central-1:123456789012:key/abcd").build())));
        }
        assertThat(facts.bootstrapKey("eu-central-1", "CDKToolkit")).contains("arn:aws:kms:eu-central-1:123456789012:key/abcd");
        assertThat(facts.bootstrapKey("us-east-1", "CDKToolkit")).isEmpty();
    }

    @Test
    void readsAStacksStatusAndARepositoryAndMissesUnknownOnes() {
        try (CloudFormationClient cfn = client(CloudFormationClient.builder(), "eu-west-3");
             EcrClient ecr = client(EcrClient.builder(), "eu-west-3")) {
            cfn.createStack(r -> r.stackName("MedSaas-dev-Busy").templateBody("{\"Resources\":{\"Handle\":"
                    + "{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}}}"));
            ecr.createRepository(r -> r.repositoryName("preflight-by-hand"));
        }
        assertThat(facts.stackStatus("eu-west-3", "MedSaas-dev-Busy")).contains("CREATE_COMPLETE");
        assertThat(facts.stackStatus("eu-west-3", "MedSaas-dev-Nothing")).isEmpty();
        assertThat(facts.repositoryExists("eu-west-3", "preflight-by-hand")).isTrue();
        assertThat(facts.repositoryExists("eu-west-3", "preflight-nothing")).isFalse();
    }

    @Test
    void readsTheSignedServicesOfAFreshAccount() {
        // moto serves GuardDuty and AWS Config; a fresh account has no detector, recorder or channel.
        assertThat(facts.guardDutyDetectors("eu-west-3")).isEmpty();
        assertThat(facts.configRecorders("eu-west-3")).isEmpty();
        assertThat(facts.configDeliveryChannels("eu-west-3")).isEmpty();
    }

    @Test
    void tellsOurBucketFromAFreeName() {
        try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), "eu-west-3")) {
            s3.createBucket(r -> r.bucket("preflight-ours").createBucketConfiguration(c -> c.locationConstraint("eu-west-3")));
        }
        assertThat(facts.bucket("preflight-ours")).isEqualTo(AwsFacts.BucketState.OURS);
        assertThat(facts.bucket("preflight-nobody-has-this-name")).isEqualTo(AwsFacts.BucketState.FREE);
    }

    @Test
    void theIamPolicyOfThePreflightIsReadOnly() {
        // Every SDK call of SdkAwsFacts but the service-linked role's creation is a read.
        List<String> calls = java.util.regex.Pattern.compile("ask\\(\"([a-z0-9]+:[A-Za-z]+)\"").matcher(source())
                .results().map(m -> m.group(1)).distinct().toList();
        assertThat(calls).containsExactlyInAnyOrder("sts:GetCallerIdentity", "acm:DescribeCertificate",
                "ecr:DescribeImages", "iam:GetRole", "cloudformation:DescribeStacks", "s3:HeadBucket",
                "ec2:DescribePrefixLists", "iam:CreateServiceLinkedRole", "guardduty:ListDetectors",
                "securityhub:DescribeHub", "ecr:DescribeRepositories", "ecs:DescribeServices", "iam:GetPolicyVersion");
        // The signed reads named by a computed string: Config's two and CodeConnections' one.
        assertThat(source()).contains("configNames(region, \"DescribeConfigurationRecorders\"",
                "configNames(region, \"DescribeDeliveryChannels\"", "\".GetConnection\"");
    }

    private static String source() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/fr/medsaas/sandbox/preflight/SdkAwsFacts.java"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
