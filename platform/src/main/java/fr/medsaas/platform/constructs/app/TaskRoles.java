package fr.medsaas.platform.constructs.app;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The execution role and the task role of both services (ECS-5), their rights written out
 * action by action and resource by resource, with no wildcard action: the execution role
 * pulls the configured images, writes the two log groups and reads the three secrets; the task
 * role uses the data key (Decrypt, GenerateDataKey), publishes metrics to one namespace, and,
 * once the media bucket exists, reads and writes its objects ({@link #grantMedia}).
 *
 * <p>HARD-10, a data perimeter: the task role's S3 calls, and its direct KMS calls when KMS has an
 * interface endpoint, are allowed only from the platform's VPC ({@code aws:SourceVpc}, which AWS
 * sets on requests through a VPC endpoint, gateway or interface): stolen task credentials used
 * from elsewhere get nothing. KMS calls S3 makes for the role (SSE-KMS) carry no source VPC; they
 * are held to S3 by {@code kms:ViaService} instead, the S3 call itself having come through the
 * endpoint. The organisation guardrails deny the same outside the endpoints (docs/guardrails.md).
 */
public final class TaskRoles extends Construct {
    private final ManagedPolicyRole execution;
    private final ManagedPolicyRole task;
    private final String vpcId;

    public TaskRoles(Construct scope, String id, TaskRolesProps props) {
        super(scope, id);
        software.amazon.awscdk.services.iam.IPrincipal ecsTasks = new ServicePrincipal("ecs-tasks.amazonaws.com").withConditions(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)));
        execution = new ManagedPolicyRole(this, "Execution", ecsTasks,
                "ECS task execution: pull the configured images, write logs, read the three application secrets",
                java.util.Optional.of(props.principals().ecsExecutionRoleName()));
        execution.allow(
                statement(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                        props.repositories().stream().map(r -> r.getRepositoryArn()).distinct().toList()),
                statement(List.of("ecr:GetAuthorizationToken"), List.of("*")),
                statement(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        props.logGroups().stream().map(g -> g.getLogGroupArn()).toList()),
                statement(List.of("secretsmanager:GetSecretValue"),
                        props.secrets().all().stream().map(ISecret::getSecretArn).toList()),
                PolicyStatement.Builder.create()
                        .actions(List.of("kms:Decrypt"))
                        .resources(List.of(props.secrets().key().getKeyArn()))
                        .conditions(Map.of("StringEquals", Map.of(
                                "kms:ViaService", "secretsmanager." + Aws.REGION + ".amazonaws.com")))
                        .build());
        // HARD-9: GuardDuty's runtime monitoring adds its agent as a sidecar of each new task; the
        // task's execution role pulls it from GuardDuty's repository of the region (an AWS account's).
        props.guardDutyAgentRepository().ifPresent(repository -> execution.allow(statement(
                List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                List.of(repository))));
        Acknowledge.rules(execution.policy(),
                "ecr:GetAuthorizationToken has no resource-level permission (AWS requires Resource \"*\"); it only returns "
                        + "a registry token, and image pulls are limited to the configured repositories"
                        + (props.guardDutyAgentRepository().isPresent() ? " and GuardDuty's agent repository." : "."),
                "AwsSolutions-IAM5[Resource::*]");

        task = new ManagedPolicyRole(this, "Task", ecsTasks,
                "Application tasks: the data key, metrics in one namespace, the media bucket",
                java.util.Optional.of(props.principals().ecsTaskRoleName()));
        this.vpcId = props.vpcId();
        PolicyStatement.Builder dataKey = PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of(props.dataKey().getKeyArn()));
        if (props.kmsEndpoint()) {
            dataKey.conditions(fromOurVpc());
        }
        task.allow(
                dataKey.build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("cloudwatch:PutMetricData"))
                        .resources(List.of("*"))
                        .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", props.metricsNamespace())))
                        .build());
        String putMetricReason = "cloudwatch:PutMetricData has no resource-level permission (AWS requires Resource \"*\"); "
                + "the statement is held to the " + props.metricsNamespace() + " namespace by the cloudwatch:namespace condition.";
        if (props.ecsExec()) {
            task.allow(statement(List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), List.of("*")));
            putMetricReason += " ECS Exec, turned on by configuration, needs the ssmmessages channel actions, which have "
                    + "no resource-level permission either.";
        }
        Acknowledge.rule(task.policy(), "AwsSolutions-IAM5[Resource::*]", putMetricReason);
    }

    /** HARD-10: the request came through an endpoint of the platform's VPC. */
    private Map<String, Object> fromOurVpc() {
        return Map.of("StringEquals", Map.of("aws:SourceVpc", vpcId));
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }

    /**
     * Lets the application read, write and delete objects of the media bucket (and list it),
     * and use its key through S3 for that; called once the Media stack exists. The bucket is
     * named by its configured name, so the App stack takes no export from the Media stack.
     */
    public void grantMedia(String bucketName, IKey bucketKey) {
        String bucketArn = "arn:" + Aws.PARTITION + ":s3:::" + bucketName;
        task.allow(
                PolicyStatement.Builder.create().actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                        .resources(List.of(bucketArn + "/*")).conditions(fromOurVpc()).build(),
                PolicyStatement.Builder.create().actions(List.of("s3:ListBucket"))
                        .resources(List.of(bucketArn)).conditions(fromOurVpc()).build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                        .resources(List.of(bucketKey.getKeyArn()))
                        .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + Aws.REGION + ".amazonaws.com")))
                        .build());
        Acknowledge.rule(task.policy(), "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::" + bucketName + "/*]",
                "The application reads and writes any object of the media bucket (patients' files are keyed by the "
                        + "application); the one bucket is named, not a wildcard of buckets.");
    }

    /** The execution role, immutable. */
    public IRole executionRole() {
        return execution.immutable();
    }

    /** The task role, immutable. */
    public IRole taskRole() {
        return task.immutable();
    }
}
