package fr.medsaas.platform.constructs.network;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.constructs.Construct;

/**
 * Interface endpoints (NET-5) so that image pulls, secrets, logs and key calls stay inside the
 * VPC. Closed to the VPC's CIDR: only the application groups reach them, by group reference.
 */
public final class ServiceEndpoints extends Construct {
    private static final Map<String, InterfaceVpcEndpointAwsService> SERVICES = Map.of(
            "EcrApi", InterfaceVpcEndpointAwsService.ECR,
            "EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER,
            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
            "Kms", InterfaceVpcEndpointAwsService.KMS);

    public ServiceEndpoints(Construct scope, String id, ServiceEndpointsProps props) {
        super(scope, id);
        for (String name : List.of("EcrApi", "EcrDocker", "SecretsManager", "Logs", "Kms")) {
            InterfaceVpcEndpoint.Builder.create(this, name)
                    .vpc(props.vpc())
                    .service(SERVICES.get(name))
                    .subnets(props.subnets())
                    .securityGroups(List.of(props.securityGroup()))
                    .privateDnsEnabled(true)
                    .open(false)
                    .build();
        }
    }
}
