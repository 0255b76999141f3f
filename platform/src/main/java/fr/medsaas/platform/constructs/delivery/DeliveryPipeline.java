package fr.medsaas.platform.constructs.delivery;

import static fr.medsaas.platform.constructs.delivery.ImageBuild.statement;

import fr.medsaas.config.DeliveryConfig;
import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.BuildEnvironmentVariable;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.IAction;
import software.amazon.awscdk.services.codepipeline.IPipeline;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineNotificationEvents;
import software.amazon.awscdk.services.codepipeline.PipelineNotifyOnOptions;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;
import software.amazon.awscdk.services.codepipeline.actions.CodeStarConnectionsSourceAction;
import software.amazon.awscdk.services.codepipeline.actions.EcsDeployAction;
import software.amazon.awscdk.services.codepipeline.actions.ManualApprovalAction;
import software.amazon.awscdk.services.codepipeline.actions.S3SourceAction;
import software.amazon.awscdk.services.codepipeline.actions.S3Trigger;
import software.amazon.awscdk.services.ecs.IBaseService;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The pipeline (CI-3): source from configuration (a Git repository through CodeConnections, or
 * a zip in S3), the image build, a manual approval when configured, then ECS deploy actions to
 * the web and worker services (rolling updates, under the services' circuit breaker). Failures
 * and waiting approvals are announced on the alerts topic when one is given.
 *
 * <p>Every role is written out here, one managed policy each, and handed to CDK immutable: the
 * pipeline's role may only assume its actions' roles and use the artifact bucket; the source's
 * may only use its connection (or read its source object) and write artifacts; the build
 * action's may only start this project; the deploy actions' may only update these two services.
 */
public final class DeliveryPipeline extends Construct {
    private static final List<String> KEY_USE = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey");

    private final Pipeline pipeline;

    public DeliveryPipeline(Construct scope, String id, DeliveryPipelineProps props) {
        super(scope, id);
        DeliveryConfig delivery = props.delivery();
        IBucket artifacts = props.artifacts();
        String artifactObjects = artifacts.arnForObjects("*");
        String artifactsAck = "The objects of the pipeline's own artifact bucket only, whose keys CodePipeline makes "
                + "for each execution.";
        String objectsFinding = "AwsSolutions-IAM5[Resource::" + NagNames.arnOf(artifacts) + "/*]";

        ManagedPolicyRole pipelineRole = new ManagedPolicyRole(this, "Role",
                new ServicePrincipal("codepipeline.amazonaws.com"), "pipeline " + props.pipelineName(),
                Optional.of(props.principals().deliveryRoleName("pipeline")));
        ArnPrincipal byPipeline = new ArnPrincipal(pipelineRole.role().getRoleArn());

        // Source --------------------------------------------------------------------------
        ManagedPolicyRole sourceRole = new ManagedPolicyRole(this, "SourceRole", byPipeline,
                "source action of " + props.pipelineName(), Optional.of(props.principals().deliveryRoleName("source")));
        sourceRole.allow(
                statement("WriteSourceArtifacts", List.of("s3:PutObject", "s3:PutObjectAcl"), List.of(artifactObjects)),
                statement("UseTheDeliveryKey", KEY_USE, List.of(props.key().getKeyArn())));
        Acknowledge.rule(sourceRole.policy(), objectsFinding, artifactsAck);
        Artifact source = new Artifact("Source");
        Artifact images = new Artifact("Images");
        IAction sourceAction;
        String revision;
        if (delivery.connectionArn().isPresent()) {
            String connection = delivery.connectionArn().get();
            sourceRole.allow(statement("UseTheConnection",
                    List.of("codeconnections:UseConnection", "codestar-connections:UseConnection"), List.of(connection)));
            String[] ownerAndName = delivery.repository().split("/", 2);
            CodeStarConnectionsSourceAction git = CodeStarConnectionsSourceAction.Builder.create()
                    .actionName("Source")
                    .connectionArn(connection)
                    .owner(ownerAndName[0])
                    .repo(ownerAndName[1])
                    .branch(delivery.branch())
                    .output(source)
                    .triggerOnPush(true)
                    .variablesNamespace("Source")
                    .role(sourceRole.immutable())
                    .build();
            sourceAction = git;
            revision = git.getVariables().getCommitId();
        } else {
            DeliveryConfig.S3Location at = delivery.s3Source().orElseThrow();
            IBucket bucket = Bucket.fromBucketName(this, "SourceBucket", at.bucket());
            sourceRole.allow(
                    statement("ReadTheSourceObject", List.of("s3:GetObject", "s3:GetObjectVersion"),
                            List.of(bucket.arnForObjects(at.key()))),
                    statement("CheckTheSourceBucket", List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"),
                            List.of(bucket.getBucketArn())));
            S3SourceAction s3 = S3SourceAction.Builder.create()
                    .actionName("Source")
                    .bucket(bucket)
                    .bucketKey(at.key())
                    // EVENTS would need a CloudTrail trail of the bucket's data events; polling needs nothing.
                    .trigger(S3Trigger.POLL)
                    .output(source)
                    .variablesNamespace("Source")
                    .role(sourceRole.immutable())
                    .build();
            sourceAction = s3;
            revision = s3.getVariables().getVersionId();
        }

        // Build ---------------------------------------------------------------------------
        ManagedPolicyRole buildRole = new ManagedPolicyRole(this, "BuildRole", byPipeline,
                "build action of " + props.pipelineName(), Optional.of(props.principals().deliveryRoleName("build")));
        buildRole.allow(statement("StartThisBuild", List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds",
                "codebuild:StopBuild"), List.of(props.build().getProjectArn())));

        // Deploy --------------------------------------------------------------------------
        ManagedPolicyRole deployRole = new ManagedPolicyRole(this, "DeployRole", byPipeline,
                "ECS deploy actions of " + props.pipelineName(), Optional.of(props.principals().deliveryRoleName("deploy")));
        DeliveryPipelineProps.Targets targets = props.targets();
        deployRole.allow(
                statement("UpdateTheTwoServices", List.of("ecs:DescribeServices", "ecs:UpdateService"),
                        List.of(serviceArn(targets.web()), serviceArn(targets.worker()))),
                statement("RegisterTaskDefinitions", List.of("ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition",
                        "ecs:DescribeTasks", "ecs:ListTasks", "ecs:TagResource"), List.of("*")),
                PolicyStatement.Builder.create().sid("PassTheAppTaskRoles").actions(List.of("iam:PassRole"))
                        .resources(targets.passedRoleNames().stream()
                                .map(name -> "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/" + name).toList())
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                        .build(),
                statement("ReadImageDefinitions", List.of("s3:GetObject", "s3:GetObjectVersion"), List.of(artifactObjects)),
                statement("UseTheDeliveryKey", List.of("kms:Decrypt", "kms:DescribeKey"), List.of(props.key().getKeyArn())));
        Acknowledge.rule(deployRole.policy(), objectsFinding, artifactsAck);
        Acknowledge.rule(deployRole.policy(), "AwsSolutions-IAM5[Resource::*]", "ECS has no resource-level "
                + "permission for RegisterTaskDefinition and DescribeTaskDefinition, and the ECS deploy action lists "
                + "and describes the tasks of the new deployment; updating a service is limited to the two services.");

        // The pipeline -------------------------------------------------------------------
        pipelineRole.allow(
                statement("AssumeItsActionRoles", List.of("sts:AssumeRole"), List.of(sourceRole.role().getRoleArn(),
                        buildRole.role().getRoleArn(), deployRole.role().getRoleArn())),
                statement("UseItsArtifacts", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"),
                        List.of(artifactObjects)),
                statement("LocateItsArtifactBucket", List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"),
                        List.of(artifacts.getBucketArn())),
                statement("UseTheDeliveryKey", KEY_USE, List.of(props.key().getKeyArn())));
        Acknowledge.rule(pipelineRole.policy(), objectsFinding, artifactsAck);

        List<StageProps> stages = new ArrayList<>();
        stages.add(StageProps.builder().stageName("Source").actions(List.of(sourceAction)).build());
        stages.add(StageProps.builder().stageName("Build").actions(List.of(CodeBuildAction.Builder.create()
                .actionName("BuildImage")
                .project(props.build())
                .input(source)
                .outputs(List.of(images))
                .environmentVariables(Map.of(ImageBuildSpec.SOURCE_REVISION,
                        BuildEnvironmentVariable.builder().value(revision).build()))
                .role(buildRole.immutable())
                .build())).build());
        if (delivery.manualApproval()) {
            stages.add(StageProps.builder().stageName("Approve").actions(List.of(ManualApprovalAction.Builder.create()
                    .actionName("ApproveRelease")
                    .additionalInformation("Release " + revision + " with " + props.pipelineName()
                            + ": approve once its image scan shows no finding you do not accept.")
                    .build())).build());
        }
        stages.add(StageProps.builder().stageName("Deploy").actions(List.of(
                EcsDeployAction.Builder.create().actionName("DeployWeb").service(targets.web())
                        .imageFile(images.atPath(ImageBuildSpec.WEB_IMAGES)).role(deployRole.immutable()).build(),
                EcsDeployAction.Builder.create().actionName("DeployWorker").service(targets.worker())
                        .imageFile(images.atPath(ImageBuildSpec.WORKER_IMAGES)).role(deployRole.immutable()).build()))
                .build());

        this.pipeline = Pipeline.Builder.create(this, "Resource")
                .pipelineName(props.pipelineName())
                .pipelineType(PipelineType.V2)
                .role(pipelineRole.immutable())
                .artifactBucket(artifacts)
                .restartExecutionOnUpdate(false)
                .stages(stages)
                .build();
        for (ManagedPolicyRole role : List.of(pipelineRole, sourceRole, buildRole, deployRole)) {
            pipeline.getNode().addDependency(role.policy());
        }
        props.alerts().ifPresent(topic -> pipeline.notifyOn("Alerts", topic, PipelineNotifyOnOptions.builder()
                .notificationRuleName(props.pipelineName() + "-alerts")
                .events(List.of(PipelineNotificationEvents.PIPELINE_EXECUTION_FAILED,
                        PipelineNotificationEvents.ACTION_EXECUTION_FAILED,
                        PipelineNotificationEvents.MANUAL_APPROVAL_NEEDED))
                .build()));
    }

    /**
     * The service's ARN in the format ECS uses since 2021 ({@code service/<cluster>/<service>}): an
     * imported service's own ARN follows the older format unless a feature flag this app does not
     * set is on, and a policy naming that would match nothing.
     */
    private static String serviceArn(IBaseService service) {
        return Stack.of(service).formatArn(ArnComponents.builder().service("ecs").resource("service")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .resourceName(service.getCluster().getClusterName() + "/" + service.getServiceName()).build());
    }

    /** The pipeline. */
    public IPipeline pipeline() {
        return pipeline;
    }
}
