package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.config.DeliveryConfig;
import java.util.Optional;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.ecs.IBaseService;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * The pipeline from a commit to the running services.
 *
 * @param pipelineName     the pipeline's name
 * @param delivery         its source, approval and artifact expiry
 * @param build            the image build (CI-2)
 * @param web              the web service ({@code django-service})
 * @param worker           the worker service ({@code celery-service})
 * @param key              the delivery key, which encrypts the artifact bucket
 * @param logRetentionDays days the artifact bucket's access logs are kept (OBS-1)
 * @param alerts           where failures and waiting approvals are announced; empty: nowhere
 *                         (@default none)
 */
public record DeliveryPipelineProps(String pipelineName, DeliveryConfig delivery, IProject build, IBaseService web,
                                    IBaseService worker, IKey key, int logRetentionDays, Optional<ITopic> alerts) {
}
