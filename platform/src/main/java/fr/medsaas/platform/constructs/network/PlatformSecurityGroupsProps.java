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
 * @param guardDutyAgent     whether GuardDuty's runtime monitoring agent runs beside the tasks (HARD-9): they then
 *                           reach the {@code guardduty-data} endpoint GuardDuty creates in the VPC, on 443
 */
public record PlatformSecurityGroupsProps(IVpc vpc, String namePrefix, boolean interfaceEndpoints, String s3PrefixListId,
                                          List<String> appEgressCidrs, boolean guardDutyAgent) {
    public PlatformSecurityGroupsProps {
        appEgressCidrs = List.copyOf(appEgressCidrs);
    }
}
