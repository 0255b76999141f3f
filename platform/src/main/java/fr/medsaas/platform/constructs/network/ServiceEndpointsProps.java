package fr.medsaas.platform.constructs.network;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/**
 * Where the interface endpoints go.
 *
 * @param vpc           the VPC
 * @param subnets       the subnets of the endpoints' network interfaces (the app tier)
 * @param securityGroup the endpoints' group, open on 443 to the application groups only
 * @param ecsExec       whether ECS Exec is on, which needs the SSM messages endpoint
 * @param guardDutyAgentRegion the region whose GuardDuty Fargate agent image the ECR endpoints let through, when
 *                      runtime monitoring is on (HARD-9); empty: off
 */
public record ServiceEndpointsProps(IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup, boolean ecsExec,
                                    java.util.Optional<String> guardDutyAgentRegion) {
}
