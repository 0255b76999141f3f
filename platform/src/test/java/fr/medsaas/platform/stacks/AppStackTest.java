package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.ImageConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** ECS-1..6 and ALB-1..3 on the prod App stack. */
class AppStackTest {
    private static Template app;
    private static Template network;

    @BeforeAll
    static void synthesize() {
        app = TestApps.template(TestApps.app("prod").application());
        network = TestApps.template(TestApps.app("prod").network());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static Map<String, Object> only(Map<String, Map<String, Object>> found) {
        assertThat(found).hasSize(1);
        return found.values().iterator().next();
    }

    @Test
    @Requirement("ECS-1")
    void clusterOnFargateCapacityProvidersWithContainerInsights() {
        app.hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterName", "medical-saas-cluster",
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled"))));
        app.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", Map.of(
                "CapacityProviders", Match.arrayWith(List.of("FARGATE")),
                "DefaultCapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE", "Weight", 1))));
    }

    @Test
    @Requirement("ECS-2")
    void webTaskDefinitionIsTheSources() {
        app.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Family", "medical-saas-django",
                "Cpu", "1024",
                "Memory", "2048",
                "NetworkMode", "awsvpc",
                "RequiresCompatibilities", List.of("FARGATE"),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Name", "django-app",
                        "PortMappings", List.of(Map.of("ContainerPort", 8000, "Protocol", "tcp")),
                        "Environment", List.of(
                                Map.of("Name", "AWS_DEFAULT_REGION", "Value", "eu-west-3"),
                                Map.of("Name", "DJANGO_SETTINGS_MODULE", "Value", "config.settings.production")),
                        "LogConfiguration", Map.of("LogDriver", "awslogs", "Options", Map.of(
                                "awslogs-group", Map.of("Ref", Match.stringLikeRegexp("WebLogs.*")),
                                "awslogs-stream-prefix", "ecs",
                                "awslogs-region", "eu-west-3")),
                        "HealthCheck", Map.of(
                                "Command", List.of("CMD-SHELL", "curl -f http://localhost:8000/health/ || exit 1"),
                                "Interval", 30, "Timeout", 5, "Retries", 3, "StartPeriod", 60))))));
        app.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/ecs/medical-saas-django", "RetentionInDays", 365,
                "KmsKeyId", Match.objectLike(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysLogs.*")))));
    }

    @Test
    @Requirement("ECS-2")
    void threeSecretsFromSecretsManagerNeverInPlainEnvironment() {
        for (String family : List.of("medical-saas-django", "medical-saas-celery")) {
            Map<String, Object> task = only(app.findResources("AWS::ECS::TaskDefinition",
                    Map.of("Properties", Map.of("Family", family))));
            String containers = props(task).get("ContainerDefinitions").toString();
            assertThat(containers).contains("Name=DATABASE_URL", "Name=REDIS_URL", "Name=FIELD_ENCRYPTION_KEY");
            // by reference to the Data stack's secrets, never by value
            assertThat(containers).containsPattern("Name=DATABASE_URL, ValueFrom=\\{Fn::ImportValue=MedSaas-prod-Data:ExportsOutputRef\\w*DatabaseUrl")
                    .containsPattern("Name=REDIS_URL, ValueFrom=\\{Fn::ImportValue=MedSaas-prod-Data:ExportsOutputRef\\w*RedisUrl")
                    .containsPattern("Name=FIELD_ENCRYPTION_KEY, ValueFrom=\\{Fn::ImportValue=MedSaas-prod-Data:ExportsOutputRef\\w*EncryptionKey");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> env = (List<Map<String, Object>>)
                    ((Map<String, Object>) ((List<?>) props(task).get("ContainerDefinitions")).get(0)).get("Environment");
            assertThat(env).extracting(e -> e.get("Name")).containsExactlyInAnyOrder("DJANGO_SETTINGS_MODULE", "AWS_DEFAULT_REGION");
        }
    }

    @Test
    @Requirement("ECS-3")
    void webServiceIsTheSourcesBehindTheAlbWithDiscoveryBreakerAndScaling() {
        Map<String, Object> service = only(app.findResources("AWS::ECS::Service",
                Map.of("Properties", Map.of("ServiceName", "django-service"))));
        Map<String, Object> p = props(service);
        assertThat(p).containsEntry("DesiredCount", 2).containsEntry("EnableExecuteCommand", false);
        assertThat(p.get("NetworkConfiguration").toString()).contains("AssignPublicIp=DISABLED")
                .contains("privateappSubnet1").contains("privateappSubnet2").contains("privateappSubnet3")
                .doesNotContain("public").contains("SecurityGroupsApp");
        assertThat(p.get("DeploymentConfiguration").toString())
                .contains("DeploymentCircuitBreaker={Enable=true, Rollback=true}");
        assertThat(p.get("LoadBalancers").toString()).contains("ContainerName=django-app").contains("ContainerPort=8000");
        assertThat(p).containsKey("ServiceRegistries");
        app.hasResourceProperties("AWS::ServiceDiscovery::Service", Match.objectLike(Map.of("Name", "django")));
        app.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 2, "MaxCapacity", 6,
                "ResourceId", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebService.*"), "Name"))))))))));
        app.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "PolicyType", "TargetTrackingScaling",
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of(
                        "TargetValue", 70,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))))));
    }

    @Test
    @Requirement("ECS-4")
    void workerHasItsOwnTaskCommandLogsAndNoIngress() {
        app.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "Family", "medical-saas-celery",
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Name", "celery-worker",
                        "Command", List.of("celery", "-A", "config", "worker", "--loglevel=info"),
                        "PortMappings", Match.absent(),
                        "LogConfiguration", Match.objectLike(Map.of("Options", Match.objectLike(Map.of(
                                "awslogs-group", Map.of("Ref", Match.stringLikeRegexp("WorkerLogs.*")))))))))));
        app.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("LogGroupName", "/ecs/medical-saas-celery")));
        Map<String, Object> worker = only(app.findResources("AWS::ECS::Service",
                Map.of("Properties", Map.of("ServiceName", "celery-service"))));
        assertThat(props(worker)).doesNotContainKey("LoadBalancers");
        assertThat(props(worker).get("NetworkConfiguration").toString()).contains("SecurityGroupsWorker")
                .contains("AssignPublicIp=DISABLED");
    }

    @Test
    @Requirement("ECS-5")
    void executionRoleReadsOnlyTheThreeSecretsAndPullsOnlyTheConfiguredImages() {
        Capture statements = new Capture();
        app.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("RolesExecution.*"))),
                "PolicyDocument", Map.of("Statement", statements, "Version", "2012-10-17"))));
        List<?> list = statements.asArray();
        // The sixth statement: GuardDuty's Fargate agent of eu-west-3, pulled as a sidecar (HARD-9).
        assertThat(list).hasSize(6);
        String all = list.toString();
        assertThat(all).contains("Action=[ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]")
                .contains("repository/medical-saas-django")
                .contains(":ecr:eu-west-3:665651866788:repository/aws-guardduty-agent-fargate")
                .contains("Action=ecr:GetAuthorizationToken, Effect=Allow, Resource=*")
                .contains("Action=[logs:CreateLogStream, logs:PutLogEvents]")
                .contains("Action=secretsmanager:GetSecretValue")
                .contains("kms:ViaService");
        Map<?, ?> secrets = (Map<?, ?>) list.stream().filter(s -> s.toString().contains("secretsmanager:GetSecretValue"))
                .findFirst().orElseThrow();
        assertThat((List<?>) secrets.get("Resource")).hasSize(3);
    }

    @Test
    @Requirement({"ECS-5", "ACC-1"})
    void bothServicesWaitForTheirExecutionAndTaskPoliciesNotOnlyTheTaskRole() {
        List<String> policies = new ArrayList<>(app.findResources("AWS::IAM::ManagedPolicy").keySet().stream()
                .filter(id -> id.startsWith("RolesExecution") || id.startsWith("RolesTask")).toList());
        assertThat(policies).hasSize(2);
        Map<String, Map<String, Object>> services = app.findResources("AWS::ECS::Service");
        assertThat(services).hasSize(2);
        services.forEach((id, service) -> {
            List<String> dependsOn = ((List<?>) service.get("DependsOn")).stream().map(Object::toString).toList();
            assertThat(dependsOn).as(id).containsAll(policies)
                    .anyMatch(d -> d.startsWith("RolesExecution") && !policies.contains(d));
        });
    }

    @Test
    @Requirement("ECS-5")
    void taskRoleUsesTheDataKeyOneMetricsNamespaceAndTheMediaBucketOnly() {
        Capture statements = new Capture();
        app.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("RolesTask.*"))),
                "PolicyDocument", Map.of("Statement", statements, "Version", "2012-10-17"))));
        List<?> all = statements.asArray();
        assertThat(all).hasSize(5);
        assertThat(all.get(0).toString())
                .contains("Action=[kms:Decrypt, kms:GenerateDataKey]").contains("KeysData");
        assertThat(all.get(1).toString()).contains("Action=cloudwatch:PutMetricData")
                .contains("cloudwatch:namespace=MedicalSaaS/Application");
        // the media bucket, plugged in by the Media stack, and its key through S3 only
        assertThat(all.get(2).toString()).contains("Action=[s3:GetObject, s3:PutObject, s3:DeleteObject]")
                .contains(":s3:::medical-saas-media-prod/*");
        assertThat(all.get(3).toString()).contains("Action=s3:ListBucket").contains(":s3:::medical-saas-media-prod]");
        assertThat(all.get(4).toString()).contains("Action=[kms:Decrypt, kms:GenerateDataKey]").contains("KeysS3")
                .contains("kms:ViaService={Fn::Join=[, [s3., {Ref=AWS::Region}, .amazonaws.com]]}");
    }

    /**
     * HARD-10: stolen task credentials used outside the VPC get nothing of the media bucket or the
     * data key: the task role's S3 statements and its direct data-key statement require
     * {@code aws:SourceVpc} to be the platform's VPC (set by AWS on requests through a VPC endpoint);
     * the S3 key's statement does not (S3 calls KMS for the role, with no source VPC) and is held
     * to S3 by {@code kms:ViaService} instead.
     */
    @Test
    @Requirement("HARD-10")
    void taskRolesMediaAndDataKeyUseRequiresThePlatformsVpcEndpoints() {
        List<?> prodStatements = taskStatements(app);
        for (int i : List.of(0, 2, 3)) {
            assertThat(prodStatements.get(i).toString()).as("statement %d", i).contains("aws:SourceVpc=")
                    .containsPattern("aws:SourceVpc=\\{Fn::ImportValue=[^}]*Vpc");
        }
        assertThat(prodStatements.get(4).toString()).doesNotContain("aws:SourceVpc").contains("kms:ViaService");
        // dev has no KMS interface endpoint: its data-key calls leave through NAT, so only S3 is held.
        List<?> devStatements = taskStatements(TestApps.template(TestApps.app("dev").application()));
        assertThat(TestApps.config("dev").network().interfaceEndpoints()).isFalse();
        assertThat(devStatements.get(0).toString()).doesNotContain("aws:SourceVpc");
        assertThat(devStatements.get(2).toString()).contains("aws:SourceVpc=");
    }

    private static List<?> taskStatements(Template template) {
        Capture statements = new Capture();
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("RolesTask.*"))),
                "PolicyDocument", Map.of("Statement", statements, "Version", "2012-10-17"))));
        return statements.asArray();
    }

    @Test
    @Requirement("ECS-5")
    void noWildcardActionNoInlinePolicyAndTrustLimitedToThisAccount() {
        app.resourceCountIs("AWS::IAM::Policy", 0);
        List<String> actions = new ArrayList<>();
        app.findResources("AWS::IAM::ManagedPolicy").values().forEach(p -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>)
                    ((Map<String, Object>) props(p).get("PolicyDocument")).get("Statement");
            statements.forEach(st -> {
                Object a = st.get("Action");
                if (a instanceof List<?> l) {
                    l.forEach(x -> actions.add(String.valueOf(x)));
                } else {
                    actions.add(String.valueOf(a));
                }
            });
        });
        assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("*"));
        app.allResourcesProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))),
                        "Version", "2012-10-17"))));
    }

    @Test
    @Requirement("ECS-5")
    void readOnlyRootFilesystemWithAWritableTmpAndEcsExecOff() {
        app.findResources("AWS::ECS::TaskDefinition").values().forEach(t -> {
            String s = props(t).toString();
            assertThat(s).contains("ReadonlyRootFilesystem=true").contains("ContainerPath=/tmp");
        });
        app.allResourcesProperties("AWS::ECS::Service", Match.objectLike(Map.of("EnableExecuteCommand", false)));
    }

    @Test
    @Requirement("ECS-6")
    void imagesComeFromTheConfiguredRepositoryAndTag() {
        // The shipped prod names no tag: until deploy pins a digest, the templates name a tag never
        // pushed, and deploy never deploys App with it (DEP-1, DeployCommandTest).
        app.findResources("AWS::ECS::TaskDefinition").values().forEach(t ->
                assertThat(props(t).get("ContainerDefinitions").toString())
                        .contains(".dkr.ecr.eu-west-3.").contains("/medical-saas-django:" + ImageConfig.UNPINNED_TAG)
                        .doesNotContain(":latest"));
    }

    @Test
    @Requirement("DEP-1")
    void aPinnedDigestReachesTheWebWorkerAndMigrationTaskDefinitions() throws Exception {
        String digest = "sha256:" + "ab".repeat(32);
        EnvironmentConfig shipped = TestApps.config("prod");
        EnvironmentConfig pinned = shipped.withApp(shipped.app().withServices(
                shipped.app().web().withImage(shipped.app().web().image().withDigest(digest)),
                shipped.app().worker().withImage(shipped.app().worker().image().withDigest(digest))));
        Template t = Template.fromStack(MedSaasApp.build(pinned,
                java.nio.file.Files.createTempDirectory("medsaas-pinned-"), false).application());
        Map<String, Map<String, Object>> tasks = t.findResources("AWS::ECS::TaskDefinition");
        assertThat(tasks).hasSize(3);
        tasks.values().forEach(task -> assertThat(props(task).get("ContainerDefinitions").toString())
                .contains("/medical-saas-django@" + digest).doesNotContain(ImageConfig.UNPINNED_TAG));
    }

    @Test
    @Requirement("ALB-1")
    void internetFacingInThePublicTierWithHttpsTls12AndARedirectOn80() {
        app.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "Scheme", "internet-facing",
                "Type", "application",
                "Subnets", Match.arrayWith(List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*VpcpublicSubnet1.*")))))));
        app.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn",
                        "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000")),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "forward"))),
                "LoadBalancerArn", Match.anyValue()));
        app.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of(
                        "Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301"))),
                "LoadBalancerArn", Match.anyValue()));
        app.resourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 2);
    }

    @Test
    @Requirement("ALB-2")
    void accessLogsInvalidHeadersDroppedDeletionProtectionHealthCheck() {
        Map<String, Object> lb = only(app.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        String attributes = props(lb).get("LoadBalancerAttributes").toString();
        assertThat(attributes).contains("Key=deletion_protection.enabled, Value=true")
                .contains("Key=routing.http.drop_invalid_header_fields.enabled, Value=true")
                .contains("Key=access_logs.s3.enabled, Value=true")
                .contains("Key=access_logs.s3.bucket, Value={Ref=LoadBalancerAccessLogs");
        app.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/health/", "Port", 8000, "TargetType", "ip", "Matcher", Map.of("HttpCode", "200"))));
        app.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("ExpirationInDays", 365)))))));
    }

    @Test
    @Requirement("ALB-3")
    void regionalWebAclWithTheRulesOfWaf1OnTheAlbWithItsLogsInTheEu() {
        app.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Name", "medical-saas-alb-waf",
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", List.of(
                        Match.objectLike(Map.of("Name", "RateLimitRule", "Priority", 1, "Action", Map.of("Block", Map.of()),
                                "Statement", Map.of("RateBasedStatement", Map.of("Limit", 2000, "AggregateKeyType", "IP",
                                        "EvaluationWindowSec", 300)),
                                "VisibilityConfig", Match.objectLike(Map.of("CloudWatchMetricsEnabled", true, "SampledRequestsEnabled", true)))),
                        Match.objectLike(Map.of("Name", "LoginRateLimitRule")),
                        Match.objectLike(Map.of("Name", "AWSManagedRulesAmazonIpReputationList")),
                        Match.objectLike(Map.of("Name", "AWSManagedRulesAnonymousIpList")),
                        Match.objectLike(Map.of("Name", "AWSManagedRulesSQLiRuleSet", "Statement", Map.of("ManagedRuleGroupStatement",
                                Map.of("VendorName", "AWS", "Name", "AWSManagedRulesSQLiRuleSet")))),
                        Match.objectLike(Map.of("Name", "AWSManagedRulesCommonRuleSet")),
                        Match.objectLike(Map.of("Name", "BodySizeOutsideUploadPaths")),
                        Match.objectLike(Map.of("Name", "AWSManagedRulesKnownBadInputsRuleSet"))))));
        app.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Map.of("Ref", Match.stringLikeRegexp("LoadBalancer.*")),
                "WebACLArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebAcl.*"), "Arn"))));
        app.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Match.objectLike(Map.of(
                "RedactedFields", List.of(Map.of("SingleHeader", Map.of("Name", "authorization")),
                        Map.of("SingleHeader", Map.of("Name", "cookie"))))));
        app.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "aws-waf-logs-medical-saas-alb-waf", "RetentionInDays", 365)));
    }

    @Test
    @Requirement({"SG-1", "SG-2", "SG-3", "SG-4"})
    void chainFromTheAlbToTheDatabaseAndRedisGoesThroughTheNetworksGroups() {
        // The load balancer and the services use the Network stack's groups, whose rules form
        // the chain internet -> alb:443 -> app:8000 -> rds:5432 / redis:6379.
        String lbGroups = props(only(app.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer")))
                .get("SecurityGroups").toString();
        assertThat(lbGroups).contains("SecurityGroupsAlb");
        app.resourceCountIs("AWS::EC2::SecurityGroup", 0);
        app.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
        List<String> chain = new ArrayList<>();
        network.findResources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> {
            Map<String, Object> p = props(r);
            String to = p.get("GroupId").toString().replaceAll(".*SecurityGroups([A-Za-z]+?)[0-9A-F]{8}.*", "$1");
            String from = p.get("SourceSecurityGroupId").toString().replaceAll(".*SecurityGroups([A-Za-z]+?)[0-9A-F]{8}.*", "$1");
            chain.add(from + "->" + to + ":" + p.get("FromPort"));
        });
        assertThat(chain).contains("Alb->App:8000", "App->Database:5432", "App->Redis:6379",
                "Worker->Database:5432", "Worker->Redis:6379");
    }

    @Test
    @Requirement("HARD-1")
    void containersRunAsANonRootUserWithAHardMemoryLimitNoCapabilityAndAnInitProcess() {
        for (String family : java.util.List.of("medical-saas-django", "medical-saas-celery")) {
            app.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                    "Family", family,
                    "ContainerDefinitions", java.util.List.of(Match.objectLike(Map.of(
                            "User", "1000:1000",
                            "Memory", 2048,
                            "ReadonlyRootFilesystem", true,
                            "LinuxParameters", Map.of("InitProcessEnabled", true,
                                    "Capabilities", Map.of("Drop", java.util.List.of("ALL")))))))));
        }
        app.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of("ContainerDefinitions",
                java.util.List.of(Match.objectLike(Map.of("LinuxParameters", Match.objectLike(Map.of(
                        "Capabilities", Match.objectLike(Map.of("Add", Match.absent()))))))))));
    }
}
