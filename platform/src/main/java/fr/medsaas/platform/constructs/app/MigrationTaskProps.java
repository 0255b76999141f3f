package fr.medsaas.platform.constructs.app;

import fr.medsaas.config.ServiceConfig;
import java.util.Map;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * What the migration task is made of (HARD-6).
 *
 * @param family            the task definition's family ({@code <prefix>-migrate})
 * @param executionRoleName the execution role's fixed name, the only runtime reader of the migration secret
 * @param size              CPU and memory (the worker's), and its image settings
 * @param repository        the image's repository (the web service's image runs the migrations)
 * @param image             the image's tag or digest
 * @param environment       plain settings (DJANGO_SETTINGS_MODULE, AWS_DEFAULT_REGION)
 * @param migrationSecret   the migration role's secret (username, password, host, port, dbname)
 * @param secretKey         the key of that secret
 * @param ownerRole         the PostgreSQL role migrations act as ({@code <db>_owner})
 * @param logGroup          the task's log group (OBS-1)
 * @param guardDutyAgentRepository GuardDuty's Fargate agent repository, pulled from when runtime monitoring
 *                          is on (HARD-9), as for the services; empty: off
 */
public record MigrationTaskProps(String family, String executionRoleName, ServiceConfig size, IRepository repository,
                                 fr.medsaas.config.ImageConfig image, Map<String, String> environment,
                                 ISecret migrationSecret, IKey secretKey, String ownerRole, ILogGroup logGroup,
                                 java.util.Optional<String> guardDutyAgentRepository) {
}
