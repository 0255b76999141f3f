package fr.medsaas.platform.constructs.data;

import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the database roles are made from (HARD-6).
 *
 * @param database         the PostgreSQL instance, its master secret and rotation
 * @param databaseName     the database the application uses
 * @param secretNamePrefix prefix of the roles' secrets: {@code <prefix>/postgres-app}
 * @param functionName     the roles function's name; the rotations are named after it
 * @param vpc              the VPC
 * @param functionSubnets  the app tier, where the function and the rotations run
 * @param securityGroup    the function's group: 5432 to PostgreSQL, 443 to the endpoints and S3 only
 * @param rotationSecurityGroup the rotations' group (that of the master password's rotation)
 * @param secretKey        the secrets key, of the roles' secrets
 * @param logsKey          the key of the log groups (OBS-1)
 * @param logRetentionDays days the logs are kept (OBS-1)
 * @param principals       the fixed role name of the function, and who reads each secret (HARD-7)
 */
public record DatabaseRolesProps(PostgresDatabase database, String databaseName, String secretNamePrefix,
                                 String functionName, IVpc vpc, SubnetSelection functionSubnets,
                                 ISecurityGroup securityGroup, ISecurityGroup rotationSecurityGroup, IKey secretKey,
                                 IKey logsKey, int logRetentionDays, PlatformPrincipals principals) {
}
