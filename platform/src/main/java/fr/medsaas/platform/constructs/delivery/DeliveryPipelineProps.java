package fr.medsaas.platform.constructs.delivery;

import fr.medsaas.config.DeliveryConfig;
import java.util.Optional;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.ecs.IBaseService;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * The pipeline from a commit to the running services.
 *
 * @param pipelineName the pipeline's name
 * @param delivery     its source and whether a person approves
 * @param build        the image build (CI-2)
 * @param targets      the services it deploys to
 * @param artifacts    the artifact bucket
 * @param key          the delivery key, which encrypts the artifacts
 * @param alerts       where failures and waiting approvals are announced (@default none: nowhere)
 * @param principals   the fixed names of its roles, which the delivery key's policy names (HARD-7)
 */
public record DeliveryPipelineProps(String pipelineName, DeliveryConfig delivery, IProject build, Targets targets,
                                    IBucket artifacts, IKey key, Optional<ITopic> alerts,
                                    fr.medsaas.platform.constructs.iam.PlatformPrincipals principals) {

    /**
     * The ECS services the pipeline deploys to.
     *
     * @param web             the web service ({@code django-service})
     * @param worker          the worker service ({@code celery-service})
     * @param passedRoleNames the names of the roles their task definitions name (the App stack's
     *                        task and execution roles), which registering a new task definition
     *                        passes to ECS: exactly these, not a prefix that would also match the
     *                        migration task's execution role
     */
    public record Targets(IBaseService web, IBaseService worker, java.util.List<String> passedRoleNames) {
        public Targets {
            passedRoleNames = java.util.List.copyOf(passedRoleNames);
            if (passedRoleNames.isEmpty()) {
                throw new IllegalArgumentException("passedRoleNames is empty: name the services' task and execution roles");
            }
        }
    }
}
