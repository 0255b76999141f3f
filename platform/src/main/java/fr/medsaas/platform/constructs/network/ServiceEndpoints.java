package fr.medsaas.platform.constructs.network;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.constructs.Construct;

/**
 * Interface endpoints (NET-5) so that image pulls, secrets, logs, key calls, the application's
 * metrics, the secrets builder's ECS calls (and ECS Exec's channel when it is on) stay inside the
 * VPC: with them, the tasks and functions need no route to the internet at all. Closed to the
 * VPC's CIDR: only the application groups reach them, by group reference; each endpoint's policy
 * admits only this account's principals on this account's resources.
 */
public final class ServiceEndpoints extends Construct {
    private static final Map<String, InterfaceVpcEndpointAwsService> SERVICES = Map.of(
            "EcrApi", InterfaceVpcEndpointAwsService.ECR,
            "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "Kms", InterfaceVpcEndpointAwsService.KMS,
            "Monitoring", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
            "Ecs", InterfaceVpcEndpointAwsService.ECS,
            "SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES);

    public ServiceEndpoints(Construct scope, String id, ServiceEndpointsProps props) {
        super(scope, id);
        List<String> names = new java.util.ArrayList<>(List.of("EcrApi", "EcrDocker", "SecretsManager", "Logs", "Kms",
                "Monitoring", "Ecs"));
        if (props.ecsExec()) {
            names.add("SsmMessages");
        }
        for (String name : names) {
            InterfaceVpcEndpoint endpoint = InterfaceVpcEndpoint.Builder.create(this, name)
                    .vpc(props.vpc())
                    .service(SERVICES.get(name))
                    .subnets(props.subnets())
                    .securityGroups(List.of(props.securityGroup()))
                    .privateDnsEnabled(true)
                    .open(false)
                    .build();
            endpoint.addToPolicy(EndpointPolicies.thisAccountOnly());
            if (name.startsWith("Ecr")) {
                props.guardDutyAgentRegion().ifPresent(r -> endpoint.addToPolicy(EndpointPolicies.guardDutyAgentImage(r)));
            }
        }
    }
}
