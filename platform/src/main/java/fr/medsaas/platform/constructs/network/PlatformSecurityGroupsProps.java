package fr.medsaas.platform.constructs.network;

import software.amazon.awscdk.services.ec2.IVpc;

/**
 * What the security groups need.
 *
 * @param vpc        the VPC
 * @param namePrefix prefix of the group names ({@code medical-saas-alb-sg})
 */
public record PlatformSecurityGroupsProps(IVpc vpc, String namePrefix) {
}
