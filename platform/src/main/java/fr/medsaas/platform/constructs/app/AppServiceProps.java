package fr.medsaas.platform.constructs.app;

import fr.medsaas.config.ServiceConfig;
import java.util.Map;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * One Fargate service: its task definition, container and service.
 *
 * @param cluster          the cluster
 * @param family           the task definition family ({@code medical-saas-django})
 * @param serviceName      the service name ({@code django-service})
 * @param containerName    the container name ({@code django-app})
 * @param config           size, image, counts and scaling
 * @param repository       the image's repository
 * @param environment      plain, non-secret environment variables
 * @param secrets          the application's secrets, injected as DATABASE_URL, REDIS_URL, FIELD_ENCRYPTION_KEY
 * @param logGroup         the container's log group
 * @param executionRole    the execution role (immutable)
 * @param taskRole         the task role (immutable)
 * @param subnets          the app tier
 * @param securityGroup    the service's group
 * @param containerPort    the port served, or null for none (the worker)
 * @param healthCheckPath  the container health check's path on that port, or null
 * @param cloudMapName     the service's name in the cluster's namespace, or null
 * @param ecsExec          whether ECS Exec is on
 */
public record AppServiceProps(ICluster cluster, String family, String serviceName, String containerName,
                              ServiceConfig config, IRepository repository, Map<String, String> environment,
                              AppSecrets secrets, ILogGroup logGroup, IRole executionRole, IRole taskRole,
                              SubnetSelection subnets, ISecurityGroup securityGroup, Integer containerPort,
                              String healthCheckPath, String cloudMapName, boolean ecsExec) {
}
