package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.delivery.ImageBuildSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The Delivery stack of prod (CI-1..3), of dev (no approval), and of a variant with an S3
 * source, a worker repository of its own and the alerts topic on.
 */
class DeliveryStackTest {
    private static Template prod;
    private static Template dev;
    private static Template variant;
    private static MedSaasApp prodApp;

    @BeforeAll
    static void synthesizeOnce() throws Exception {
        prodApp = TestApps.app("prod");
        prod = TestApps.template(prodApp.delivery());
        dev = TestApps.template(TestApps.app("dev").delivery());
        Path configDir = TestApps.root().resolve("config");
        String text = Files.readString(configDir.resolve("prod.yaml"))
                .replaceFirst("(?m)^  source: .*$", "  source: s3://acme-sources/medsaas/source.zip")
                .replace("notifyAlerts: false", "notifyAlerts: true")
                .replace("  worker:                   # the source's Celery box (ECS-4)\n"
                                + "    image: { repository: medical-saas-django }",
                        "  worker:\n    image: { repository: medical-saas-worker }");
        EnvironmentConfig config = ConfigLoader.parse(text, "variant.yaml", configDir);
        assertThat(config.app().worker().image().repository()).isEqualTo("medical-saas-worker");
        MedSaasApp app = MedSaasApp.build(config, Files.createTempDirectory("medsaas-delivery-variant-"), false);
        variant = Template.fromStack(app.delivery());
    }

    private static Map<String, Object> pipelineProperties(Template t) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) t.findResources("AWS::CodePipeline::Pipeline")
                .values().iterator().next().get("Properties");
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(Template t, String stage) {
        List<Map<String, Object>> stages = (List<Map<String, Object>>) pipelineProperties(t).get("Stages");
        return stages.stream().filter(s -> stage.equals(s.get("Name")))
                .flatMap(s -> ((List<Map<String, Object>>) s.get("Actions")).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> stageNames(Template t) {
        return ((List<Map<String, Object>>) pipelineProperties(t).get("Stages")).stream()
                .map(s -> (String) s.get("Name")).toList();
    }

    // CI-1 ------------------------------------------------------------------------------------

    @Test
    @Requirement("CI-1")
    void ci1_theDjangoRepositoryScansOnPushKeepsTagsImmutableAndUsesTheDeliveryKey() {
        prod.resourceCountIs("AWS::ECR::Repository", 1);
        prod.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of(
                "RepositoryName", "medical-saas-django",
                "ImageScanningConfiguration", Map.of("ScanOnPush", true),
                "ImageTagMutability", "IMMUTABLE",
                "EncryptionConfiguration", Map.of("EncryptionType", "KMS",
                        "KmsKey", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysDelivery.*"))))));
    }

    @Test
    @Requirement("CI-1")
    void ci1_theLifecycleKeepsTheNewestTaggedImagesAndExpiresUntaggedOnes() throws Exception {
        Capture policy = new Capture();
        prod.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of(
                "LifecyclePolicy", Map.of("LifecyclePolicyText", policy))));
        JsonNode rules = new ObjectMapper().readTree(policy.asString()).get("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("selection").get("tagStatus").asText()).isEqualTo("untagged");
        assertThat(rules.get(0).get("selection").get("countType").asText()).isEqualTo("sinceImagePushed");
        assertThat(rules.get(0).get("selection").get("countNumber").asInt()).isEqualTo(7);
        assertThat(rules.get(1).get("selection").get("tagStatus").asText()).isEqualTo("tagged");
        assertThat(rules.get(1).get("selection").get("countType").asText()).isEqualTo("imageCountMoreThan");
        assertThat(rules.get(1).get("selection").get("countNumber").asInt()).isEqualTo(30);
        // dev keeps fewer (config), with the same rules.
        dev.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of("LifecyclePolicy",
                Map.of("LifecyclePolicyText", Match.stringLikeRegexp(".*\"countNumber\":10}.*")))));
    }

    @Test
    @Requirement("CI-1")
    void ci1_theRepositoryIsKeptWhenTheStackIsDeletedOrItIsReplaced() {
        prod.hasResource("AWS::ECR::Repository", Match.objectLike(Map.of(
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain")));
    }

    @Test
    @Requirement("CI-1")
    void ci1_aWorkerImageOfItsOwnGetsARepositoryOfItsOwn() {
        variant.resourceCountIs("AWS::ECR::Repository", 2);
        variant.hasResourceProperties("AWS::ECR::Repository", Match.objectLike(Map.of(
                "RepositoryName", "medical-saas-worker", "ImageTagMutability", "IMMUTABLE")));
    }

    // CI-2 ------------------------------------------------------------------------------------

    @Test
    @Requirement("CI-2")
    void ci2_theBuildRunsDockerPrivilegedWithItsArtifactsUnderTheDeliveryKey() {
        prod.hasResourceProperties("AWS::CodeBuild::Project", Match.objectLike(Map.of(
                "Name", "medical-saas-image-build",
                "Source", Match.objectLike(Map.of("Type", "CODEPIPELINE")),
                "Environment", Match.objectLike(Map.of("PrivilegedMode", true, "Type", "LINUX_CONTAINER")),
                "EncryptionKey", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysDelivery.*")))));
    }

    @Test
    @Requirement({"CI-2", "OBS-1"})
    void ci2_theBuildLogsToItsOwnEncryptedRetainedLogGroup() {
        prod.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "/aws/codebuild/medical-saas-image-build",
                "RetentionInDays", 365,
                "KmsKeyId", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysLogs.*")))));
        prod.hasResourceProperties("AWS::CodeBuild::Project", Match.objectLike(Map.of(
                "LogsConfig", Map.of("CloudWatchLogs", Match.objectLike(Map.of("Status", "ENABLED",
                        "GroupName", Map.of("Ref", Match.stringLikeRegexp("ImageBuildLogs.*"))))))));
    }

    @Test
    @Requirement("CI-2")
    void ci2_theBuildspecLogsInBuildsTheDockerfileTagsWithTheCommitAndWritesBothContainers() {
        Capture buildSpec = new Capture();
        prod.hasResourceProperties("AWS::CodeBuild::Project", Match.objectLike(Map.of(
                "Source", Match.objectLike(Map.of("BuildSpec", buildSpec)))));
        String spec = buildSpec.asString();
        assertThat(spec).contains("aws ecr get-login-password", "docker login --username AWS --password-stdin",
                "docker build -f backend/Dockerfile", "docker push \"$WEB_REPOSITORY_URI:$IMAGE_TAG\"",
                "CODEBUILD_RESOLVED_SOURCE_VERSION", "\"name\":\"django-app\"", "\"name\":\"celery-worker\"",
                ImageBuildSpec.ALL_IMAGES, ImageBuildSpec.WEB_IMAGES, ImageBuildSpec.WORKER_IMAGES, "on-failure: ABORT");
        // Never latest: an immutable repository accepts a tag once.
        assertThat(spec).doesNotContain(":latest").doesNotContain("cut -c 1-7");
    }

    @Test
    @Requirement("CI-2")
    void ci2_theContainerNamesAreTheAppStacks() {
        TestApps.template(prodApp.application()).hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", DeliveryStack.WEB_CONTAINER))))));
        TestApps.template(prodApp.application()).hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", DeliveryStack.WORKER_CONTAINER))))));
    }

    @Test
    @Requirement("CI-2")
    @SuppressWarnings("unchecked")
    void ci2_theBuildRoleMayTouchOnlyItsRepositoryLogGroupArtifactBucketAndKey() {
        Map<String, Map<String, Object>> policies = prod.findResources("AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of("Metadata", Match.objectLike(Map.of(
                        "aws:cdk:path", Match.stringLikeRegexp(".*/ImageBuild/Role/Policy/Resource"))))));
        assertThat(policies).hasSize(1);
        Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) policies.values().iterator().next()
                .get("Properties")).get("PolicyDocument");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) doc.get("Statement");
        List<String> wildcards = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            if ("*".equals(s.get("Resource"))) {
                wildcards.add(String.valueOf(s.get("Action")));
            }
            assertThat(String.valueOf(s.get("Action"))).doesNotContain("*");
        }
        assertThat(wildcards).containsExactly("ecr:GetAuthorizationToken");
        assertThat(statements).extracting(s -> s.get("Sid")).containsExactlyInAnyOrder("WriteItsOwnLogs", "LogInToEcr",
                "PushThePlatformImages", "ReadAndWriteArtifacts", "LocateTheArtifactBucket", "UseTheDeliveryKey");
        prod.resourceCountIs("AWS::IAM::Policy", 0);
    }

    // CI-3 ------------------------------------------------------------------------------------

    @Test
    @Requirement("CI-3")
    void ci3_sourceBuildApprovalThenBothServicesInProd() {
        assertThat(stageNames(prod)).containsExactly("Source", "Build", "Approve", "Deploy");
        assertThat(actions(prod, "Source")).singleElement().satisfies(a -> {
            assertThat(a.get("ActionTypeId")).asString().contains("CodeStarSourceConnection");
            assertThat(a.get("Configuration")).asString().contains("BranchName=main", "FullRepositoryId=medical-saas/medical-saas",
                    "ConnectionArn=arn:aws:codeconnections:eu-west-3:123456789012:connection/");
        });
        assertThat(actions(prod, "Approve")).singleElement()
                .satisfies(a -> assertThat(a.get("ActionTypeId")).asString().contains("Manual"));
        assertThat(actions(prod, "Deploy")).extracting(a -> String.valueOf(a.get("Configuration"))).containsExactlyInAnyOrder(
                "{ClusterName=medical-saas-cluster, ServiceName=django-service, FileName=imagedefinitions-web.json}",
                "{ClusterName=medical-saas-cluster, ServiceName=celery-service, FileName=imagedefinitions-worker.json}");
        assertThat(actions(prod, "Deploy")).allSatisfy(a -> assertThat(a.get("ActionTypeId")).asString().contains("ECS"));
    }

    @Test
    @Requirement("CI-3")
    void ci3_devDeploysWithoutApproval() {
        assertThat(stageNames(dev)).containsExactly("Source", "Build", "Deploy");
    }

    @Test
    @Requirement("CI-3")
    void ci3_theBuildIsToldTheCommitOfTheSource() {
        assertThat(actions(prod, "Build")).singleElement().satisfies(a ->
                assertThat(a.get("Configuration")).asString().contains("SOURCE_REVISION", "#{Source.CommitId}"));
        assertThat(actions(variant, "Build")).singleElement().satisfies(a ->
                assertThat(a.get("Configuration")).asString().contains("#{Source.VersionId}"));
    }

    @Test
    @Requirement("CI-3")
    void ci3_anS3SourceReadsTheConfiguredZip() {
        assertThat(actions(variant, "Source")).singleElement().satisfies(a -> {
            assertThat(a.get("ActionTypeId")).asString().contains("Provider=S3");
            assertThat(a.get("Configuration")).asString().contains("S3Bucket=acme-sources", "S3ObjectKey=medsaas/source.zip");
        });
    }

    @Test
    @Requirement("CI-3")
    void ci3_theArtifactBucketIsEncryptedWithTheDeliveryKeyVersionedAndExpiring() {
        prod.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "BucketKeyEnabled", true,
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysDelivery.*"))))))),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "ExpireArtifacts", "ExpirationInDays", 30, "Status", "Enabled"))))))));
        prod.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "RetainExceptOnCreate",
                "Properties", Match.objectLike(Map.of("VersioningConfiguration", Map.of("Status", "Enabled"),
                        "BucketEncryption", Match.objectLike(Map.of()))))));
    }

    @Test
    @Requirement("CI-3")
    void ci3_theArtifactBucketRefusesPlainHttpAndOldTls() {
        prod.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "Bucket", Map.of("Ref", Match.stringLikeRegexp("Artifacts80C0BB10")),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Condition",
                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Effect", "Deny", "Condition",
                                Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2)))))))))));
    }

    @Test
    @Requirement("CI-3")
    void ci3_thePipelineUsesTheArtifactBucketAndEveryRoleIsWrittenOut() {
        prod.hasResourceProperties("AWS::CodePipeline::Pipeline", Match.objectLike(Map.of(
                "Name", "medical-saas-delivery",
                "PipelineType", "V2",
                "ArtifactStore", Map.of("Type", "S3", "Location", Map.of("Ref", "Artifacts80C0BB10")))));
        // No inline policy anywhere: every right is in one managed policy per role.
        prod.resourceCountIs("AWS::IAM::Policy", 0);
    }

    @Test
    @Requirement("CI-3")
    void ci3_theDeployActionsMayUpdateOnlyTheTwoServices() {
        prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "UpdateTheTwoServices",
                        "Action", List.of("ecs:DescribeServices", "ecs:UpdateService"),
                        "Resource", List.of(
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ecs:eu-west-3:",
                                        Map.of("Ref", "AWS::AccountId"), ":service/medical-saas-cluster/django-service"))),
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ecs:eu-west-3:",
                                        Map.of("Ref", "AWS::AccountId"), ":service/medical-saas-cluster/celery-service")))))))))))));
    }

    @Test
    @Requirement({"CI-3", "ACC-1"})
    void ci3_theDeployRolePassesExactlyTheServicesTaskAndExecutionRolesToEcsTasks() {
        prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "PassTheAppTaskRoles",
                        "Action", "iam:PassRole",
                        "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")),
                        "Resource", List.of(
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::",
                                        Map.of("Ref", "AWS::AccountId"), ":role/medical-saas-ecs-task-role"))),
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::",
                                        Map.of("Ref", "AWS::AccountId"), ":role/medical-saas-ecs-execution-role")))))))))))));
        // No pattern: a role/...-ecs-* would also let the pipeline pass the migration task's execution role.
        assertThat(prod.toJSON().toString()).doesNotContain("-ecs-*");
    }

    @Test
    @Requirement({"CI-3", "OBS-3"})
    void ci3_failuresAndApprovalsGoToTheAlertsTopicOnlyWhenConfigured() {
        prod.resourceCountIs("AWS::CodeStarNotifications::NotificationRule", 0);
        Object topicArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":sns:eu-west-3:", Map.of("Ref", "AWS::AccountId"), ":medical-saas-alerts")));
        variant.hasResourceProperties("AWS::CodeStarNotifications::NotificationRule", Match.objectLike(Map.of(
                "EventTypeIds", List.of("codepipeline-pipeline-pipeline-execution-failed",
                        "codepipeline-pipeline-action-execution-failed", "codepipeline-pipeline-manual-approval-needed"),
                "Targets", List.of(Map.of("TargetType", "SNS", "TargetAddress", topicArn)))));
    }

    @Test
    @Requirement("CI-3")
    void ci3_theAppStackComesAfterDeliveryAndNeitherReferencesTheOther() {
        assertThat(prodApp.application().getDependencies()).contains(prodApp.delivery());
        assertThat(prodApp.delivery().getDependencies()).doesNotContain(prodApp.application(), prodApp.network());
        String delivery = TestApps.assembly("prod").stack("Delivery").orElseThrow().template().toString();
        assertThat(delivery).doesNotContain("MedSaas-prod-App:", "MedSaas-prod-Network:");
    }
}
