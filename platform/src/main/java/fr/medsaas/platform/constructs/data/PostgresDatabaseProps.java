package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.PostgresConfig;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the PostgreSQL instance is built from.
 *
 * @param config                the configured instance
 * @param instanceIdentifier    the RDS identifier ({@code medical-saas-postgres})
 * @param subnetGroupName       the DB subnet group's name ({@code medical-saas-db-subnet-group})
 * @param masterSecretName      the master secret's name in Secrets Manager
 * @param vpc                   the VPC
 * @param dbSubnets             the isolated database tier (DB-5)
 * @param functionSubnets       where the rotation function runs: a tier that reaches AWS APIs
 * @param securityGroup         the instance's group (SG-3)
 * @param rotationSecurityGroup the rotation function's group
 * @param storageKey            the RDS key: storage, snapshots, Performance Insights (DB-4)
 * @param secretKey             the key of the master secret
 * @param logsKey               the key of the log groups (OBS-1)
 * @param logRetentionDays      days the exported logs are kept (OBS-1)
 */
public record PostgresDatabaseProps(PostgresConfig config, String instanceIdentifier, String subnetGroupName,
                                    String masterSecretName, IVpc vpc, SubnetSelection dbSubnets,
                                    SubnetSelection functionSubnets, ISecurityGroup securityGroup,
                                    ISecurityGroup rotationSecurityGroup, IKey storageKey, IKey secretKey, IKey logsKey,
                                    int logRetentionDays) {
}
