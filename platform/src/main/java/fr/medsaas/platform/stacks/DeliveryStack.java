package fr.medsaas.platform.stacks;

import fr.medsaas.config.AppConfig;
import fr.medsaas.config.DeliveryConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.delivery.ArtifactBucket;
import fr.medsaas.platform.constructs.delivery.ArtifactBucketProps;
import fr.medsaas.platform.constructs.delivery.DeliveryPipeline;
import fr.medsaas.platform.constructs.delivery.DeliveryPipelineProps;
import fr.medsaas.platform.constructs.delivery.ImageBuild;
import fr.medsaas.platform.constructs.delivery.ImageBuildProps;
import fr.medsaas.platform.constructs.delivery.ImageBuildSpec;
import fr.medsaas.platform.constructs.delivery.ImageRepository;
import fr.medsaas.platform.constructs.delivery.ImageRepositoryProps;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterAttributes;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateServiceAttributes;
import software.amazon.awscdk.services.ecs.IBaseService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The Delivery stack (CI-1..3): the ECR repositories, the image build and the pipeline that
 * deploys to the web and worker services. The App stack imports the repositories by name and
 * this stack imports the services by name, so the two never reference each other: Delivery is
 * deployed first (its repositories must hold an image before the services can start), the
 * pipeline then deploys new images to the services the App stack made.
 */
public final class DeliveryStack extends PlatformStack {
    /** The web repository's construct id; part of the repository's logical ID, so never renamed. */
    static final String WEB_REPOSITORY_ID = "WebRepository";
    /** The worker repository's construct id, when the worker's image has its own repository. */
    static final String WORKER_REPOSITORY_ID = "WorkerRepository";
    /** The artifact bucket's construct id; part of its logical ID, so never renamed. */
    static final String ARTIFACTS_ID = "Artifacts";
    /** The web task's container (see AppStack). */
    public static final String WEB_CONTAINER = "django-app";
    /** The worker task's container (see AppStack). */
    public static final String WORKER_CONTAINER = "celery-worker";

    private final IRepository webRepository;
    private final IRepository workerRepository;
    private final IBucket artifacts;
    private final ImageBuild build;
    private final DeliveryPipeline pipeline;

    public DeliveryStack(Construct scope, EnvironmentConfig config, DeliveryStackInputs in) {
        super(scope, config, "Delivery", config.regions().primary(),
                "medsaas " + config.name() + ": ECR repositories, CodeBuild image build, CodePipeline to ECS (CI-1..3)");
        DeliveryConfig delivery = config.delivery();
        PlatformPrincipals principals = PlatformPrincipals.of(config);
        AppConfig app = config.app();
        IKey key = in.keys().key(KeyPurpose.DELIVERY);
        int retention = config.logging().retentionDays();

        String webName = app.web().image().repository();
        String workerName = app.worker().image().repository();
        this.webRepository = new ImageRepository(this, WEB_REPOSITORY_ID, new ImageRepositoryProps(webName, key,
                delivery.imagesKept(), delivery.untaggedImageExpiryDays())).repository();
        boolean separateWorker = !workerName.equals(webName);
        this.workerRepository = separateWorker
                ? new ImageRepository(this, WORKER_REPOSITORY_ID, new ImageRepositoryProps(workerName, key,
                        delivery.imagesKept(), delivery.untaggedImageExpiryDays())).repository()
                : webRepository;

        this.artifacts = new ArtifactBucket(this, ARTIFACTS_ID,
                new ArtifactBucketProps(key, delivery.artifactExpiryDays(), retention)).bucket();
        this.build = new ImageBuild(this, "ImageBuild", new ImageBuildProps(config.physicalName("image-build"),
                new ImageBuildSpec(WEB_CONTAINER, WORKER_CONTAINER, separateWorker), webRepository, workerRepository,
                artifacts, key, in.keys().logs(), retention, principals.deliveryRoleName("image-build")));

        ICluster cluster = Cluster.fromClusterAttributes(this, "Cluster", ClusterAttributes.builder()
                .clusterName(config.physicalName("cluster")).vpc(in.vpc()).build());
        IBaseService web = FargateService.fromFargateServiceAttributes(this, "WebService",
                FargateServiceAttributes.builder().cluster(cluster).serviceName(AppStack.WEB_SERVICE).build());
        IBaseService worker = FargateService.fromFargateServiceAttributes(this, "WorkerService",
                FargateServiceAttributes.builder().cluster(cluster).serviceName(AppStack.WORKER_SERVICE).build());
        Optional<ITopic> alerts = delivery.notifyAlerts()
                ? Optional.of(Topic.fromTopicArn(this, "AlertsTopic", formatArn(ArnComponents.builder()
                        .service("sns").resource(alertsTopicName(config)).build())))
                : Optional.empty();
        this.pipeline = new DeliveryPipeline(this, "Pipeline", new DeliveryPipelineProps(config.physicalName("delivery"),
                delivery, build.project(), new DeliveryPipelineProps.Targets(web, worker,
                        List.of(principals.ecsTaskRoleName(), principals.ecsExecutionRoleName())),
                artifacts, key, alerts, principals));
    }

    /** The alerts topic's name (OBS-3): {@code <namePrefix>-alerts}, {@code medical-saas-alerts} in prod. */
    public static String alertsTopicName(EnvironmentConfig config) {
        return config.physicalName("alerts");
    }

    /** The web image's repository. */
    public IRepository webRepository() {
        return webRepository;
    }

    /** The worker image's repository; the web's when the worker runs the same image. */
    public IRepository workerRepository() {
        return workerRepository;
    }

    /** The pipeline's artifact bucket. */
    public IBucket artifacts() {
        return artifacts;
    }

    /** The image build. */
    public ImageBuild build() {
        return build;
    }

    /** The pipeline. */
    public DeliveryPipeline pipeline() {
        return pipeline;
    }
}
