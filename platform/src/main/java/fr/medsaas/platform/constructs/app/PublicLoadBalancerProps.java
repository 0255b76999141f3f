package fr.medsaas.platform.constructs.app;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/**
 * The internet-facing load balancer.
 *
 * @param vpc                 the VPC
 * @param subnets             the public tier
 * @param securityGroup       SG-1 (immutable: its rules are the Network stack's)
 * @param name                the load balancer's name
 * @param certificateArn      the HTTPS listener's ACM certificate
 * @param targetPort          the port of the web containers
 * @param healthCheckPath     the target group's health check path
 * @param deletionProtection  whether the load balancer is protected against deletion
 * @param logRetentionDays    days the access logs are kept
 */
public record PublicLoadBalancerProps(IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup, String name,
                                      String certificateArn, int targetPort, String healthCheckPath,
                                      boolean deletionProtection, int logRetentionDays) {
}
