package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildEnvironmentVariable;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.CloudWatchLoggingOptions;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.LoggingOptions;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The CodeBuild project that builds the image from {@code backend/Dockerfile} and pushes it
 * (CI-2): privileged only because Docker needs it, logs to an encrypted and retained log group,
 * artifacts encrypted with the delivery key, and a role whose every right is written here: push
 * to the platform's repositories, write to its own log group, read and write the pipeline's
 * artifact bucket, use the delivery key. Nothing else.
 */
public final class ImageBuild extends Construct {
    /** The actions that push an image (and read one back, for a separate worker repository). */
    static final List<String> PUSH_ACTIONS = List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
            "ecr:PutImage", "ecr:DescribeImages");

    private final PipelineProject project;
    private final ManagedPolicyRole role;

    public ImageBuild(Construct scope, String id, ImageBuildProps props) {
        super(scope, id);
        EncryptedLogGroup logs = new EncryptedLogGroup(this, "Logs", new EncryptedLogGroupProps(
                "/aws/codebuild/" + props.projectName(), props.logsKey(), props.retentionDays()));
        Set<String> repositories = new LinkedHashSet<>();
        repositories.add(props.webRepository().getRepositoryArn());
        repositories.add(props.workerRepository().getRepositoryArn());

        this.role = new ManagedPolicyRole(this, "Role", new ServicePrincipal("codebuild.amazonaws.com"),
                "CodeBuild project " + props.projectName() + ": builds and pushes the platform's images",
                java.util.Optional.of(props.roleName()));
        role.allow(
                statement("WriteItsOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logs.logGroup().getLogGroupArn())),
                statement("LogInToEcr", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                statement("PushThePlatformImages", PUSH_ACTIONS, List.copyOf(repositories)),
                statement("ReadAndWriteArtifacts", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"),
                        List.of(props.artifacts().arnForObjects("*"))),
                statement("LocateTheArtifactBucket", List.of("s3:GetBucketAcl", "s3:GetBucketLocation"),
                        List.of(props.artifacts().getBucketArn())),
                statement("UseTheDeliveryKey", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                        List.of(props.key().getKeyArn())));
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::*]", "ecr:GetAuthorizationToken has no "
                + "resource-level permission in IAM: it must be granted on *; it only returns a login token, and what "
                + "the token may do is limited by the repository statement to the platform's repositories.");
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::" + NagNames.arnOf(props.artifacts()) + "/*]",
                "The objects of the pipeline's own artifact bucket only, whose keys CodePipeline makes for each execution.");
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::" + NagNames.arnOf(logs.logGroup()) + "]",
                "The log streams of this project's own log group only (a log group's ARN ends in :*); CodeBuild names "
                        + "a stream per build.");

        this.project = PipelineProject.Builder.create(this, "Resource")
                .projectName(props.projectName())
                .description("Builds backend/Dockerfile, pushes it tagged with the commit, writes imagedefinitions.json (CI-2)")
                .role(role.immutable())
                .environment(BuildEnvironment.builder()
                        .buildImage(LinuxBuildImage.STANDARD_7_0)
                        .computeType(ComputeType.SMALL)
                        .privileged(true)
                        .build())
                // Sorted: Map.of's order changes from one JVM to the next, and with it the project's variable list.
                .environmentVariables(new java.util.TreeMap<>(Map.of(
                        ImageBuildSpec.WEB_REPOSITORY_URI, plain(props.webRepository().getRepositoryUri()),
                        ImageBuildSpec.WORKER_REPOSITORY_URI, plain(props.workerRepository().getRepositoryUri()))))
                .buildSpec(BuildSpec.fromObjectToYaml(props.buildSpec().toMap()))
                .encryptionKey(props.key())
                .logging(LoggingOptions.builder()
                        .cloudWatch(CloudWatchLoggingOptions.builder().logGroup(logs.logGroup()).build())
                        .build())
                .timeout(Duration.minutes(30))
                .build();
        project.getNode().addDependency(role.policy());
        Acknowledge.rule(project, "AwsSolutions-CB3", "Privileged mode runs the Docker daemon, which docker build "
                + "and docker push need (CI-2); the project runs only the buildspec defined here, on the pipeline's "
                + "source, and its role can push to the platform's repositories only.");
        Acknowledge.rule(project, "HIPAA.Security-CodeBuildProjectSourceRepoUrl", "The project has no source repository "
                + "of its own (source type CODEPIPELINE): the pipeline hands it the source through a CodeConnections "
                + "connection or an S3 object, never a repository URL with credentials.");
    }

    static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    private static BuildEnvironmentVariable plain(String value) {
        return BuildEnvironmentVariable.builder().value(value).build();
    }

    /** The project. */
    public IProject project() {
        return project;
    }

    /** The project's role, with its one managed policy. */
    public ManagedPolicyRole role() {
        return role;
    }
}
