package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.RedisConfig;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the Redis replication group is built from.
 *
 * @param config             the configured group
 * @param replicationGroupId the group's id ({@code medical-saas-redis})
 * @param subnetGroupName    the cache subnet group's name ({@code medical-saas-redis-subnet-group})
 * @param authTokenName      the AUTH token's name in Secrets Manager
 * @param vpc                the VPC
 * @param dbSubnets          the isolated database tier (RD-2)
 * @param securityGroup      the group's security group (SG-4)
 * @param atRestKey          the key of the data at rest and of the AUTH token secret (RD-3)
 * @param logsKey            the key of the log groups (OBS-1)
 * @param logRetentionDays   days the slow and engine logs are kept (OBS-1)
 */
public record RedisReplicationGroupProps(RedisConfig config, String replicationGroupId, String subnetGroupName,
                                         String authTokenName, IVpc vpc, SubnetSelection dbSubnets,
                                         ISecurityGroup securityGroup, IKey atRestKey, IKey logsKey,
                                         int logRetentionDays) {
}
