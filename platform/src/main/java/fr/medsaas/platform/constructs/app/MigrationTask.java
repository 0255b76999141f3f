package fr.medsaas.platform.constructs.app;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The database migrations as a task definition of their own (HARD-6), run on demand
 * ({@code aws ecs run-task}) before a release, never as a service. Its execution role alone
 * reads the migration role's secret; the web and worker tasks never hold DDL rights, so an SQL
 * injection in the application cannot alter the schema. The container gets the migration
 * login's parts as separate variables (DATABASE_USER, DATABASE_PASSWORD, DATABASE_HOST,
 * DATABASE_PORT, DATABASE_NAME) and DATABASE_ROLE, the schema owner its session must act as
 * ({@code SET ROLE}, or {@code options='-c role=...'}).
 */
public final class MigrationTask extends Construct {
    /** The command the task runs. */
    public static final List<String> COMMAND = List.of("python", "manage.py", "migrate", "--noinput");

    private final FargateTaskDefinition task;

    public MigrationTask(Construct scope, String id, MigrationTaskProps props) {
        super(scope, id);
        ManagedPolicyRole execution = new ManagedPolicyRole(this, "Execution",
                new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))),
                "ECS migration task execution: pull the image, write its log, read the migration role's secret",
                Optional.of(props.executionRoleName()));
        execution.allow(
                PolicyStatement.Builder.create()
                        .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"))
                        .resources(List.of(props.repository().getRepositoryArn())).build(),
                PolicyStatement.Builder.create().actions(List.of("ecr:GetAuthorizationToken")).resources(List.of("*")).build(),
                PolicyStatement.Builder.create().actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(props.logGroup().getLogGroupArn())).build(),
                PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                        .resources(List.of(props.migrationSecret().getSecretArn())).build(),
                PolicyStatement.Builder.create().actions(List.of("kms:Decrypt"))
                        .resources(List.of(props.secretKey().getKeyArn()))
                        .conditions(Map.of("StringEquals", Map.of(
                                "kms:ViaService", "secretsmanager." + Aws.REGION + ".amazonaws.com")))
                        .build());
        // HARD-9: GuardDuty adds its agent's sidecar to standalone tasks too.
        props.guardDutyAgentRepository().ifPresent(repository -> execution.allow(PolicyStatement.Builder.create()
                .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"))
                .resources(List.of(repository)).build()));
        Acknowledge.rules(execution.policy(),
                "ecr:GetAuthorizationToken has no resource-level permission (AWS requires Resource \"*\"); it only returns "
                        + "a registry token, and image pulls are limited to the configured repository"
                        + (props.guardDutyAgentRepository().isPresent() ? " and GuardDuty's agent repository." : "."),
                "AwsSolutions-IAM5[Resource::*]");
        // No policy at all: the migrations talk to PostgreSQL only.
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("ECS migration task: no AWS right at all; it talks to PostgreSQL only")
                .build();

        this.task = FargateTaskDefinition.Builder.create(this, "TaskDefinition")
                .family(props.family())
                .cpu(props.size().cpu())
                .memoryLimitMiB(props.size().memoryMiB())
                .executionRole(execution.immutable())
                .taskRole(taskRole.withoutPolicyUpdates())
                .volumes(List.of(Volume.builder().name("tmp").build()))
                .build();
        Map<String, String> environment = new TreeMap<>(props.environment());
        environment.put("DATABASE_ROLE", props.ownerRole());
        Map<String, Secret> secrets = new TreeMap<>();
        for (String[] field : new String[][] {{"DATABASE_USER", "username"}, {"DATABASE_PASSWORD", "password"},
                {"DATABASE_HOST", "host"}, {"DATABASE_PORT", "port"}, {"DATABASE_NAME", "dbname"}}) {
            secrets.put(field[0], Secret.fromSecretsManager(props.migrationSecret(), field[1]));
        }
        var image = props.image();
        task.addContainer("migrate", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(props.repository(), image.tagOrDigest()))
                .command(COMMAND)
                .environment(environment)
                .secrets(secrets)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(props.logGroup()).streamPrefix("ecs").build()))
                .readonlyRootFilesystem(true)
                // HARD-1, as the web and worker containers: never root, a hard memory limit.
                .user(props.size().user())
                .memoryLimitMiB(props.size().memoryMiB())
                .essential(true)
                .build())
                .addMountPoints(MountPoint.builder().sourceVolume("tmp").containerPath("/tmp").readOnly(false).build());
        Acknowledge.rule(task, "AwsSolutions-ECS2",
                "Only non-secret settings (DJANGO_SETTINGS_MODULE, AWS_DEFAULT_REGION, DATABASE_ROLE, the owner role's "
                        + "name) are plain environment variables; the migration login comes from Secrets Manager.");
    }

    /** The task definition, run on demand. */
    public FargateTaskDefinition taskDefinition() {
        return task;
    }
}
