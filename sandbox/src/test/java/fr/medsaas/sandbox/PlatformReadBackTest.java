package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.network.SubnetNames;
import fr.medsaas.sandbox.EmulatorTemplate.LeftOut;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * SBX-1: an environment deployed to the emulator, every stack complete, then read back through
 * the AWS SDK as an operator would: the VPC and its tiers (NET), the security-group chain (SG),
 * the keys (KMS), the log groups (OBS-1) and the flow log (NET-4). One subclass per environment;
 * the emulator is reset before each class. A later stack adds its read-back here.
 */
@org.junit.jupiter.api.Tag("integration")
@ExtendWith(Emulator.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformReadBackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvironmentConfig config;
    private CloudAssembly assembly;
    private SandboxDeployment deployment;
    private AwsClients aws;

    /** The environment this class deploys. */
    abstract String environment();

    @BeforeAll
    void deploy(MotoServer moto) {
        config = Assemblies.config(environment());
        assembly = Assemblies.of(environment());
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint())) {
            deployment = deployer.deploy(assembly);
        }
        aws = new AwsClients(moto.endpoint(), config.regions().primary());
    }

    @AfterAll
    void closeClients() {
        if (aws != null) {
            aws.close();
        }
    }

    // ---- the deployment itself

    @Test
    void sbx1_everyStackReachesCreateComplete() {
        assertThat(deployment.notTried()).isEmpty();
        assertThat(deployment.stacks()).extracting(StackDeployment::stackName)
                .containsExactlyElementsOf(assembly.stacks().stream().map(StackTemplate::stackName).toList());
        for (StackDeployment s : deployment.stacks()) {
            assertThat(s.status()).as(s.stackName() + ": " + s.failureReason()).isEqualTo("CREATE_COMPLETE");
            assertThat(s.region()).isEqualTo(assembly.stacks().stream().filter(a -> a.stackName().equals(s.stackName()))
                    .findFirst().orElseThrow().region());
        }
    }

    @Test
    void sbx1_everyResourceIsCreatedOrListedAsLeftOut() {
        for (StackTemplate t : assembly.stacks()) {
            StackDeployment s = deployment.stack(t.stackName());
            assertThat(s.resourcesCreated()).as(t.stackName()).isEqualTo(t.resourceCount() - s.leftOut().size());
        }
    }

    @Test
    void sbx1_keysAreAllEmulatedAndTheNetworkLeavesOutOnlyItsCustomResourceLambdaAndEgressRules() {
        assertThat(deployment.stack("Keys").leftOut()).isEmpty();
        assertThat(deployment.stack("Network").leftOut()).extracting(LeftOut::type).containsOnly(
                "Custom::VpcRestrictDefaultSG", "AWS::Lambda::Function", "AWS::EC2::SecurityGroupEgress");
        // The custom resource named the Lambda and the VPC only; no kept resource named a left-out one.
        assertThat(deployment.stack("Network").placeholders()).isEmpty();
    }

    // ---- NET: the VPC and its tiers

    private Vpc vpc() {
        List<Vpc> vpcs = aws.ec2.describeVpcs(b -> b.filters(tag("Name", config.physicalName("vpc")))).vpcs();
        assertThat(vpcs).hasSize(1);
        return vpcs.get(0);
    }

    private static Filter tag(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    private Filter inVpc() {
        return Filter.builder().name("vpc-id").values(vpc().vpcId()).build();
    }

    private static String name(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return tags.stream().filter(t -> t.key().equals("Name")).map(software.amazon.awssdk.services.ec2.model.Tag::value)
                .findFirst().orElse("");
    }

    @Test
    void net1_vpcHasTheConfiguredCidrAndName() {
        // vpc() finds it by its Name tag.
        assertThat(vpc().cidrBlock()).isEqualTo(config.network().vpcCidr());
    }

    @Test
    void net1_dnsSupportAndHostnamesAreOnInTheTemplateSentToTheEmulator() {
        // moto:VPC_DNS_ATTRIBUTES: moto ignores both attributes of a CloudFormation VPC and answers its
        // defaults (support on, hostnames off), so DescribeVpcAttribute proves nothing either way;
        // the template handed to the emulator is checked instead.
        StackDeployment network = deployment.stack("Network");
        JsonNode vpc = resourcesOfType(network.template().template(), "AWS::EC2::VPC").get(0);
        assertThat(vpc.path("Properties").path("EnableDnsHostnames").asBoolean()).isTrue();
        assertThat(vpc.path("Properties").path("EnableDnsSupport").asBoolean()).isTrue();
    }

    @Test
    void net2_subnetsOfEachTierAreInTheirZoneWithTheirCidrAndName() {
        Map<String, String> seen = new TreeMap<>();
        for (Subnet s : aws.ec2.describeSubnets(b -> b.filters(inVpc())).subnets()) {
            seen.put(name(s.tags()), s.cidrBlock() + " " + s.availabilityZone() + (s.mapPublicIpOnLaunch() ? " public-ip" : ""));
        }
        Map<String, String> expected = new TreeMap<>();
        List<String> zones = config.network().availabilityZones();
        for (int i = 0; i < zones.size(); i++) {
            expected.put(SubnetNames.of("public", i, zones.get(i)), config.network().publicSubnetCidrs().get(i) + " " + zones.get(i));
            expected.put(SubnetNames.of("private-app", i, zones.get(i)), config.network().appSubnetCidrs().get(i) + " " + zones.get(i));
            expected.put(SubnetNames.of("private-db", i, zones.get(i)), config.network().dbSubnetCidrs().get(i) + " " + zones.get(i));
        }
        assertThat(seen).isEqualTo(expected);
    }

    /** Routes of the route table of each subnet of a tier, by subnet name. */
    private Map<String, List<Route>> routesOfTier(String tier) {
        // moto:ROUTE_TABLE_ASSOCIATIONS: DescribeRouteTables shows no association for subnets
        // associated through CloudFormation, so a subnet's table is found through the template's
        // association and the stack's physical ids; its routes are then read from the emulator.
        StackDeployment network = deployment.stack("Network");
        Map<String, String> physical = physicalIds(network.stackName());
        Map<String, String> logical = new HashMap<>();
        physical.forEach((l, p) -> logical.put(p, l));
        JsonNode template = network.template().template();
        Map<String, List<Route>> out = new TreeMap<>();
        for (Subnet s : aws.ec2.describeSubnets(b -> b.filters(inVpc())).subnets()) {
            String subnetName = name(s.tags());
            if (!subnetName.startsWith(tier + "-subnet-")) {
                continue;
            }
            String subnetLogical = logical.get(s.subnetId());
            String tableLogical = null;
            for (JsonNode a : resourcesOfType(template, "AWS::EC2::SubnetRouteTableAssociation")) {
                if (subnetLogical.equals(a.path("Properties").path("SubnetId").path("Ref").asText())) {
                    tableLogical = a.path("Properties").path("RouteTableId").path("Ref").asText();
                }
            }
            assertThat(tableLogical).as("route table of " + subnetName).isNotNull();
            String tableId = physical.get(tableLogical);
            out.put(subnetName, aws.ec2.describeRouteTables(b -> b.routeTableIds(tableId)).routeTables().get(0).routes());
        }
        assertThat(out).hasSize(config.network().availabilityZones().size());
        return out;
    }

    @Test
    void net2_dbTierHasNoRouteToAnInternetOrNatGateway() {
        routesOfTier("private-db").forEach((subnet, routes) -> {
            assertThat(routes).as(subnet).isNotEmpty();
            assertThat(routes).as(subnet).noneMatch(r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-"));
            assertThat(routes).as(subnet).noneMatch(r -> r.natGatewayId() != null);
            assertThat(routes).as(subnet).noneMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()));
        });
    }

    @Test
    void net2_publicTierRoutesToTheInternetGatewayAndAppTierThroughNat() {
        // The contrast that proves the db-tier check reads real routes.
        routesOfTier("public").forEach((subnet, routes) -> assertThat(routes).as(subnet)
                .anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) && r.gatewayId() != null && r.gatewayId().startsWith("igw-")));
        routesOfTier("private-app").forEach((subnet, routes) -> assertThat(routes).as(subnet)
                .anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) && r.natGatewayId() != null));
    }

    @Test
    void net3_natGatewaysAreInThePublicTier() {
        Set<String> publicSubnets = aws.ec2.describeSubnets(b -> b.filters(inVpc())).subnets().stream()
                .filter(s -> name(s.tags()).startsWith("public-subnet-")).map(Subnet::subnetId).collect(Collectors.toSet());
        var nats = aws.ec2.describeNatGateways(b -> b.filter(inVpc())).natGateways();
        assertThat(nats).hasSize(config.network().natGateways());
        assertThat(nats).allSatisfy(n -> assertThat(publicSubnets).contains(n.subnetId()));
    }

    @Test
    void net4_flowLogOfAllTrafficGoesToItsEncryptedLogGroupThroughItsOwnRole() throws IOException {
        List<FlowLog> flowLogs = aws.ec2.describeFlowLogs(b -> b.filter(Filter.builder().name("resource-id").values(vpc().vpcId()).build()))
                .flowLogs();
        assertThat(flowLogs).hasSize(1);
        FlowLog f = flowLogs.get(0);
        assertThat(f.trafficTypeAsString()).isEqualTo("ALL");
        assertThat(f.logDestinationTypeAsString()).isEqualTo("cloud-watch-logs");
        assertThat(f.logGroupName()).isEqualTo(flowLogGroupName());

        String roleName = f.deliverLogsPermissionArn().substring(f.deliverLogsPermissionArn().lastIndexOf('/') + 1);
        var role = aws.iam.getRole(b -> b.roleName(roleName)).role();
        JsonNode trust = JSON.readTree(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
        assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("vpc-flow-logs.amazonaws.com");
        assertThat(trust.path("Statement").get(0).path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isNotBlank();
        assertThat(aws.iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies())
                .as("its rights come from a managed policy, not an inline one").hasSize(1);
        assertThat(aws.iam.listRolePolicies(b -> b.roleName(roleName)).policyNames()).isEmpty();
    }

    @Test
    void net5_interfaceEndpointsFollowTheConfigurationAndS3HasAGatewayEndpoint() {
        List<VpcEndpoint> endpoints = aws.ec2.describeVpcEndpoints(b -> b.filters(inVpc())).vpcEndpoints();
        String region = config.regions().primary();
        assertThat(endpoints).anyMatch(e -> e.serviceName().equals("com.amazonaws." + region + ".s3")
                && e.vpcEndpointTypeAsString().equals("Gateway"));
        Set<String> interfaces = endpoints.stream().filter(e -> e.vpcEndpointTypeAsString().equals("Interface"))
                .map(e -> e.serviceName().substring(("com.amazonaws." + region + ".").length())).collect(Collectors.toCollection(TreeSet::new));
        if (config.network().interfaceEndpoints()) {
            assertThat(interfaces).containsExactly("ecr.api", "ecr.dkr", "kms", "logs", "secretsmanager");
        } else {
            assertThat(interfaces).isEmpty();
        }
    }

    // ---- SG: the security-group chain

    private Map<String, SecurityGroup> groups() {
        Map<String, SecurityGroup> byName = new TreeMap<>();
        aws.ec2.describeSecurityGroups(b -> b.filters(inVpc())).securityGroups().forEach(g -> byName.put(g.groupName(), g));
        return byName;
    }

    private SecurityGroup group(String suffix) {
        SecurityGroup g = groups().get(config.namePrefix() + "-" + suffix);
        assertThat(g).as(config.namePrefix() + "-" + suffix).isNotNull();
        return g;
    }

    /** Each ingress rule as {@code tcp/443 from 0.0.0.0/0} or {@code tcp/8000 from <group name>}. */
    private List<String> ingress(SecurityGroup g) {
        Map<String, String> names = new HashMap<>();
        groups().values().forEach(x -> names.put(x.groupId(), x.groupName()));
        List<String> rules = new ArrayList<>();
        for (IpPermission p : g.ipPermissions()) {
            String port = p.ipProtocol() + "/" + p.fromPort() + (p.fromPort().equals(p.toPort()) ? "" : "-" + p.toPort());
            p.ipRanges().forEach(r -> rules.add(port + " from " + r.cidrIp()));
            p.ipv6Ranges().forEach(r -> rules.add(port + " from " + r.cidrIpv6()));
            p.userIdGroupPairs().forEach(r -> rules.add(port + " from " + names.getOrDefault(r.groupId(), r.groupId())));
        }
        return rules;
    }

    @Test
    void sg1_albTakes443And80FromAnywhereAndNothingElse() {
        assertThat(ingress(group("alb-sg"))).containsExactlyInAnyOrder("tcp/443 from 0.0.0.0/0", "tcp/80 from 0.0.0.0/0");
    }

    @Test
    void sg2_appTakes8000FromTheAlbGroupOnlyAndTheWorkerNothing() {
        assertThat(ingress(group("app-sg"))).containsExactly("tcp/8000 from " + config.namePrefix() + "-alb-sg");
        assertThat(ingress(group("worker-sg"))).isEmpty();
    }

    @Test
    void sg3_sg4_storesTakeTheirPortFromTheAppAndWorkerGroupsOnly() {
        String p = config.namePrefix();
        // and the master password's rotation function, which logs in to change it (DB-3, docs/data-tier.md)
        assertThat(ingress(group("rds-sg"))).containsExactlyInAnyOrder("tcp/5432 from " + p + "-app-sg",
                "tcp/5432 from " + p + "-worker-sg", "tcp/5432 from " + p + "-db-rotation-sg");
        assertThat(ingress(group("redis-sg"))).containsExactlyInAnyOrder("tcp/6379 from " + p + "-app-sg", "tcp/6379 from " + p + "-worker-sg");
    }

    @Test
    void sg5_onlyTheAlbIsOpenToTheInternet() {
        groups().values().stream().filter(g -> !g.groupName().equals(config.namePrefix() + "-alb-sg"))
                .forEach(g -> assertThat(ingress(g)).as(g.groupName()).noneMatch(r -> r.endsWith(" from 0.0.0.0/0") || r.endsWith(" from ::/0")));
    }

    // ---- KMS and OBS-1

    private Map<String, String> aliasTargets() {
        Map<String, String> out = new TreeMap<>();
        for (AliasListEntry a : aws.kms.listAliasesPaginator(b -> b.build()).aliases()) {
            if (a.targetKeyId() != null) {
                out.put(a.aliasName(), a.targetKeyId());
            }
        }
        return out;
    }

    @Test
    void kms1_everyKeyHasItsAliasRotationAndDescription() {
        Map<String, String> aliases = aliasTargets();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            String alias = purpose.alias(config.namePrefix());
            assertThat(aliases).as(alias).containsKey(alias);
            String keyId = aliases.get(alias);
            assertThat(aws.kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled()).as(alias).isTrue();
            // Works thanks to moto:KMS_KEY_POLICY (without the rewrite, DescribeKey answers HTTP 500).
            KeyMetadata key = aws.kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
            assertThat(key.enabled()).as(alias).isTrue();
            assertThat(key.keyManagerAsString()).as(alias).isEqualTo("CUSTOMER");
            assertThat(key.description()).as(alias).isEqualTo(purpose.description());
        }
    }

    @Test
    void kms2_servicesUseAKeyOnlyThroughViaServiceOnTheAccountsBehalf() throws IOException {
        Map<String, String> aliases = aliasTargets();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            String keyId = aliases.get(purpose.alias(config.namePrefix()));
            JsonNode policy = JSON.readTree(aws.kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy());
            List<String> viaServices = new ArrayList<>();
            for (JsonNode st : policy.path("Statement")) {
                if ("*".equals(st.path("Principal").path("AWS").asText())) {
                    JsonNode condition = st.path("Condition").path("StringEquals");
                    assertThat(condition.path("kms:CallerAccount").asText()).as(purpose + " " + st).isNotBlank();
                    viaServices.add(condition.path("kms:ViaService").asText());
                }
            }
            assertThat(viaServices).as(purpose.toString()).containsExactlyInAnyOrderElementsOf(purpose.viaServices().stream()
                    .map(s -> s + "." + config.regions().primary() + ".amazonaws.com").toList());
        }
    }

    @Test
    void cmp4_db9_keysCarryTheComplianceTagsAndHealthDataKeysTheDataType() {
        Map<String, String> aliases = aliasTargets();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            String keyId = aliases.get(purpose.alias(config.namePrefix()));
            // Readable thanks to moto:KMS_KEY_TAGS (without the rewrite, the key is not even created).
            Map<String, String> tags = aws.kms.listResourceTags(b -> b.keyId(keyId)).tags().stream()
                    .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
            assertThat(tags).as(purpose.toString()).containsEntry("Project", config.project())
                    .containsEntry("Environment", config.environmentTag()).containsEntry("Compliance", "RGPD")
                    .containsEntry("ManagedBy", "cdk");
            if (purpose.healthData()) {
                assertThat(tags).as(purpose.toString()).containsEntry("DataType", "medical-sensitive");
            } else {
                assertThat(tags).as(purpose.toString()).doesNotContainKey("DataType");
            }
        }
    }

    @Test
    void cmp4_vpcCarriesTheComplianceTags() {
        Map<String, String> tags = vpc().tags().stream()
                .collect(Collectors.toMap(software.amazon.awssdk.services.ec2.model.Tag::key, software.amazon.awssdk.services.ec2.model.Tag::value));
        assertThat(tags).containsEntry("Project", config.project()).containsEntry("Environment", config.environmentTag())
                .containsEntry("Compliance", "RGPD").containsEntry("ManagedBy", "cdk");
    }

    private String flowLogGroupName() {
        return "/aws/vpc/" + config.physicalName("flow-logs");
    }

    @Test
    void obs1_everyLogGroupIsKeptForTheConfiguredRetentionUnderTheLogsKey() {
        String logsKeyId = aliasTargets().get(KeyPurpose.LOGS.alias(config.namePrefix()));
        String logsKeyArn = aws.kms.describeKey(b -> b.keyId(logsKeyId)).keyMetadata().arn();
        List<LogGroup> groups = aws.logs.describeLogGroupsPaginator(b -> b.build()).logGroups().stream().toList();
        assertThat(groups).extracting(LogGroup::logGroupName).contains(flowLogGroupName());
        // Readable thanks to moto:LOG_GROUP_KMS_KEY (without the rewrite the key is dropped).
        assertThat(groups).allSatisfy(g -> {
            assertThat(g.retentionInDays()).as(g.logGroupName()).isEqualTo(config.logging().retentionDays());
            assertThat(g.kmsKeyId()).as(g.logGroupName()).isEqualTo(logsKeyArn);
        });
    }

    // ---- helpers over the template and the stack

    private Map<String, String> physicalIds(String stackName) {
        Map<String, String> out = new HashMap<>();
        for (StackResource r : aws.cfn.describeStackResources(b -> b.stackName(stackName)).stackResources()) {
            out.put(r.logicalResourceId(), r.physicalResourceId());
        }
        return out;
    }

    private static List<JsonNode> resourcesOfType(JsonNode template, String type) {
        List<JsonNode> out = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                out.add(r);
            }
        });
        return out;
    }
}
