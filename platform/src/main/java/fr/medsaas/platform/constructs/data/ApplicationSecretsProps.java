package fr.medsaas.platform.constructs.data;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.RotationSchedule;

/**
 * What the application's secrets are built from.
 *
 * @param secretNamePrefix    prefix of the secrets' names: {@code <prefix>/database-url}
 * @param functionName        name of the builder function
 * @param vpc                 the VPC
 * @param functionSubnets     where the builder runs: a tier that reaches AWS APIs
 * @param securityGroup       the builder's group: 443 out, no ingress
 * @param dataKey             the key of the application's secrets (SEC-1)
 * @param sourceKey           the key of the master secret and of the AUTH token, read by the builder
 * @param logsKey             the key of the builder's log group (OBS-1)
 * @param logRetentionDays    days the builder's log is kept (OBS-1)
 * @param masterSecret        PostgreSQL's master secret (username, password)
 * @param masterRotation      the master secret's rotation, which must find the rebuild in place
 * @param databaseHost        PostgreSQL's endpoint address
 * @param databasePort        PostgreSQL's port
 * @param databaseName        the database of DATABASE_URL
 * @param redisAuthToken      Redis's AUTH token
 * @param redisHost           Redis's primary endpoint address
 * @param redisPort           Redis's port
 * @param restartServices     the ECS services ({@code cluster/service}) rolled onto new tasks when
 *                            DATABASE_URL changes: tasks read it only when they start
 */
public record ApplicationSecretsProps(String secretNamePrefix, String functionName, IVpc vpc,
                                      SubnetSelection functionSubnets, ISecurityGroup securityGroup, IKey dataKey,
                                      IKey sourceKey, IKey logsKey, int logRetentionDays, ISecret masterSecret,
                                      RotationSchedule masterRotation, String databaseHost, int databasePort,
                                      String databaseName, ISecret redisAuthToken, String redisHost, int redisPort,
                                      java.util.List<String> restartServices) {
    public ApplicationSecretsProps {
        restartServices = java.util.List.copyOf(restartServices);
    }
}
