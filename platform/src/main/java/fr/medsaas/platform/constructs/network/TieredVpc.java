package fr.medsaas.platform.constructs.network;

import fr.medsaas.config.NetworkConfig;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC of NET-1..5: three tiers over the configured zones with the configured CIDRs,
 * NAT gateways in the public tier, a database tier with no route out, flow logs of all traffic
 * to an encrypted log group, an S3 gateway endpoint, and a default security group that allows
 * nothing (NET-6).
 */
public final class TieredVpc extends Construct {
    /** Subnet group of the public tier: load balancer and NAT gateways. */
    public static final String PUBLIC = "public";
    /** Subnet group of the Fargate services: private, out through NAT. */
    public static final String APP = "private-app";
    /** Subnet group of the databases: isolated. */
    public static final String DB = "private-db";

    private final Vpc vpc;

    public TieredVpc(Construct scope, String id, TieredVpcProps props) {
        super(scope, id);
        NetworkConfig n = props.network();
        EncryptedLogGroup flowLogs = new EncryptedLogGroup(this, "FlowLogs",
                new EncryptedLogGroupProps(props.flowLogGroupName(), props.logsKey(), props.retentionDays()));
        this.vpc = Vpc.Builder.create(this, "Resource")
                .vpcName(props.vpcName())
                .ipAddresses(new ConfiguredIpAddresses(n.vpcCidr(), Map.of(
                        PUBLIC, n.publicSubnetCidrs(), APP, n.appSubnetCidrs(), DB, n.dbSubnetCidrs())))
                .availabilityZones(n.availabilityZones())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .natGateways(n.natGateways())
                .restrictDefaultSecurityGroup(true)
                .subnetConfiguration(List.of(
                        // Nothing in the public tier needs an automatic public IP: the NAT
                        // gateways have Elastic IPs and the load balancer is managed.
                        SubnetConfiguration.builder().name(PUBLIC).subnetType(SubnetType.PUBLIC)
                                .cidrMask(prefixOf(n.publicSubnetCidrs())).mapPublicIpOnLaunch(false).build(),
                        SubnetConfiguration.builder().name(APP).subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(prefixOf(n.appSubnetCidrs())).build(),
                        SubnetConfiguration.builder().name(DB).subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(prefixOf(n.dbSubnetCidrs())).build()))
                .flowLogs(Map.of("AllTraffic", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flowLogs.logGroup(),
                                flowLogRole(flowLogs.logGroup()).withoutPolicyUpdates()))
                        .trafficType(FlowLogTrafficType.ALL)
                        .build()))
                .gatewayEndpoints(Map.of("S3", GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3).build()))
                .build();
        GatewayVpcEndpoint s3 = (GatewayVpcEndpoint) vpc.getNode().findChild("S3");
        s3.addToPolicy(EndpointPolicies.thisAccountOnly());
        EndpointPolicies.s3Exceptions(software.amazon.awscdk.Stack.of(this).getRegion()).forEach(s3::addToPolicy);
        logDefaultGroupProviderToOwnGroup(props);
        nameSubnets(vpc.getPublicSubnets(), PUBLIC, n.availabilityZones());
        nameSubnets(vpc.getPrivateSubnets(), APP, n.availabilityZones());
        nameSubnets(vpc.getIsolatedSubnets(), DB, n.availabilityZones());
        acknowledgePublicRoutes();
    }

    /**
     * The flow logs' role, its rights in a customer-managed policy (no inline policy, HIPAA and
     * NIST IAMNoInlinePolicy) and its trust limited to this account's flow logs.
     */
    private Role flowLogRole(ILogGroup logGroup) {
        Role role = Role.Builder.create(this, "FlowLogRole")
                .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("VPC flow logs delivery to their encrypted log group")
                .build();
        ManagedPolicy.Builder.create(this, "FlowLogPolicy")
                .roles(List.of(role))
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"))
                        .resources(List.of(logGroup.getLogGroupArn()))
                        .build()))
                .build();
        return role;
    }

    private static int prefixOf(List<String> cidrs) {
        return Integer.parseInt(cidrs.get(0).substring(cidrs.get(0).indexOf('/') + 1));
    }

    private static void nameSubnets(List<ISubnet> subnets, String tier, List<String> zones) {
        for (int i = 0; i < subnets.size(); i++) {
            Tags.of(subnets.get(i)).add("Name", SubnetNames.of(tier, i, zones.get(i)));
        }
    }

    private void acknowledgePublicRoutes() {
        for (ISubnet subnet : vpc.getPublicSubnets()) {
            Acknowledge.rules(subnet.getNode().findChild("DefaultRoute"),
                    "Public tier by design (NET-2): only the internet-facing load balancer and the NAT gateways live here, "
                            + "and SG-1/SG-5 allow no other ingress from the internet.",
                    "HIPAA.Security-VPCNoUnrestrictedRouteToIGW", "NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW");
        }
        Acknowledge.rule(vpc, "CloudFormation-Validate::W3010",
                "Zones are named in the configuration (NET-2) so that each subnet keeps its CIDR and name in a known zone, "
                        + "and so that synthesis needs no AWS account or context lookup.");
    }

    /** The VPC. */
    public IVpc vpc() {
        return vpc;
    }

    /** The private application tier. */
    public SubnetSelection appSubnets() {
        return SubnetSelection.builder().subnetGroupName(APP).build();
    }

    /** The isolated database tier. */
    public SubnetSelection dbSubnets() {
        return SubnetSelection.builder().subnetGroupName(DB).build();
    }

    /** The public tier. */
    public SubnetSelection publicSubnets() {
        return SubnetSelection.builder().subnetGroupName(PUBLIC).build();
    }

    /**
     * HARD-3, OBS-1: CDK's provider function that strips the default security group (NET-6) would
     * log to a group Lambda creates itself, unencrypted and kept forever. Its logs go instead to a
     * group of ours, made beforehand, encrypted with the logs key and kept the configured time
     * (Lambda's LoggingConfig). The provider is a singleton CDK builds per stack; only its
     * properties can be set.
     */
    private void logDefaultGroupProviderToOwnGroup(TieredVpcProps props) {
        software.constructs.IConstruct provider = software.amazon.awscdk.Stack.of(this).getNode()
                .tryFindChild("Custom::VpcRestrictDefaultSGCustomResourceProvider");
        if (provider == null
                || !(provider.getNode().tryFindChild("Handler") instanceof software.amazon.awscdk.CfnResource handler)) {
            return;
        }
        EncryptedLogGroup logs = new EncryptedLogGroup(this, "DefaultGroupProviderLogs", new EncryptedLogGroupProps(
                "/aws/lambda/" + props.vpcName() + "-restrict-default-sg", props.logsKey(), props.retentionDays()));
        handler.addPropertyOverride("LoggingConfig", new java.util.TreeMap<>(Map.of("LogGroup", logs.logGroup().getLogGroupName(),
                "LogFormat", "Text")));
        handler.getNode().addDependency(logs);
    }
}
