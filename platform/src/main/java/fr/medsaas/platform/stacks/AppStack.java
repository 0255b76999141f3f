package fr.medsaas.platform.stacks;

import fr.medsaas.config.AppConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.ServiceConfig;
import fr.medsaas.platform.constructs.app.AppSecrets;
import fr.medsaas.platform.constructs.app.AppService;
import fr.medsaas.platform.constructs.app.AppServiceProps;
import fr.medsaas.platform.constructs.app.PublicLoadBalancer;
import fr.medsaas.platform.constructs.app.PublicLoadBalancerProps;
import fr.medsaas.platform.constructs.app.TaskRoles;
import fr.medsaas.platform.constructs.app.TaskRolesProps;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.constructs.firewall.RegionalWebAcl;
import fr.medsaas.platform.constructs.firewall.RegionalWebAclProps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancerTarget;
import software.constructs.Construct;

/**
 * The App stack (ECS-1..6, ALB-1..3): the cluster, the web and worker services, the load
 * balancer and its regional web ACL. It changes with every release and holds no health data;
 * the security groups it uses are the Network stack's, imported immutable so that the chain of
 * SG-1..5 is defined in one place only.
 */
public final class AppStack extends PlatformStack {
    /** The CloudWatch namespace of the application's own metrics (OBS-2). */
    public static final String METRICS_NAMESPACE = "MedicalSaaS/Application";
    /** The web service's name (ECS-3). */
    public static final String WEB_SERVICE = "django-service";
    /** The worker service's name (ECS-4). */
    public static final String WORKER_SERVICE = "celery-service";
    /** The web container's port (ECS-2). */
    public static final int WEB_PORT = 8000;

    private final TaskRoles roles;
    private final AppService web;
    private final AppService worker;
    private final PublicLoadBalancer loadBalancer;

    public AppStack(Construct scope, EnvironmentConfig config, AppStackInputs in) {
        super(scope, config, "App", config.regions().primary(),
                "medsaas " + config.name() + ": ECS cluster, web and worker services, load balancer, regional WAF (ECS, ALB)");
        AppConfig app = config.app();
        String prefix = config.namePrefix();
        int retention = config.logging().retentionDays();
        AppSecrets secrets = in.secrets().importedInto(new Construct(this, "Secrets"));

        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(config.physicalName("cluster"))
                .vpc(in.vpc().vpc())
                .enableFargateCapacityProviders(true)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(prefix + ".internal").vpc(in.vpc().vpc()).build())
                .build();
        // Container Insights writes its performance events here; made beforehand, and before the
        // cluster, so that it is encrypted and kept like every other log group (OBS-1) instead of
        // being created by the service unencrypted.
        EncryptedLogGroup insights = new EncryptedLogGroup(this, "ContainerInsightsLogs", new EncryptedLogGroupProps(
                "/aws/ecs/containerinsights/" + config.physicalName("cluster") + "/performance", in.keys().logs(), retention));
        cluster.getNode().addDependency(insights);
        cluster.addDefaultCapacityProviderStrategy(List.of(
                CapacityProviderStrategy.builder().capacityProvider("FARGATE").weight(1).build()));

        EncryptedLogGroup webLogs = new EncryptedLogGroup(this, "WebLogs",
                new EncryptedLogGroupProps("/ecs/" + prefix + "-django", in.keys().logs(), retention));
        EncryptedLogGroup workerLogs = new EncryptedLogGroup(this, "WorkerLogs",
                new EncryptedLogGroupProps("/ecs/" + prefix + "-celery", in.keys().logs(), retention));
        Map<String, IRepository> repositories = new LinkedHashMap<>();
        for (ServiceConfig s : List.of(app.web(), app.worker())) {
            repositories.computeIfAbsent(s.image().repository(), name ->
                    Repository.fromRepositoryName(this, "Repository-" + name.replaceAll("[^A-Za-z0-9]", ""), name));
        }
        this.roles = new TaskRoles(this, "Roles", new TaskRolesProps(secrets, List.copyOf(repositories.values()),
                List.of(webLogs.logGroup(), workerLogs.logGroup()), in.keys().data(), METRICS_NAMESPACE, app.ecsExec()));

        // Sorted: a map's order would otherwise vary between JVMs and churn the task definition.
        Map<String, String> environment = new java.util.TreeMap<>(Map.of(
                "DJANGO_SETTINGS_MODULE", app.djangoSettingsModule(),
                "AWS_DEFAULT_REGION", config.regions().primary()));
        this.web = new AppService(this, "Web", new AppServiceProps(cluster, prefix + "-django", WEB_SERVICE,
                "django-app", app.web(), repositories.get(app.web().image().repository()), environment, secrets,
                webLogs.logGroup(), roles.executionRole(), roles.taskRole(), in.vpc().appSubnets(),
                immutable("AppSecurityGroup", in.securityGroups().app()), WEB_PORT, "/health/", "django", app.ecsExec()));
        this.worker = new AppService(this, "Worker", new AppServiceProps(cluster, prefix + "-celery", WORKER_SERVICE,
                "celery-worker", app.worker(), repositories.get(app.worker().image().repository()), environment,
                secrets, workerLogs.logGroup(), roles.executionRole(), roles.taskRole(), in.vpc().appSubnets(),
                immutable("WorkerSecurityGroup", in.securityGroups().worker()), null, null, null, app.ecsExec()));

        this.loadBalancer = new PublicLoadBalancer(this, "LoadBalancer", new PublicLoadBalancerProps(
                in.vpc().vpc(), in.vpc().publicSubnets(), immutable("AlbSecurityGroup", in.securityGroups().alb()),
                config.physicalName("alb"), app.certificateArn(), WEB_PORT, "/health/",
                app.loadBalancerDeletionProtection(), retention));
        IApplicationLoadBalancerTarget target = web.service().loadBalancerTarget(LoadBalancerTargetOptions.builder()
                .containerName("django-app").containerPort(WEB_PORT).build());
        loadBalancer.targetGroup().addTarget(target);

        new RegionalWebAcl(this, "WebAcl", new RegionalWebAclProps(config.physicalName("alb-waf"),
                loadBalancer.loadBalancer().getLoadBalancerArn(), in.keys().logs(), retention, config.app().firewall()));
    }

    private ISecurityGroup immutable(String id, ISecurityGroup group) {
        return SecurityGroup.fromSecurityGroupId(this, id, group.getSecurityGroupId(),
                SecurityGroupImportOptions.builder().mutable(false).allowAllOutbound(false).build());
    }

    /** The ECS roles; the media stack grants the task role its bucket through them. */
    public TaskRoles roles() {
        return roles;
    }

    /** The web service. */
    public AppService web() {
        return web;
    }

    /** The worker service. */
    public AppService worker() {
        return worker;
    }

    /** The load balancer. */
    public PublicLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
