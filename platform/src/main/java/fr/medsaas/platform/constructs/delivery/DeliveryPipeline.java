package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.config.DeliveryConfig;
import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
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
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The pipeline (CI-3): source from configuration (a Git repository through CodeConnections, or
 * a zip in S3), the image build, a manual approval when configured, then ECS deploy actions to
 * the web and worker services (rolling updates, under the services' circuit breaker). Its
 * artifact bucket is encrypted with the delivery key, TLS only, versioned, and expires artifacts;
 * failures and waiting approvals are announced on the alerts topic when one is given.
 */
public final class DeliveryPipeline extends Construct {
    private final Bucket artifacts;
    private final Pipeline pipeline;

    public DeliveryPipeline(Construct scope, String id, DeliveryPipelineProps props) {
        super(scope, id);
        DeliveryConfig delivery = props.delivery();
        LogBucket accessLogs = new LogBucket(this, "ArtifactsAccessLogs",
                new LogBucketProps(null, props.logRetentionDays(), null));
        this.artifacts = Bucket.Builder.create(this, "Artifacts")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(props.key())
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .serverAccessLogsBucket(accessLogs.bucket())
                .serverAccessLogsPrefix("artifacts/")
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("ExpireArtifacts")
                                .expiration(Duration.days(delivery.artifactExpiryDays()))
                                .noncurrentVersionExpiration(Duration.days(1))
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build(),
                        LifecycleRule.builder().id("RemoveExpiredDeleteMarkers").expiredObjectDeleteMarker(true).build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Acknowledge.rules(artifacts, "Pipeline artifacts (source zips, image definitions) are transient build outputs, "
                        + "expired after " + delivery.artifactExpiryDays() + " days and made again by re-running the "
                        + "pipeline; they hold no health data, so a copy in a second region would protect nothing.",
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");

        Artifact source = new Artifact("Source");
        Artifact images = new Artifact("Images");
        IAction sourceAction;
        String revision;
        if (delivery.connectionArn().isPresent()) {
            String[] ownerAndName = delivery.repository().split("/", 2);
            CodeStarConnectionsSourceAction git = CodeStarConnectionsSourceAction.Builder.create()
                    .actionName("Source")
                    .connectionArn(delivery.connectionArn().get())
                    .owner(ownerAndName[0])
                    .repo(ownerAndName[1])
                    .branch(delivery.branch())
                    .output(source)
                    .triggerOnPush(true)
                    .variablesNamespace("Source")
                    .build();
            sourceAction = git;
            revision = git.getVariables().getCommitId();
        } else {
            DeliveryConfig.S3Location at = delivery.s3Source().orElseThrow();
            IBucket bucket = Bucket.fromBucketName(this, "SourceBucket", at.bucket());
            S3SourceAction s3 = S3SourceAction.Builder.create()
                    .actionName("Source")
                    .bucket(bucket)
                    .bucketKey(at.key())
                    // EVENTS would need a CloudTrail trail of the bucket's data events; polling needs nothing.
                    .trigger(S3Trigger.POLL)
                    .output(source)
                    .variablesNamespace("Source")
                    .build();
            sourceAction = s3;
            revision = s3.getVariables().getVersionId();
        }
        List<StageProps> stages = new ArrayList<>();
        stages.add(StageProps.builder().stageName("Source").actions(List.of(sourceAction)).build());
        stages.add(StageProps.builder().stageName("Build").actions(List.of(CodeBuildAction.Builder.create()
                .actionName("BuildImage")
                .project(props.build())
                .input(source)
                .outputs(List.of(images))
                .environmentVariables(Map.of(ImageBuildSpec.SOURCE_REVISION,
                        BuildEnvironmentVariable.builder().value(revision).build()))
                .build())).build());
        if (delivery.manualApproval()) {
            stages.add(StageProps.builder().stageName("Approve").actions(List.of(ManualApprovalAction.Builder.create()
                    .actionName("ApproveRelease")
                    .additionalInformation("Release " + revision + " to " + props.pipelineName()
                            + ": approve once its image scan shows no finding you do not accept.")
                    .build())).build());
        }
        stages.add(StageProps.builder().stageName("Deploy").actions(List.of(
                EcsDeployAction.Builder.create().actionName("DeployWeb").service(props.web())
                        .imageFile(images.atPath(ImageBuildSpec.WEB_IMAGES)).build(),
                EcsDeployAction.Builder.create().actionName("DeployWorker").service(props.worker())
                        .imageFile(images.atPath(ImageBuildSpec.WORKER_IMAGES)).build())).build());

        this.pipeline = Pipeline.Builder.create(this, "Resource")
                .pipelineName(props.pipelineName())
                .pipelineType(PipelineType.V2)
                .artifactBucket(artifacts)
                .restartExecutionOnUpdate(false)
                .stages(stages)
                .build();
        props.alerts().ifPresent(topic -> pipeline.notifyOn("Alerts", topic, PipelineNotifyOnOptions.builder()
                .notificationRuleName(props.pipelineName() + "-alerts")
                .events(List.of(PipelineNotificationEvents.PIPELINE_EXECUTION_FAILED,
                        PipelineNotificationEvents.ACTION_EXECUTION_FAILED,
                        PipelineNotificationEvents.MANUAL_APPROVAL_NEEDED))
                .build()));
    }

    /** The artifact bucket. */
    public IBucket artifacts() {
        return artifacts;
    }

    /** The pipeline. */
    public IPipeline pipeline() {
        return pipeline;
    }
}
