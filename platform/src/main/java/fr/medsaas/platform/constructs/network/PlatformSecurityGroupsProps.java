package fr.medsaas.platform.constructs.network;

import java.util.List;
import software.amazon.awscdk.services.ec2.IVpc;

/**
 * What the security groups need.
 *
 * @param vpc                the VPC
 * @param namePrefix         prefix of the group names ({@code medical-saas-alb-sg})
 * @param interfaceEndpoints whether AWS APIs are reached through the interface endpoints (else through NAT)
 * @param s3PrefixListId     the AWS-managed prefix list of S3 in the region (gateway endpoint)
 * @param appEgressCidrs     internet destinations of the web and worker tasks on 443, beyond AWS
 */
public record PlatformSecurityGroupsProps(IVpc vpc, String namePrefix, boolean interfaceEndpoints, String s3PrefixListId,
                                          List<String> appEgressCidrs) {
    public PlatformSecurityGroupsProps {
        appEgressCidrs = List.copyOf(appEgressCidrs);
    }
}
