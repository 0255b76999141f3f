package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.network.PlatformSecurityGroups;
import fr.medsaas.platform.constructs.network.PlatformSecurityGroupsProps;
import fr.medsaas.platform.constructs.network.ServiceEndpoints;
import fr.medsaas.platform.constructs.network.ServiceEndpointsProps;
import fr.medsaas.platform.constructs.network.TieredVpc;
import fr.medsaas.platform.constructs.network.TieredVpcProps;
import software.constructs.Construct;

/** The VPC, its tiers, endpoints and flow logs, and the security groups (NET-1..6, SG-1..5). */
public final class NetworkStack extends PlatformStack {
    private final TieredVpc vpc;
    private final PlatformSecurityGroups securityGroups;

    public NetworkStack(Construct scope, EnvironmentConfig config, NetworkStackInputs in) {
        super(scope, config, "Network", config.regions().primary(),
                "medsaas " + config.name() + ": VPC, tiers, NAT, endpoints, flow logs, security groups (NET, SG)");
        this.vpc = new TieredVpc(this, "Vpc", new TieredVpcProps(config.network(),
                config.physicalName("vpc"), "/aws/vpc/" + config.physicalName("flow-logs"),
                in.keys().logs(), config.logging().retentionDays()));
        this.securityGroups = new PlatformSecurityGroups(this, "SecurityGroups",
                new PlatformSecurityGroupsProps(vpc.vpc(), config.namePrefix(), config.network().interfaceEndpoints(),
                        config.network().s3PrefixListId(), config.network().appEgressCidrs(),
                        config.compliance().guardDutyProtection().runtimeMonitoring()));
        if (config.network().interfaceEndpoints()) {
            new ServiceEndpoints(this, "Endpoints",
                    new ServiceEndpointsProps(vpc.vpc(), vpc.appSubnets(), securityGroups.endpoints(), config.app().ecsExec(),
                            config.compliance().guardDutyProtection().runtimeMonitoring()
                                    ? java.util.Optional.of(config.regions().primary()) : java.util.Optional.empty()));
        }
    }

    /** The VPC and its tiers. */
    public TieredVpc vpc() {
        return vpc;
    }

    /** The security groups. */
    public PlatformSecurityGroups securityGroups() {
        return securityGroups;
    }
}
