package fr.medsaas.platform.constructs.network;

import fr.medsaas.config.NetworkConfig;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the VPC is built from.
 *
 * @param network          the configured network
 * @param vpcName          the VPC's Name tag ({@code medical-saas-vpc})
 * @param flowLogGroupName the log group of the flow logs
 * @param logsKey          the key of every log group
 * @param retentionDays    how long flow logs are kept (OBS-1)
 */
public record TieredVpcProps(NetworkConfig network, String vpcName, String flowLogGroupName, IKey logsKey,
                             int retentionDays) {
}
