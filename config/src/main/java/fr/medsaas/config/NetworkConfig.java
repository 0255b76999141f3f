package fr.medsaas.config;

import java.util.List;

/**
 * The VPC and its three tiers (NET-1..5). Subnet lists are given per tier, one CIDR per
 * availability zone, in the order of {@link #availabilityZones()}.
 *
 * @param vpcCidr            the VPC's IPv4 block
 * @param availabilityZones  the zones, named in full ({@code eu-west-3a})
 * @param publicSubnetCidrs  public tier: load balancer and NAT gateways
 * @param appSubnetCidrs     private tier of the Fargate services, out through NAT
 * @param dbSubnetCidrs      isolated tier of the databases: no route to the internet
 * @param natGateways        how many NAT gateways, from 1 to one per zone
 * @param interfaceEndpoints whether ECR, Secrets Manager, Logs and KMS are reached through interface endpoints
 */
public record NetworkConfig(
        @Doc(value = "IPv4 block of the VPC (NET-1)", defaultValue = "10.0.0.0/16",
                rule = "a.b.c.d/n, n from 16 to 24, aligned on its prefix")
        String vpcCidr,
        @Doc(value = "Availability zones, in full (NET-2)", defaultValue = "[eu-west-3a, eu-west-3b, eu-west-3c]",
                rule = "2 to 6 distinct zones of the primary region")
        List<String> availabilityZones,
        @Doc(value = "Public tier, one CIDR per zone (NET-2)", defaultValue = "[10.0.1.0/24, 10.0.2.0/24, 10.0.3.0/24]",
                rule = "one per zone; inside the VPC; /16 to /28; no overlap")
        List<String> publicSubnetCidrs,
        @Doc(value = "Private application tier, one CIDR per zone (NET-2)",
                defaultValue = "[10.0.10.0/24, 10.0.11.0/24, 10.0.12.0/24]",
                rule = "one per zone; inside the VPC; /16 to /28; no overlap")
        List<String> appSubnetCidrs,
        @Doc(value = "Isolated database tier, one CIDR per zone (NET-2)",
                defaultValue = "[10.0.20.0/24, 10.0.21.0/24, 10.0.22.0/24]",
                rule = "one per zone; inside the VPC; /16 to /28; no overlap")
        List<String> dbSubnetCidrs,
        @Doc(value = "NAT gateways in the public tier (NET-3)", defaultValue = "3",
                rule = "from 1 to the number of zones")
        int natGateways,
        @Doc(value = "Interface endpoints for ECR, Secrets Manager, CloudWatch Logs and KMS (NET-5)",
                defaultValue = "true", rule = "true or false")
        boolean interfaceEndpoints) {

    public NetworkConfig {
        availabilityZones = List.copyOf(availabilityZones);
        publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
        appSubnetCidrs = List.copyOf(appSubnetCidrs);
        dbSubnetCidrs = List.copyOf(dbSubnetCidrs);
    }
}
