package fr.medsaas.platform.constructs.app;

import fr.medsaas.config.ImageConfig;
import fr.medsaas.config.ServiceConfig;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.constructs.Construct;

/**
 * A Fargate service of the application (ECS-2..6): task definition with one container, its
 * image from configuration (tag or digest), plain settings as environment, the three secrets
 * from Secrets Manager, logs to its own encrypted log group, a read-only root filesystem with
 * a writable /tmp, no public IP, the deployment circuit breaker with rollback, and CPU-based
 * autoscaling within the configured bounds.
 */
public final class AppService extends Construct {
    private final FargateService service;

    public AppService(Construct scope, String id, AppServiceProps props) {
        super(scope, id);
        ServiceConfig c = props.container().config();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                .family(props.names().family())
                .cpu(c.cpu())
                .memoryLimitMiB(c.memoryMiB())
                .executionRole(props.roles().execution())
                .taskRole(props.roles().task())
                .volumes(List.of(Volume.builder().name("tmp").build()))
                .build();
        ContainerDefinitionOptions.Builder container = ContainerDefinitionOptions.builder()
                .image(image(props.container().repository(), c.image()))
                .environment(props.settings().environment())
                // Sorted: a map's order would otherwise vary between JVMs and churn the task definition.
                .secrets(new java.util.TreeMap<>(Map.of(
                        "DATABASE_URL", Secret.fromSecretsManager(props.settings().secrets().databaseUrl()),
                        "REDIS_URL", Secret.fromSecretsManager(props.settings().secrets().redisUrl()),
                        "FIELD_ENCRYPTION_KEY", Secret.fromSecretsManager(props.settings().secrets().encryptionKey()))))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(props.container().logGroup()).streamPrefix("ecs").build()))
                .readonlyRootFilesystem(c.readonlyRootFilesystem())
                // HARD-1: never root, a hard memory limit of its own, no Linux capability at all, and
                // an init process that forwards signals to the app and reaps its children.
                .user(c.user())
                .memoryLimitMiB(c.memoryMiB())
                .linuxParameters(software.amazon.awscdk.services.ecs.LinuxParameters.Builder.create(this, "LinuxParameters")
                        .initProcessEnabled(true).build())
                .essential(true);
        if (!c.command().isEmpty()) {
            container.command(c.command());
        }
        props.ingress().ifPresent(ingress -> container
                .portMappings(List.of(PortMapping.builder()
                        .containerPort(ingress.containerPort()).protocol(Protocol.TCP).build()))
                .healthCheck(HealthCheck.builder()
                    .command(List.of("CMD-SHELL", "curl -f http://localhost:" + ingress.containerPort()
                            + ingress.healthCheckPath() + " || exit 1"))
                    .interval(Duration.seconds(30))
                    .timeout(Duration.seconds(5))
                    .retries(3)
                    .startPeriod(Duration.seconds(60))
                    .build()));
        ContainerDefinition definition = task.addContainer(props.names().containerName(), container.build());
        definition.getLinuxParameters().dropCapabilities(software.amazon.awscdk.services.ecs.Capability.ALL);
        definition.addMountPoints(MountPoint.builder().sourceVolume("tmp").containerPath("/tmp").readOnly(false).build());
        Acknowledge.rule(task, "AwsSolutions-ECS2",
                "Only non-secret settings (DJANGO_SETTINGS_MODULE, AWS_DEFAULT_REGION) are plain environment variables, "
                        + "as in the source's task definition; DATABASE_URL, REDIS_URL and FIELD_ENCRYPTION_KEY come from "
                        + "Secrets Manager.");

        FargateService.Builder service = FargateService.Builder.create(this, "Service")
                .serviceName(props.names().serviceName())
                .cluster(props.placement().cluster())
                .taskDefinition(task)
                .desiredCount(c.desiredCount())
                .vpcSubnets(props.placement().subnets())
                .securityGroups(List.of(props.placement().securityGroup()))
                .assignPublicIp(false)
                .platformVersion(FargatePlatformVersion.LATEST)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .enableExecuteCommand(props.ecsExec());
        props.ingress().ifPresent(ingress ->
                service.cloudMapOptions(CloudMapOptions.builder().name(ingress.cloudMapName()).build()));
        this.service = service.build();
        this.service.autoScaleTaskCount(software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps.builder()
                        .minCapacity(c.minCapacity()).maxCapacity(c.maxCapacity()).build())
                .scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(c.targetCpuPercent())
                        .scaleInCooldown(Duration.minutes(5))
                        .scaleOutCooldown(Duration.minutes(1))
                        .build());
    }

    private static ContainerImage image(software.amazon.awscdk.services.ecr.IRepository repository, ImageConfig image) {
        // A digest pins the exact image that was scanned and approved; it wins over the tag.
        return ContainerImage.fromEcrRepository(repository, image.tagOrDigest());
    }

    /** The ECS service. */
    public FargateService service() {
        return service;
    }
}
