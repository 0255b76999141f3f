package fr.medsaas.platform.constructs.delivery;

import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * The image build.
 *
 * @param projectName      the CodeBuild project's name; its log group is {@code /aws/codebuild/<name>}
 * @param buildSpec        what it runs
 * @param webRepository    where the web image is pushed
 * @param workerRepository where the worker image is pushed (the web's when they are the same)
 * @param artifacts        the pipeline's artifact bucket, the only bucket it reads and writes
 * @param key              the delivery key, which encrypts its artifacts
 * @param logsKey          the logs key (OBS-1)
 * @param retentionDays    days its logs are kept (OBS-1)
 * @param roleName         its role's fixed name, which the delivery key's policy names (HARD-7)
 */
public record ImageBuildProps(String projectName, ImageBuildSpec buildSpec, IRepository webRepository,
                              IRepository workerRepository, IBucket artifacts, IKey key, IKey logsKey, int retentionDays,
                              String roleName) {
}
