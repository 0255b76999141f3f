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
 * @param s3PrefixListId     the AWS-managed prefix list of S3 in the primary region, the destination of the tasks'
 *                           and functions' S3 traffic through the gateway endpoint
 * @param appEgressCidrs     the internet destinations the web and worker tasks may reach on HTTPS (443), beyond AWS
 *                           endpoints; none by default: a compromised task cannot send data anywhere else
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
                defaultValue = "true", rule = "true or false; true in prod")
        boolean interfaceEndpoints,
        @Doc(value = "AWS-managed prefix list of S3 in the primary region (com.amazonaws.<region>.s3, as `aws ec2 "
                + "describe-prefix-lists` shows it): the only S3 destination of the tasks' and functions' security groups",
                defaultValue = "pl-23ad484a", rule = "pl- then 8 to 17 hexadecimal digits")
        String s3PrefixListId,
        @Doc(value = "Internet destinations of the web and worker tasks on HTTPS 443, beyond AWS endpoints (the application's "
                + "partners); listed in docs/security-model.md", defaultValue = "[]",
                rule = "a.b.c.d/n, n from 8 to 32, aligned, outside the VPC; never 0.0.0.0/0")
        List<String> appEgressCidrs) {

    public NetworkConfig {
        availabilityZones = List.copyOf(availabilityZones);
        publicSubnetCidrs = List.copyOf(publicSubnetCidrs);
        appSubnetCidrs = List.copyOf(appSubnetCidrs);
        dbSubnetCidrs = List.copyOf(dbSubnetCidrs);
        appEgressCidrs = appEgressCidrs == null ? List.of() : List.copyOf(appEgressCidrs);
    }
}
