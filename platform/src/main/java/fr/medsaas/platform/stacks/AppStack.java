package fr.medsaas.platform.stacks;

import fr.medsaas.config.AppConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.app.AppSecrets;
import fr.medsaas.platform.constructs.app.AppService;
import fr.medsaas.platform.constructs.app.AppServiceProps;
import fr.medsaas.platform.constructs.app.ImageRepositories;
import fr.medsaas.platform.constructs.app.MigrationTask;
import fr.medsaas.platform.constructs.app.MigrationTaskProps;
import fr.medsaas.platform.constructs.app.PublicLoadBalancer;
import fr.medsaas.platform.constructs.app.PublicLoadBalancerProps;
import fr.medsaas.platform.constructs.app.ServiceCluster;
import fr.medsaas.platform.constructs.app.TaskRoles;
import fr.medsaas.platform.constructs.app.TaskRolesProps;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.firewall.RegionalWebAcl;
import fr.medsaas.platform.constructs.firewall.RegionalWebAclProps;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.constructs.network.ImmutableSecurityGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.Cluster;
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
    private final MigrationTask migration;

    public AppStack(Construct scope, EnvironmentConfig config, AppStackInputs in) {
        super(scope, config, "App", config.regions().primary(),
                "medsaas " + config.name() + ": ECS cluster, web and worker services, load balancer, regional WAF (ECS, ALB)");
        AppConfig app = config.app();
        String prefix = config.namePrefix();
        PlatformPrincipals principals = PlatformPrincipals.of(config);
        int retention = config.logging().retentionDays();
        AppSecrets secrets = in.secrets().importedInto(new Construct(this, "Secrets"));

        Cluster cluster = ServiceCluster.build(this, new ServiceCluster.Props(config.physicalName("cluster"),
                prefix + ".internal", in.vpc().vpc(), in.keys().logs(), retention));
        EncryptedLogGroup webLogs = new EncryptedLogGroup(this, "WebLogs",
                new EncryptedLogGroupProps("/ecs/" + prefix + "-django", in.keys().logs(), retention));
        EncryptedLogGroup workerLogs = new EncryptedLogGroup(this, "WorkerLogs",
                new EncryptedLogGroupProps("/ecs/" + prefix + "-celery", in.keys().logs(), retention));
        Map<String, IRepository> repositories = ImageRepositories.imported(this, List.of(app.web(), app.worker()));
        this.roles = new TaskRoles(this, "Roles", new TaskRolesProps(secrets, List.copyOf(repositories.values()),
                List.of(webLogs.logGroup(), workerLogs.logGroup()), in.keys().data(), METRICS_NAMESPACE, app.ecsExec(),
                principals, in.vpc().vpc().getVpcId(), config.network().interfaceEndpoints(), guardDutyAgent(config)));
        AppServiceProps.Roles taskRoles = new AppServiceProps.Roles(roles.executionRole(), roles.taskRole());

        // Sorted: a map's order would otherwise vary between JVMs and churn the task definition.
        Map<String, String> environment = new TreeMap<>(Map.of(
                "DJANGO_SETTINGS_MODULE", app.djangoSettingsModule(),
                "AWS_DEFAULT_REGION", config.regions().primary()));
        AppServiceProps.Settings settings = new AppServiceProps.Settings(environment, secrets);
        this.web = new AppService(this, "Web", new AppServiceProps(
                new AppServiceProps.Names(prefix + "-django", WEB_SERVICE, "django-app"),
                new AppServiceProps.Container(app.web(), repositories.get(app.web().image().repository()), webLogs.logGroup()),
                settings,
                new AppServiceProps.Placement(cluster, in.vpc().appSubnets(),
                        ImmutableSecurityGroup.of(this, "AppSecurityGroup", in.securityGroups().app())),
                taskRoles,
                Optional.of(new AppServiceProps.Ingress(WEB_PORT, "/health/", "django")),
                app.ecsExec()));
        this.worker = new AppService(this, "Worker", new AppServiceProps(
                new AppServiceProps.Names(prefix + "-celery", WORKER_SERVICE, "celery-worker"),
                new AppServiceProps.Container(app.worker(), repositories.get(app.worker().image().repository()),
                        workerLogs.logGroup()),
                settings,
                new AppServiceProps.Placement(cluster, in.vpc().appSubnets(),
                        ImmutableSecurityGroup.of(this, "WorkerSecurityGroup", in.securityGroups().worker())),
                taskRoles,
                Optional.empty(),
                app.ecsExec()));

        // ACC-1: a service's first tasks pull images, read secrets and write logs with the execution
        // policy, and run with the task policy; CDK makes a service wait for its task role only, and
        // the managed policies attach to the roles, not the other way round: wait for every one.
        web.service().getNode().addDependency(roles);
        worker.service().getNode().addDependency(roles);

        // HARD-6: migrations run as a task of their own, with the migration role's login.
        EncryptedLogGroup migrateLogs = new EncryptedLogGroup(this, "MigrateLogs",
                new EncryptedLogGroupProps("/ecs/" + prefix + "-migrate", in.keys().logs(), retention));
        this.migration = new MigrationTask(this, "Migration", new MigrationTaskProps(prefix + "-migrate",
                principals.migrationExecutionRoleName(), app.worker(),
                repositories.get(app.web().image().repository()), app.web().image(), environment,
                software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(this, "MigrationUser",
                        in.migrationUser().getSecretArn()),
                in.keys().key(fr.medsaas.platform.constructs.keys.KeyPurpose.SECRETS),
                fr.medsaas.platform.constructs.data.DatabaseRoles.ownerRole(config.data().postgres().databaseName()),
                migrateLogs.logGroup(), guardDutyAgent(config)));

        this.loadBalancer = new PublicLoadBalancer(this, "LoadBalancer", new PublicLoadBalancerProps(
                in.vpc().vpc(), in.vpc().publicSubnets(),
                ImmutableSecurityGroup.of(this, "AlbSecurityGroup", in.securityGroups().alb()),
                config.physicalName("alb"), app.certificateArn(), WEB_PORT, "/health/",
                app.loadBalancerDeletionProtection(), retention));
        IApplicationLoadBalancerTarget target = web.service().loadBalancerTarget(LoadBalancerTargetOptions.builder()
                .containerName("django-app").containerPort(WEB_PORT).build());
        loadBalancer.targetGroup().addTarget(target);

        new RegionalWebAcl(this, "WebAcl", new RegionalWebAclProps(config.physicalName("alb-waf"),
                loadBalancer.loadBalancer().getLoadBalancerArn(), in.keys().logs(), retention, config.app().firewall()));
        // The media bucket by its configured name: the App stack takes no export from the Media stack.
        roles.grantMedia(config.media().bucketName(), in.keys().key(KeyPurpose.S3));
    }

    /** The ECS roles. */
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

    /** The migration task (HARD-6). */
    public MigrationTask migration() {
        return migration;
    }

    /** The load balancer. */
    public PublicLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** HARD-9: GuardDuty's Fargate agent repository of the primary region, when runtime monitoring is on. */
    static java.util.Optional<String> guardDutyAgent(EnvironmentConfig config) {
        return config.compliance().guardDutyProtection().runtimeMonitoring()
                ? java.util.Optional.of(fr.medsaas.compliance.aws.GuardDutyAgent.repositoryArn(
                        software.amazon.awscdk.Aws.PARTITION, config.regions().primary()))
                : java.util.Optional.empty();
    }
}
