package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.LinkedHashSet;
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
import software.constructs.Construct;

/**
 * The CodeBuild project that builds the image from {@code backend/Dockerfile} and pushes it
 * (CI-2): privileged only because Docker needs it, logs to an encrypted and retained log group,
 * artifacts encrypted with the delivery key, and a role that may push to the platform's
 * repositories only, write to its own log group only, and (granted by the pipeline) read and
 * write the pipeline's artifact bucket only.
 */
public final class ImageBuild extends Construct {
    private final PipelineProject project;

    public ImageBuild(Construct scope, String id, ImageBuildProps props) {
        super(scope, id);
        EncryptedLogGroup logs = new EncryptedLogGroup(this, "Logs", new EncryptedLogGroupProps(
                "/aws/codebuild/" + props.projectName(), props.logsKey(), props.retentionDays()));
        this.project = PipelineProject.Builder.create(this, "Resource")
                .projectName(props.projectName())
                .description("Builds backend/Dockerfile, pushes it tagged with the commit, writes imagedefinitions.json (CI-2)")
                .environment(BuildEnvironment.builder()
                        .buildImage(LinuxBuildImage.STANDARD_7_0)
                        .computeType(ComputeType.SMALL)
                        .privileged(true)
                        .build())
                .environmentVariables(Map.of(
                        ImageBuildSpec.WEB_REPOSITORY_URI, plain(props.webRepository().getRepositoryUri()),
                        ImageBuildSpec.WORKER_REPOSITORY_URI, plain(props.workerRepository().getRepositoryUri())))
                .buildSpec(BuildSpec.fromObjectToYaml(props.buildSpec().toMap()))
                .encryptionKey(props.key())
                .logging(LoggingOptions.builder()
                        .cloudWatch(CloudWatchLoggingOptions.builder().logGroup(logs.logGroup()).build())
                        .build())
                .timeout(Duration.minutes(30))
                .build();
        Set<IRepository> repositories = new LinkedHashSet<>();
        repositories.add(props.webRepository());
        repositories.add(props.workerRepository());
        for (IRepository repository : repositories) {
            repository.grantPullPush(project);
            // The buildspec skips a revision already pushed: tags are immutable, a second push fails.
            repository.grant(project, "ecr:DescribeImages");
        }
        Acknowledge.rule(project, "AwsSolutions-CB3", "Privileged mode runs the Docker daemon, which docker build "
                + "and docker push need (CI-2); the project runs only the buildspec defined here, on the pipeline's "
                + "source, and its role can push to the platform's repositories only.");
        Acknowledge.rules(project.getRole().getNode().findChild("DefaultPolicy"),
                "CDK's CodeBuild grants: ecr:GetAuthorizationToken has no resource-level permission in IAM (it must "
                        + "be *); report-group actions are limited to this project's own report groups "
                        + "(report-group/<project>-*); the log-stream wildcard is inside this project's log group.",
                "AwsSolutions-IAM5[Resource::*]",
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:codebuild:<AWS::Region>:<AWS::AccountId>:report-group/"
                        + props.projectName() + "-*]",
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/codebuild/"
                        + props.projectName() + ":*]");
    }

    private static BuildEnvironmentVariable plain(String value) {
        return BuildEnvironmentVariable.builder().value(value).build();
    }

    /** The project. */
    public IProject project() {
        return project;
    }
}
