package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.PostgresConfig;
import fr.medsaas.config.Requirement;
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
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBParameterGroup;
import software.amazon.awssdk.services.rds.model.Parameter;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * SBX-1: an environment deployed to the emulator, every stack complete, then read back through
 * the AWS SDK as an operator would: the VPC and its tiers (NET), the security-group chain (SG),
 * the keys (KMS), the log groups (OBS-1), the flow log (NET-4), the PostgreSQL instance (DB), the
 * ECS cluster, services and task definitions (ECS), the load balancer (ALB) and the media bucket
 * (S3); what moto does not keep is checked on the template it was sent, naming the defect. One
 * subclass per environment; the emulator is reset before each class. A later stack adds its
 * read-back here.
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
    private AwsClients backupRegion;

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
        backupRegion = new AwsClients(moto.endpoint(), config.regions().backup());
    }

    @AfterAll
    void closeClients() {
        if (aws != null) {
            aws.close();
        }
        if (backupRegion != null) {
            backupRegion.close();
        }
    }

    // ---- the deployment itself

    @Test
    @Requirement("SBX-1")
    void everyStackReachesCreateComplete() {
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
    @Requirement("SBX-1")
    void everyResourceIsCreatedOrListedAsLeftOut() {
        for (StackTemplate t : assembly.stacks()) {
            StackDeployment s = deployment.stack(t.stackName());
            assertThat(s.resourcesCreated()).as(t.stackName()).isEqualTo(t.resourceCount() - s.leftOut().size());
        }
    }

    @Test
    @Requirement("SBX-1")
    void keysAreAllEmulatedAndTheNetworkLeavesOutOnlyItsCustomResourceLambdaAndEgressRules() {
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
    @Requirement("NET-1")
    void vpcHasTheConfiguredCidrAndName() {
        // vpc() finds it by its Name tag.
        assertThat(vpc().cidrBlock()).isEqualTo(config.network().vpcCidr());
    }

    @Test
    @Requirement("NET-1")
    void dnsSupportAndHostnamesAreOnInTheTemplateSentToTheEmulator() {
        // moto:VPC_DNS_ATTRIBUTES: moto ignores both attributes of a CloudFormation VPC and answers its
        // defaults (support on, hostnames off), so DescribeVpcAttribute proves nothing either way;
        // the template handed to the emulator is checked instead.
        StackDeployment network = deployment.stack("Network");
        JsonNode vpc = resourcesOfType(network.template().template(), "AWS::EC2::VPC").get(0);
        assertThat(vpc.path("Properties").path("EnableDnsHostnames").asBoolean()).isTrue();
        assertThat(vpc.path("Properties").path("EnableDnsSupport").asBoolean()).isTrue();
    }

    @Test
    @Requirement("NET-2")
    void subnetsOfEachTierAreInTheirZoneWithTheirCidrAndName() {
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
    @Requirement("NET-2")
    void dbTierHasNoRouteToAnInternetOrNatGateway() {
        routesOfTier("private-db").forEach((subnet, routes) -> {
            assertThat(routes).as(subnet).isNotEmpty();
            assertThat(routes).as(subnet).noneMatch(r -> r.gatewayId() != null && r.gatewayId().startsWith("igw-"));
            assertThat(routes).as(subnet).noneMatch(r -> r.natGatewayId() != null);
            assertThat(routes).as(subnet).noneMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()));
        });
    }

    @Test
    @Requirement("NET-2")
    void publicTierRoutesToTheInternetGatewayAndAppTierThroughNat() {
        // The contrast that proves the db-tier check reads real routes.
        routesOfTier("public").forEach((subnet, routes) -> assertThat(routes).as(subnet)
                .anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) && r.gatewayId() != null && r.gatewayId().startsWith("igw-")));
        routesOfTier("private-app").forEach((subnet, routes) -> assertThat(routes).as(subnet)
                .anyMatch(r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) && r.natGatewayId() != null));
    }

    @Test
    @Requirement("NET-3")
    void natGatewaysAreInThePublicTier() {
        Set<String> publicSubnets = aws.ec2.describeSubnets(b -> b.filters(inVpc())).subnets().stream()
                .filter(s -> name(s.tags()).startsWith("public-subnet-")).map(Subnet::subnetId).collect(Collectors.toSet());
        var nats = aws.ec2.describeNatGateways(b -> b.filter(inVpc())).natGateways();
        assertThat(nats).hasSize(config.network().natGateways());
        assertThat(nats).allSatisfy(n -> assertThat(publicSubnets).contains(n.subnetId()));
    }

    @Test
    @Requirement("NET-4")
    void flowLogOfAllTrafficGoesToItsEncryptedLogGroupThroughItsOwnRole() throws IOException {
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
    @Requirement("NET-5")
    void interfaceEndpointsFollowTheConfigurationAndS3HasAGatewayEndpoint() {
        List<VpcEndpoint> endpoints = aws.ec2.describeVpcEndpoints(b -> b.filters(inVpc())).vpcEndpoints();
        String region = config.regions().primary();
        assertThat(endpoints).anyMatch(e -> e.serviceName().equals("com.amazonaws." + region + ".s3")
                && e.vpcEndpointTypeAsString().equals("Gateway"));
        Set<String> interfaces = endpoints.stream().filter(e -> e.vpcEndpointTypeAsString().equals("Interface"))
                .map(e -> e.serviceName().substring(("com.amazonaws." + region + ".").length())).collect(Collectors.toCollection(TreeSet::new));
        if (config.network().interfaceEndpoints()) {
            assertThat(interfaces).containsExactly("ecr.api", "ecr.dkr", "ecs", "kms", "logs", "monitoring", "secretsmanager");
            // Issue 14: this account's principals on this account's resources only.
            assertThat(endpoints).allSatisfy(e -> assertThat(e.policyDocument()).as(e.serviceName())
                    .contains("aws:PrincipalAccount").contains("aws:ResourceAccount"));
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
    @Requirement("SG-1")
    void albTakes443And80FromAnywhereAndNothingElse() {
        assertThat(ingress(group("alb-sg"))).containsExactlyInAnyOrder("tcp/443 from 0.0.0.0/0", "tcp/80 from 0.0.0.0/0");
    }

    @Test
    @Requirement("SG-2")
    void appTakes8000FromTheAlbGroupOnlyAndTheWorkerNothing() {
        assertThat(ingress(group("app-sg"))).containsExactly("tcp/8000 from " + config.namePrefix() + "-alb-sg");
        assertThat(ingress(group("worker-sg"))).isEmpty();
    }

    @Test
    @Requirement({"SG-3", "SG-4"})
    void storesTakeTheirPortFromTheAppAndWorkerGroupsOnly() {
        String p = config.namePrefix();
        // and the master password's rotation function, which logs in to change it (DB-3, docs/data-tier.md),
        // and the database-roles function, which logs in to make the application's roles (HARD-6)
        assertThat(ingress(group("rds-sg"))).containsExactlyInAnyOrder("tcp/5432 from " + p + "-app-sg",
                "tcp/5432 from " + p + "-worker-sg", "tcp/5432 from " + p + "-db-rotation-sg", "tcp/5432 from " + p + "-db-roles-sg");
        assertThat(ingress(group("redis-sg"))).containsExactlyInAnyOrder("tcp/6379 from " + p + "-app-sg", "tcp/6379 from " + p + "-worker-sg");
    }

    @Test
    @Requirement("SG-5")
    void onlyTheAlbIsOpenToTheInternet() {
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
    @Requirement("KMS-1")
    void everyKeyHasItsAliasRotationAndDescription() {
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
    @Requirement("KMS-2")
    void servicesUseAKeyOnlyThroughViaServiceOnTheAccountsBehalf() throws IOException {
        Map<String, String> aliases = aliasTargets();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            String keyId = aliases.get(purpose.alias(config.namePrefix()));
            JsonNode policy = JSON.readTree(aws.kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy());
            java.util.Set<String> viaServices = new java.util.TreeSet<>();
            for (JsonNode st : policy.path("Statement")) {
                // Allows to any principal go through a service on the account's behalf; the one deny
                // (HARD-4: no grant but for AWS resources) needs no condition of the kind.
                if ("*".equals(st.path("Principal").path("AWS").asText()) && "Allow".equals(st.path("Effect").asText())) {
                    JsonNode condition = st.path("Condition").path("StringEquals");
                    assertThat(condition.path("kms:CallerAccount").asText()).as(purpose + " " + st).isNotBlank();
                    // HARD-7: every use names its roles.
                    assertThat(st.path("Condition").path("ArnLike").path("aws:PrincipalArn").size()).as(purpose + " " + st)
                            .isPositive();
                    if (condition.has("kms:ViaService") && !st.path("Sid").asText().endsWith("Grants")) {
                        viaServices.add(condition.path("kms:ViaService").asText());
                    }
                }
            }
            assertThat(viaServices).as(purpose.toString()).containsExactlyInAnyOrderElementsOf(
                    fr.medsaas.platform.constructs.keys.KeyUses.services(purpose,
                                    fr.medsaas.platform.constructs.iam.PlatformPrincipals.of(config), config.regions().primary(), true)
                            .stream().map(s -> s + "." + config.regions().primary() + ".amazonaws.com").toList());
        }
    }

    @Test
    @Requirement({"CMP-4", "DB-9"})
    void keysCarryTheComplianceTagsAndHealthDataKeysTheDataType() {
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
    @Requirement("CMP-4")
    void vpcCarriesTheComplianceTags() {
        Map<String, String> tags = vpc().tags().stream()
                .collect(Collectors.toMap(software.amazon.awssdk.services.ec2.model.Tag::key, software.amazon.awssdk.services.ec2.model.Tag::value));
        assertThat(tags).containsEntry("Project", config.project()).containsEntry("Environment", config.environmentTag())
                .containsEntry("Compliance", "RGPD").containsEntry("ManagedBy", "cdk");
    }

    private String flowLogGroupName() {
        return "/aws/vpc/" + config.physicalName("flow-logs");
    }

    @Test
    @Requirement("OBS-1")
    void everyLogGroupIsKeptForTheConfiguredRetentionUnderTheLogsKey() {
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

    // ---- DB: the PostgreSQL instance (Data stack)

    private DBInstance postgres() {
        List<DBInstance> found = aws.rds.describeDBInstances(b -> b.dbInstanceIdentifier(config.physicalName("postgres"))).dbInstances();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The PostgreSQL instance's properties in the template sent to the emulator. */
    private JsonNode postgresSent() {
        List<JsonNode> instances = resourcesOfType(deployment.stack("Data").template().template(), "AWS::RDS::DBInstance");
        assertThat(instances).hasSize(1);
        return instances.get(0).path("Properties");
    }

    /** The PostgreSQL instance's properties as synthesized, before the emulator's rewrites. */
    private JsonNode postgresSynthesized() {
        List<JsonNode> instances = resourcesOfType(synthesized("Data"), "AWS::RDS::DBInstance");
        assertThat(instances).hasSize(1);
        return instances.get(0).path("Properties");
    }

    @Test
    @Requirement({"DB-1", "DB-2"})
    void postgresHasTheConfiguredEngineVersionClassAndStorage() {
        PostgresConfig pg = config.data().postgres();
        DBInstance db = postgres();
        assertThat(db.engine()).isEqualTo("postgres");
        assertThat(db.engineVersion()).isEqualTo(pg.version());
        assertThat(db.dbInstanceClass()).isEqualTo(pg.instanceClass());
        assertThat(db.allocatedStorage()).isEqualTo(pg.allocatedStorageGiB());
        assertThat(db.storageType()).isEqualTo("gp3");
        assertThat(db.endpoint().port()).isEqualTo(5432);
        assertThat(db.dbName()).isEqualTo(pg.databaseName());
    }

    @Test
    @Requirement("DB-4")
    void storageIsEncryptedWithTheRdsKey() {
        String rdsKeyId = aliasTargets().get(KeyPurpose.RDS.alias(config.namePrefix()));
        String rdsKeyArn = aws.kms.describeKey(b -> b.keyId(rdsKeyId)).keyMetadata().arn();
        DBInstance db = postgres();
        assertThat(db.storageEncrypted()).isTrue();
        assertThat(db.kmsKeyId()).isEqualTo(rdsKeyArn);
    }

    @Test
    @Requirement("DB-5")
    void multiAzAsConfiguredNotPublicOnTheDbTierBehindRdsSg() {
        DBInstance db = postgres();
        assertThat(db.multiAZ()).isEqualTo(config.data().postgres().multiAz());
        assertThat(db.publiclyAccessible()).isFalse();
        assertThat(db.dbSubnetGroup().dbSubnetGroupName()).isEqualTo(config.physicalName("db-subnet-group"));
        assertThat(db.dbSubnetGroup().vpcId()).isEqualTo(vpc().vpcId());
        assertThat(db.dbSubnetGroup().subnets()).extracting(software.amazon.awssdk.services.rds.model.Subnet::subnetIdentifier)
                .containsExactlyInAnyOrderElementsOf(subnetIdsOfTier("private-db"));
        // Right only thanks to moto:RDS_SECURITY_GROUPS (without the rewrite, the default VPC's default group).
        assertThat(db.vpcSecurityGroups()).extracting(VpcSecurityGroupMembership::vpcSecurityGroupId)
                .containsExactly(group("rds-sg").groupId());
    }

    @Test
    @Requirement("DB-6")
    void backupsKeptForTheConfiguredDaysInTheSourcesWindows() {
        DBInstance db = postgres();
        assertThat(db.backupRetentionPeriod()).isEqualTo(config.data().postgres().backupRetentionDays());
        assertThat(db.preferredMaintenanceWindow()).isEqualTo("sun:04:00-sun:05:00");
        assertThat(db.copyTagsToSnapshot()).isTrue();
        // moto:RDS_ADJACENT_WINDOWS: moto refuses a backup window that ends where the maintenance window
        // starts, so the emulator got 03:00-03:59; its start is read back, the window itself on the template.
        assertThat(db.preferredBackupWindow()).startsWith("03:00-");
        assertThat(postgresSynthesized().path("PreferredBackupWindow").asText()).isEqualTo("03:00-04:00");
    }

    @Test
    @Requirement({"DB-2", "DB-6", "DB-7", "DB-8"})
    void whatMotoIgnoresIsInTheTemplateSentToTheEmulator() {
        // moto:RDS_IGNORED_PROPERTIES: moto answers no deletion protection, no log exports and no
        // monitoring whatever the template says, so these are checked on the template it was sent.
        PostgresConfig pg = config.data().postgres();
        JsonNode sent = postgresSent();
        assertThat(sent.path("DeletionProtection").asBoolean()).isEqualTo(pg.deletionProtection());
        assertThat(sent.path("MaxAllocatedStorage").asInt()).isEqualTo(pg.maxAllocatedStorageGiB());
        assertThat(texts(sent.path("EnableCloudwatchLogsExports"))).contains("postgresql");
        assertThat(sent.path("EnablePerformanceInsights").asBoolean()).isTrue();
        assertThat(sent.path("PerformanceInsightsRetentionPeriod").asInt()).isEqualTo(pg.performanceInsightsRetentionDays());
        assertThat(sent.path("MonitoringInterval").asInt()).isEqualTo(60);
        // moto:RDS_PARAMETER_GROUP_REF: the emulator's copy drops the reference; as synthesized, it names the group.
        List<String> groups = logicalIdsOfType(synthesized("Data"), "AWS::RDS::DBParameterGroup");
        assertThat(groups).hasSize(1);
        assertThat(postgresSynthesized().path("DBParameterGroupName").path("Ref").asText()).isEqualTo(groups.get(0));
        assertThat(sent.has("DBParameterGroupName")).isFalse();
    }

    @Test
    @Requirement("DB-8")
    void parameterGroupForcesTlsAndLogsConnections() {
        // moto names the group itself (stack, logical id, random suffix, in lower case): found by that prefix.
        String prefix = (deployment.stack("Data").stackName() + "-"
                + logicalIdsOfType(synthesized("Data"), "AWS::RDS::DBParameterGroup").get(0) + "-").toLowerCase(java.util.Locale.ROOT);
        List<DBParameterGroup> groups = aws.rds.describeDBParameterGroups().dbParameterGroups().stream()
                .filter(g -> g.dbParameterGroupName().startsWith(prefix)).toList();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).dbParameterGroupFamily()).isEqualTo("postgres" + config.data().postgres().version().split("\\.")[0]);
        Map<String, String> parameters = aws.rds.describeDBParameters(b -> b.dbParameterGroupName(groups.get(0).dbParameterGroupName()))
                .parameters().stream().collect(Collectors.toMap(Parameter::parameterName, Parameter::parameterValue));
        assertThat(parameters).containsEntry("rds.force_ssl", "1").containsEntry("log_connections", "1")
                .containsEntry("log_disconnections", "1");
    }

    @Test
    @Requirement("DB-9")
    void postgresCarriesTheHealthDataTag() {
        Map<String, String> tags = postgres().tagList().stream()
                .collect(Collectors.toMap(software.amazon.awssdk.services.rds.model.Tag::key, software.amazon.awssdk.services.rds.model.Tag::value));
        assertThat(tags).containsEntry("DataType", "medical-sensitive").containsEntry("Compliance", "RGPD");
    }

    // ---- ECS: cluster, services, task definitions (App stack)

    private String cluster() {
        return config.physicalName("cluster");
    }

    private Map<String, Service> services() {
        List<String> arns = aws.ecs.listServices(b -> b.cluster(cluster())).serviceArns();
        Map<String, Service> out = new TreeMap<>();
        aws.ecs.describeServices(b -> b.cluster(cluster()).services(arns)).services().forEach(s -> out.put(s.serviceName(), s));
        return out;
    }

    private TaskDefinition taskDefinitionOf(String service) {
        String arn = services().get(service).taskDefinition();
        return aws.ecs.describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition();
    }

    /** The properties, in the template sent to the emulator, of the App stack's resource of that type whose property has that value. */
    private JsonNode appSent(String type, String property, String value) {
        List<JsonNode> found = resourcesOfType(deployment.stack("App").template().template(), type).stream()
                .filter(r -> value.equals(r.path("Properties").path(property).asText())).toList();
        assertThat(found).as(type + " " + property + "=" + value).hasSize(1);
        return found.get(0).path("Properties");
    }

    @Test
    @Requirement("ECS-1")
    void clusterHasItsNameAndFargateWithContainerInsightsInTheTemplate() {
        List<Cluster> clusters = aws.ecs.describeClusters(b -> b.clusters(cluster())).clusters();
        assertThat(clusters).extracting(Cluster::clusterName, Cluster::status).containsExactly(tuple(cluster(), "ACTIVE"));
        // moto:ECS_IGNORED_PROPERTIES: moto keeps a cluster's name only (its settings read containerInsights
        // disabled), and has no model for the capacity provider association: both checked on the template.
        JsonNode sent = appSent("AWS::ECS::Cluster", "ClusterName", cluster());
        assertThat(sent.path("ClusterSettings").toString()).contains("\"Name\":\"containerInsights\"", "\"Value\":\"enabled\"");
        List<JsonNode> associations = resourcesOfType(synthesized("App"), "AWS::ECS::ClusterCapacityProviderAssociations");
        assertThat(associations).hasSize(1);
        assertThat(texts(associations.get(0).path("Properties").path("CapacityProviders"))).contains("FARGATE");
    }

    @Test
    @Requirement({"ECS-3", "ECS-4"})
    void webAndWorkerServicesRunTheirTaskDefinitionsWithTheConfiguredCounts() {
        Map<String, Service> services = services();
        assertThat(services).containsOnlyKeys("django-service", "celery-service");
        assertThat(services.get("django-service").desiredCount()).isEqualTo(config.app().web().desiredCount());
        assertThat(services.get("celery-service").desiredCount()).isEqualTo(config.app().worker().desiredCount());
        assertThat(taskDefinitionOf("django-service").family()).isEqualTo(config.namePrefix() + "-django");
        assertThat(taskDefinitionOf("celery-service").family()).isEqualTo(config.namePrefix() + "-celery");
    }

    /** DATABASE_URL and the others: each from the Data stack's secret of its name (a placeholder, secrets being left out). */
    private Map<String, String> expectedSecrets() {
        Map<String, String> secretIds = new HashMap<>();
        synthesized("Data").path("Resources").fields().forEachRemaining(e -> {
            if ("AWS::SecretsManager::Secret".equals(e.getValue().path("Type").asText())) {
                secretIds.put(e.getValue().path("Properties").path("Name").asText(), e.getKey());
            }
        });
        Map<String, String> out = new TreeMap<>();
        Map.of("DATABASE_URL", "database-url", "REDIS_URL", "redis-url", "FIELD_ENCRYPTION_KEY", "encryption-key").forEach((env, name) -> {
            String id = secretIds.get(config.namePrefix() + "/" + name);
            assertThat(id).as("secret " + config.namePrefix() + "/" + name).isNotNull();
            out.put(env, EmulatorTemplates.placeholder(id));
        });
        return out;
    }

    private void assertSecretsAndLogs(ContainerDefinition c, String logGroup) {
        Map<String, String> secrets = new TreeMap<>();
        c.secrets().forEach(x -> secrets.put(x.name(), x.valueFrom()));
        Map<String, String> expected = expectedSecrets();
        assertThat(secrets).as(c.name()).containsOnlyKeys(expected.keySet());
        expected.forEach((env, placeholder) -> assertThat(secrets.get(env)).as(c.name() + " " + env)
                .isEqualTo("arn:aws:secretsmanager:" + config.regions().primary() + ":" + account() + ":" + placeholder));
        assertThat(c.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
        assertThat(c.logConfiguration().options()).containsEntry("awslogs-group", logGroup)
                .containsEntry("awslogs-region", config.regions().primary());
        assertThat(aws.logs.describeLogGroups(b -> b.logGroupNamePrefix(logGroup)).logGroups()).extracting(LogGroup::logGroupName)
                .contains(logGroup);
        Map<String, String> environment = new TreeMap<>();
        c.environment().forEach(kv -> environment.put(kv.name(), kv.value()));
        assertThat(environment).containsEntry("DJANGO_SETTINGS_MODULE", config.app().djangoSettingsModule())
                .containsEntry("AWS_DEFAULT_REGION", config.regions().primary());
        assertThat(c.readonlyRootFilesystem()).isTrue();
    }

    @Test
    @Requirement("ECS-2")
    void webTaskRunsDjangoOnPort8000WithItsSecretsLogsAndHealthCheck() {
        TaskDefinition task = taskDefinitionOf("django-service");
        assertThat(task.memory()).isEqualTo(String.valueOf(config.app().web().memoryMiB()));
        assertThat(task.containerDefinitions()).extracting(ContainerDefinition::name).containsExactly("django-app");
        ContainerDefinition c = task.containerDefinitions().get(0);
        assertThat(c.portMappings()).extracting(PortMapping::containerPort).containsExactly(8000);
        assertSecretsAndLogs(c, "/ecs/" + config.namePrefix() + "-django");
        assertThat(c.healthCheck().command()).last().asString().contains("curl -f http://localhost:8000/health/");
        assertThat(c.healthCheck().interval()).isEqualTo(30);
        assertThat(c.healthCheck().timeout()).isEqualTo(5);
        assertThat(c.healthCheck().retries()).isEqualTo(3);
    }

    @Test
    @Requirement("ECS-4")
    void workerTaskRunsTheConfiguredCommandWithTheSameSecretsAndNoPort() {
        TaskDefinition task = taskDefinitionOf("celery-service");
        assertThat(task.memory()).isEqualTo(String.valueOf(config.app().worker().memoryMiB()));
        assertThat(task.containerDefinitions()).extracting(ContainerDefinition::name).containsExactly("celery-worker");
        ContainerDefinition c = task.containerDefinitions().get(0);
        assertThat(c.portMappings()).isEmpty();
        assertThat(c.command()).isEqualTo(config.app().worker().command());
        assertSecretsAndLogs(c, "/ecs/" + config.namePrefix() + "-celery");
    }

    @Test
    @Requirement({"ECS-2", "ECS-3"})
    void fargateNetworkAndLoadBalancingAreInTheTemplateSentToTheEmulator() {
        // moto:ECS_IGNORED_PROPERTIES: moto answers bridge, EC2 and no CPU for every task definition, and
        // keeps no launch type, network or load balancer on a service: checked on the template it was sent.
        for (var entry : Map.of(config.namePrefix() + "-django", config.app().web(),
                config.namePrefix() + "-celery", config.app().worker()).entrySet()) {
            JsonNode task = appSent("AWS::ECS::TaskDefinition", "Family", entry.getKey());
            assertThat(task.path("Cpu").asText()).as(entry.getKey()).isEqualTo(String.valueOf(entry.getValue().cpu()));
            assertThat(task.path("NetworkMode").asText()).as(entry.getKey()).isEqualTo("awsvpc");
            assertThat(texts(task.path("RequiresCompatibilities"))).as(entry.getKey()).containsExactly("FARGATE");
            assertThat(task.has("ExecutionRoleArn") && task.has("TaskRoleArn")).as(entry.getKey()).isTrue();
        }
        for (String name : List.of("django-service", "celery-service")) {
            JsonNode service = appSent("AWS::ECS::Service", "ServiceName", name);
            assertThat(service.path("LaunchType").asText()).as(name).isEqualTo("FARGATE");
            JsonNode network = service.path("NetworkConfiguration").path("AwsvpcConfiguration");
            assertThat(network.path("AssignPublicIp").asText()).as(name).isEqualTo("DISABLED");
            assertThat(network.path("Subnets")).as(name).hasSize(config.network().availabilityZones().size())
                    .allSatisfy(sn -> assertThat(sn.path("Fn::ImportValue").asText()).contains("privateapp"));
            assertThat(service.path("DeploymentConfiguration").path("DeploymentCircuitBreaker").path("Rollback").asBoolean())
                    .as(name).isTrue();
        }
        JsonNode web = appSent("AWS::ECS::Service", "ServiceName", "django-service");
        assertThat(web.path("LoadBalancers")).hasSize(1);
        assertThat(web.path("LoadBalancers").get(0).path("ContainerName").asText()).isEqualTo("django-app");
        assertThat(web.path("LoadBalancers").get(0).path("ContainerPort").asInt()).isEqualTo(8000);
        assertThat(appSent("AWS::ECS::Service", "ServiceName", "celery-service").has("LoadBalancers")).isFalse();
    }

    // ---- ALB (App stack)

    private LoadBalancer loadBalancer() {
        List<LoadBalancer> found = aws.elb.describeLoadBalancers(b -> b.names(config.physicalName("alb"))).loadBalancers();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Map<Integer, Listener> listeners() {
        Map<Integer, Listener> out = new TreeMap<>();
        aws.elb.describeListeners(b -> b.loadBalancerArn(loadBalancer().loadBalancerArn())).listeners()
                .forEach(l -> out.put(l.port(), l));
        return out;
    }

    @Test
    @Requirement("ALB-1")
    void internetFacingInThePublicTierBehindAlbSg() {
        LoadBalancer lb = loadBalancer();
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        assertThat(lb.typeAsString()).isEqualTo("application");
        assertThat(lb.vpcId()).isEqualTo(vpc().vpcId());
        assertThat(lb.availabilityZones()).extracting(software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone::subnetId)
                .containsExactlyInAnyOrderElementsOf(subnetIdsOfTier("public"));
        assertThat(lb.securityGroups()).containsExactly(group("alb-sg").groupId());
    }

    @Test
    @Requirement("ALB-1")
    void httpsOn443WithTheConfiguredCertificateAndATls12PolicyForwardsToTheWebTargets() {
        // The configured certificate is not in the emulator's empty account: the deployer requested a
        // stand-in from its ACM and the listener was sent that; it must be the stand-in of the configured ARN.
        List<String> standIns = deployment.stack("App").template().resolved().stream()
                .filter(r -> r.kind().equals("Certificate") && r.reference().equals(config.app().certificateArn()))
                .map(EmulatorTemplate.Resolved::value).toList();
        assertThat(standIns).hasSize(1);
        assertThat(listeners()).containsOnlyKeys(80, 443);
        Listener https = listeners().get(443);
        assertThat(https.protocolAsString()).isEqualTo("HTTPS");
        assertThat(https.certificates()).extracting(Certificate::certificateArn).containsExactly(standIns.get(0));
        assertThat(https.sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(https.defaultActions()).hasSize(1);
        assertThat(https.defaultActions().get(0).typeAsString()).isEqualTo("forward");
        assertThat(https.defaultActions().get(0).targetGroupArn()).isEqualTo(targetGroup().targetGroupArn());
    }

    @Test
    @Requirement("ALB-1")
    void port80OnlyRedirectsToHttps() {
        Listener http = listeners().get(80);
        assertThat(http.protocolAsString()).isEqualTo("HTTP");
        assertThat(http.defaultActions()).hasSize(1);
        Action redirect = http.defaultActions().get(0);
        assertThat(redirect.typeAsString()).isEqualTo("redirect");
        assertThat(redirect.redirectConfig().protocol()).isEqualTo("HTTPS");
        assertThat(redirect.redirectConfig().port()).isEqualTo("443");
        assertThat(redirect.redirectConfig().statusCodeAsString()).isEqualTo("HTTP_301");
    }

    private TargetGroup targetGroup() {
        List<TargetGroup> groups = aws.elb.describeTargetGroups(b -> b.loadBalancerArn(loadBalancer().loadBalancerArn())).targetGroups();
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    @Test
    @Requirement("ECS-3")
    void targetGroupReachesTheWebTasksOn8000AndChecksHealth() {
        TargetGroup tg = targetGroup();
        assertThat(tg.port()).isEqualTo(8000);
        assertThat(tg.protocolAsString()).isEqualTo("HTTP");
        assertThat(tg.targetTypeAsString()).isEqualTo("ip");
        assertThat(tg.vpcId()).isEqualTo(vpc().vpcId());
        assertThat(tg.healthCheckPath()).isEqualTo("/health/");
    }

    @Test
    @Requirement("ALB-2")
    void attributesAreInTheTemplateSentToTheEmulator() {
        // moto:ELBV2_LOAD_BALANCER_ATTRIBUTES: moto answers deletion protection off and no access logs
        // whatever the template says, so the attributes are checked on the template it was sent.
        Map<String, String> attributes = new TreeMap<>();
        appSent("AWS::ElasticLoadBalancingV2::LoadBalancer", "Name", config.physicalName("alb")).path("LoadBalancerAttributes")
                .forEach(a -> attributes.put(a.path("Key").asText(), a.path("Value").isTextual() ? a.path("Value").asText() : "(reference)"));
        assertThat(attributes).containsEntry("deletion_protection.enabled", String.valueOf(config.app().loadBalancerDeletionProtection()))
                .containsEntry("routing.http.drop_invalid_header_fields.enabled", "true")
                .containsEntry("access_logs.s3.enabled", "true").containsKey("access_logs.s3.bucket");
    }

    // ---- S3: the media bucket (Media stack)

    @Test
    @Requirement({"S3-1", "S3-2"})
    void mediaBucketIsInTheRegionUnderTheS3KeyWithTheHealthDataTag() {
        String bucket = config.media().bucketName();
        String s3KeyId = aliasTargets().get(KeyPurpose.S3.alias(config.namePrefix()));
        String s3KeyArn = aws.kms.describeKey(b -> b.keyId(s3KeyId)).keyMetadata().arn();
        assertThat(aws.s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEqualTo(config.regions().primary());
        List<ServerSideEncryptionRule> rules = aws.s3.getBucketEncryption(b -> b.bucket(bucket))
                .serverSideEncryptionConfiguration().rules();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(s3KeyArn);
        Map<String, String> tags = aws.s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().stream()
                .collect(Collectors.toMap(software.amazon.awssdk.services.s3.model.Tag::key, software.amazon.awssdk.services.s3.model.Tag::value));
        assertThat(tags).containsEntry("DataType", "medical-sensitive").containsEntry("Compliance", "RGPD");
    }

    @Test
    @Requirement({"S3-2", "S3-3"})
    void bucketKeyVersioningAndPublicAccessBlockAreInTheTemplateSentToTheEmulator() {
        // moto:S3_BUCKET_PROPERTIES: moto keeps a bucket's name, encryption (without its bucket key) and tags
        // only; the rest is checked on the template it was sent.
        List<JsonNode> found = resourcesOfType(deployment.stack("Media").template().template(), "AWS::S3::Bucket").stream()
                .filter(r -> config.media().bucketName().equals(r.path("Properties").path("BucketName").asText())).toList();
        assertThat(found).hasSize(1);
        JsonNode sent = found.get(0).path("Properties");
        assertThat(sent.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0).path("BucketKeyEnabled").asBoolean()).isTrue();
        assertThat(sent.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
        for (String block : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(sent.path("PublicAccessBlockConfiguration").path(block).asBoolean()).as(block).isTrue();
        }
        assertThat(sent.path("OwnershipControls").path("Rules").get(0).path("ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced");
        assertThat(sent.path("LoggingConfiguration").has("DestinationBucketName")).isTrue();
    }

    // ---- REG-2, S3-5, BCK-1: the Replica stack (backup region) and the Backup stack

    private Map<String, String> backupRegionAliases() {
        Map<String, String> out = new TreeMap<>();
        for (AliasListEntry a : backupRegion.kms.listAliasesPaginator(b -> b.build()).aliases()) {
            if (a.targetKeyId() != null) {
                out.put(a.aliasName(), a.targetKeyId());
            }
        }
        return out;
    }

    @Test
    void reg2_theBackupRegionHoldsItsOwnS3AndBackupKeysUsedOnlyThroughItsServices() throws IOException {
        assertThat(deployment.stack("Replica").region()).isEqualTo(config.regions().backup());
        Map<String, String> aliases = backupRegionAliases();
        for (KeyPurpose purpose : List.of(KeyPurpose.S3, KeyPurpose.BACKUP)) {
            String keyId = aliases.get(purpose.alias(config.namePrefix()));
            assertThat(keyId).as(purpose.toString()).isNotNull();
            assertThat(backupRegion.kms.getKeyRotationStatus(b -> b.keyId(keyId)).keyRotationEnabled()).isTrue();
            KeyMetadata key = backupRegion.kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
            assertThat(key.arn()).contains(":kms:" + config.regions().backup() + ":");
            String policy = backupRegion.kms.getKeyPolicy(b -> b.keyId(keyId).policyName("default")).policy();
            for (String service : fr.medsaas.platform.constructs.keys.KeyUses.services(purpose,
                    fr.medsaas.platform.constructs.iam.PlatformPrincipals.of(config), config.regions().backup(), false)) {
                assertThat(policy).contains(service + "." + config.regions().backup() + ".amazonaws.com");
            }
            assertThat(policy).doesNotContain(config.regions().primary());
        }
        // No key of the primary region was made in the backup region beyond these two and the audit key of
        // its AWS Config delivery (HARD-9).
        assertThat(aliases.keySet()).doesNotContain(KeyPurpose.DATA.alias(config.namePrefix()), KeyPurpose.RDS.alias(config.namePrefix()));
    }

    @Test
    void s3_5_theReplicaBucketIsInTheBackupRegionUnderThatRegionsS3KeyWithTheHealthDataTag() {
        String bucket = config.backup().replicaBucketName();
        String keyId = backupRegionAliases().get(KeyPurpose.S3.alias(config.namePrefix()));
        String keyArn = backupRegion.kms.describeKey(b -> b.keyId(keyId)).keyMetadata().arn();
        assertThat(backupRegion.s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString())
                .isEqualTo(config.regions().backup());
        List<ServerSideEncryptionRule> rules = backupRegion.s3.getBucketEncryption(b -> b.bucket(bucket))
                .serverSideEncryptionConfiguration().rules();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(keyArn);
        Map<String, String> tags = backupRegion.s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().stream()
                .collect(Collectors.toMap(software.amazon.awssdk.services.s3.model.Tag::key, software.amazon.awssdk.services.s3.model.Tag::value));
        assertThat(tags).containsEntry("DataType", "medical-sensitive").containsEntry("Compliance", "RGPD");
    }

    @Test
    void s3_5_theMediaStackWasSentTheReplicaKeyOfTheBackupRegionAsCloudFormationWouldResolveIt() {
        // moto:S3_BUCKET_PROPERTIES drops the replication configuration: it is checked on the template sent,
        // where the deployer resolved Fn::GetStackOutput from the Replica stack already in the emulator.
        String keyId = backupRegionAliases().get(KeyPurpose.S3.alias(config.namePrefix()));
        String keyArn = backupRegion.kms.describeKey(b -> b.keyId(keyId)).keyMetadata().arn();
        List<JsonNode> found = resourcesOfType(deployment.stack("Media").template().template(), "AWS::S3::Bucket").stream()
                .filter(r -> config.media().bucketName().equals(r.path("Properties").path("BucketName").asText())).toList();
        assertThat(found).hasSize(1);
        JsonNode rule = found.get(0).path("Properties").path("ReplicationConfiguration").path("Rules").get(0);
        assertThat(rule.path("Destination").path("EncryptionConfiguration").path("ReplicaKmsKeyID").asText()).isEqualTo(keyArn);
        assertThat(rule.path("DeleteMarkerReplication").path("Status").asText()).isEqualTo("Enabled");
    }

    @Test
    void bck1_theBackupStackCreatesItsRoleAndLeavesOutOnlyTheBackupTypesMotoCannotCreate() {
        assertThat(deployment.stack("Backup").leftOut()).extracting(LeftOut::type).containsOnly(
                "AWS::Backup::BackupVault", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection");
        // HARD-9: the backup region's monitoring types, which moto does not model, as in the Compliance stack.
        List<String> replicaLeftOut = new java.util.ArrayList<>(List.of("AWS::Backup::BackupVault", "AWS::S3::BucketPolicy"));
        for (String type : List.of("AWS::Config::ConfigRule", "AWS::Config::ConfigurationRecorder",
                "AWS::Config::DeliveryChannel", "AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub")) {
            if (!resourcesOfType(synthesized("Replica"), type).isEmpty()) {
                replicaLeftOut.add(type);
            }
        }
        assertThat(replicaLeftOut).contains("AWS::GuardDuty::Detector", "AWS::Config::ConfigurationRecorder");
        assertThat(deployment.stack("Replica").leftOut()).extracting(LeftOut::type)
                .containsOnlyElementsOf(replicaLeftOut).contains("AWS::Backup::BackupVault", "AWS::GuardDuty::Detector");
        Map<String, String> physical = physicalIds(deployment.stack("Backup").stackName());
        String roleId = resourcesOfTypeWithIds(synthesized("Backup"), "AWS::IAM::Role").get(0);
        String roleName = physical.get(roleId);
        assertThat(aws.iam.getRole(b -> b.roleName(roleName)).role().assumeRolePolicyDocument())
                .contains("backup.amazonaws.com");
        assertThat(aws.iam.listAttachedRolePolicies(b -> b.roleName(roleName)).attachedPolicies()).hasSize(1)
                .allSatisfy(p -> assertThat(p.policyArn()).doesNotContain(":aws:policy/"));
    }

    // ---- OBS: the alerts topic, the alarms, the security events (Observability and Compliance stacks)

    private String alertsTopicArn() {
        String name = config.physicalName("alerts");
        List<String> arns = aws.sns.listTopics().topics().stream().map(t -> t.topicArn())
                .filter(a -> a.endsWith(":" + name)).toList();
        assertThat(arns).as("topic " + name).hasSize(1);
        return arns.get(0);
    }

    @Test
    void obs3_alertsTopicExistsUnderTheAlertsKey() {
        Map<String, String> attributes = aws.sns.getTopicAttributes(b -> b.topicArn(alertsTopicArn())).attributes();
        String alertsKeyId = aliasTargets().get(KeyPurpose.ALERTS.alias(config.namePrefix()));
        String alertsKeyArn = aws.kms.describeKey(b -> b.keyId(alertsKeyId)).keyMetadata().arn();
        assertThat(attributes.get("KmsMasterKeyId")).isIn(alertsKeyId, alertsKeyArn);
    }

    @Test
    void obs3_subscriptionsPolicyAndAlarmsAreInTheTemplateSentToTheEmulator() {
        // moto 5.2.1 has no CloudFormation model for subscriptions, topic policies and alarms:
        // they are left out, listed, and checked on the template.
        assertThat(deployment.stack("Observability").leftOut()).extracting(LeftOut::type)
                .containsOnly("AWS::SNS::Subscription", "AWS::SNS::TopicPolicy", "AWS::CloudWatch::Alarm",
                        "AWS::CloudWatch::Dashboard");
        JsonNode observability = synthesized("Observability");
        assertThat(resourcesOfType(observability, "AWS::SNS::Subscription")).extracting(r -> r.path("Properties").path("Endpoint").asText())
                .containsExactlyInAnyOrderElementsOf(config.observability().alertEmails());
        List<JsonNode> alarms = resourcesOfType(observability, "AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(14).allSatisfy(a -> {
            assertThat(a.path("Properties").path("OKActions")).isEqualTo(a.path("Properties").path("AlarmActions"));
            assertThat(a.path("Properties").path("AlarmActions").size()).isEqualTo(1);
        });
    }

    @Test
    void obs5_securityEventRulesSendReadableMessagesToTheAlertsTopic() {
        String topic = alertsTopicArn();
        for (String suffix : List.of("guardduty-findings", "securityhub-findings", "config-non-compliant", "root-user-activity",
                "trail-changes", "kms-key-deletion")) {
            String rule = config.physicalName(suffix);
            assertThat(aws.events.describeRule(b -> b.name(rule)).eventPattern()).as(rule).isNotBlank();
            var targets = aws.events.listTargetsByRule(b -> b.rule(rule)).targets();
            assertThat(targets).as(rule).hasSize(1);
            assertThat(targets.get(0).arn()).as(rule).isEqualTo(topic);
            assertThat(targets.get(0).inputTransformer().inputTemplate()).as(rule).startsWith("\"").contains("<account>");
        }
    }

    @Test
    void cmp2_cmp5_trailLogGroupIsReadBackAndTheTrailAndItsLockedBucketAreInTheTemplate() {
        String trailLogs = "/aws/cloudtrail/" + config.physicalName("audit-trail");
        assertThat(aws.logs.describeLogGroups(b -> b.logGroupNamePrefix(trailLogs)).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly(trailLogs);
        // moto 5.2.1 has no CloudFormation model for a trail: it is left out and checked on the template.
        JsonNode compliance = synthesized("Compliance");
        JsonNode trail = resourcesOfType(compliance, "AWS::CloudTrail::Trail").get(0).path("Properties");
        assertThat(trail.path("IsMultiRegionTrail").asBoolean()).isTrue();
        assertThat(trail.path("EnableLogFileValidation").asBoolean()).isTrue();
        assertThat(resourcesOfType(compliance, "AWS::S3::Bucket")).anySatisfy(b ->
                assertThat(b.path("Properties").path("ObjectLockEnabled").asBoolean()).isTrue());
    }

    // ---- Delivery (CI-1, CI-3)

    @Test
    void ci1_theImageRepositoryScansOnPushKeepsTagsImmutableUnderTheDeliveryKey() {
        String name = config.app().web().image().repository();
        var repositories = aws.ecr.describeRepositories(b -> b.repositoryNames(name)).repositories();
        assertThat(repositories).hasSize(1);
        var repository = repositories.get(0);
        assertThat(repository.imageScanningConfiguration().scanOnPush()).isTrue();
        assertThat(repository.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE");
        assertThat(repository.encryptionConfiguration().encryptionTypeAsString()).isEqualTo("KMS");
        String deliveryKeyId = aliasTargets().get(KeyPurpose.DELIVERY.alias(config.namePrefix()));
        String deliveryKeyArn = aws.kms.describeKey(b -> b.keyId(deliveryKeyId)).keyMetadata().arn();
        assertThat(repository.encryptionConfiguration().kmsKey()).isEqualTo(deliveryKeyArn);
        // moto ignores the lifecycle policy: it is checked on the template it was sent.
        JsonNode sent = resourcesOfType(deployment.stack("Delivery").template().template(), "AWS::ECR::Repository").get(0);
        assertThat(sent.path("Properties").path("LifecyclePolicy").path("LifecyclePolicyText").asText())
                .contains("\"countNumber\":" + config.delivery().imagesKept() + "}", "\"tagStatus\":\"untagged\"");
    }

    @Test
    void ci3_theArtifactBucketIsUnderTheDeliveryKeyInThePrimaryRegion() {
        String bucket = physicalIds(deployment.stack("Delivery").stackName()).get("Artifacts80C0BB10");
        assertThat(bucket).isNotBlank();
        String deliveryKeyId = aliasTargets().get(KeyPurpose.DELIVERY.alias(config.namePrefix()));
        String deliveryKeyArn = aws.kms.describeKey(b -> b.keyId(deliveryKeyId)).keyMetadata().arn();
        assertThat(aws.s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEqualTo(config.regions().primary());
        List<ServerSideEncryptionRule> rules = aws.s3.getBucketEncryption(b -> b.bucket(bucket))
                .serverSideEncryptionConfiguration().rules();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
        assertThat(rules.get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(deliveryKeyArn);
    }

    @Test
    void ci2_ci3_theBuildAndThePipelineAreLeftOutAndListed() {
        assertThat(deployment.stack("Delivery").leftOut()).extracting(LeftOut::type).containsOnly(
                "AWS::CodeBuild::Project", "AWS::CodePipeline::Pipeline", "AWS::S3::BucketPolicy");
    }

    // ---- helpers over the template and the stack

    /** The synthesized template of a stack, before the emulator's changes. */
    private JsonNode synthesized(String stack) {
        String name = deployment.stack(stack).stackName();
        return assembly.stacks().stream().filter(t -> t.stackName().equals(name)).findFirst().orElseThrow().template();
    }

    private List<String> subnetIdsOfTier(String tier) {
        return aws.ec2.describeSubnets(b -> b.filters(inVpc())).subnets().stream()
                .filter(sn -> name(sn.tags()).startsWith(tier + "-subnet-")).map(Subnet::subnetId).toList();
    }

    private String account() {
        return vpc().ownerId();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> logicalIdsOfType(JsonNode template, String type) {
        List<String> out = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    private Map<String, String> physicalIds(String stackName) {
        Map<String, String> out = new HashMap<>();
        for (StackResource r : aws.cfn.describeStackResources(b -> b.stackName(stackName)).stackResources()) {
            out.put(r.logicalResourceId(), r.physicalResourceId());
        }
        return out;
    }

    private static List<String> resourcesOfTypeWithIds(JsonNode template, String type) {
        List<String> out = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e.getKey());
            }
        });
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
