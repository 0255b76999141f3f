package fr.medsaas.platform.constructs.app;

import fr.medsaas.config.ServiceConfig;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * One Fargate service: its task definition, container and service.
 *
 * @param names     the task definition family, service and container names
 * @param container the container: size, image, counts and scaling, and its log group
 * @param settings  what the container reads at start: plain environment and the application's secrets
 * @param placement where the tasks run
 * @param roles     the execution and task roles
 * @param ingress   what the service serves, if anything.
 *                  {@code @default} none: no port, no health check, no Cloud Map name (the worker)
 * @param ecsExec   whether ECS Exec is on
 */
public record AppServiceProps(Names names, Container container, Settings settings, Placement placement, Roles roles,
                              Optional<Ingress> ingress, boolean ecsExec) {

    /**
     * The service's names.
     *
     * @param family        the task definition family ({@code medical-saas-django})
     * @param serviceName   the service name ({@code django-service})
     * @param containerName the container name ({@code django-app})
     */
    public record Names(String family, String serviceName, String containerName) {
    }

    /**
     * The one container of the task.
     *
     * @param config     size, image (tag or digest), counts and scaling
     * @param repository the image's repository
     * @param logGroup   the container's log group
     */
    public record Container(ServiceConfig config, IRepository repository, ILogGroup logGroup) {
    }

    /**
     * What the container reads when it starts.
     *
     * @param environment plain, non-secret environment variables
     * @param secrets     the application's secrets, injected as DATABASE_URL, REDIS_URL, FIELD_ENCRYPTION_KEY
     */
    public record Settings(Map<String, String> environment, AppSecrets secrets) {
    }

    /**
     * Where the tasks run.
     *
     * @param cluster       the cluster
     * @param subnets       the app tier
     * @param securityGroup the service's group
     */
    public record Placement(ICluster cluster, SubnetSelection subnets, ISecurityGroup securityGroup) {
    }

    /**
     * The roles of the tasks (ECS-5), both immutable.
     *
     * @param execution the execution role: pulls, logs, secrets
     * @param task      the task role: what the application itself may do
     */
    public record Roles(IRole execution, IRole task) {
    }

    /**
     * What a serving container offers (the web service).
     *
     * @param containerPort   the port served
     * @param healthCheckPath the container health check's path on that port
     * @param cloudMapName    the service's name in the cluster's namespace
     */
    public record Ingress(int containerPort, String healthCheckPath, String cloudMapName) {
    }
}
