package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** NET-1..6 and SG-1..5 on the prod Network stack, and the cheaper dev shape. */
class NetworkStackTest {
    private static Template prod;
    private static Template dev;

    @BeforeAll
    static void synthesize() {
        prod = TestApps.template(TestApps.app("prod").network());
        dev = TestApps.template(TestApps.app("dev").network());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    private static String nameTag(Map<String, Object> resource) {
        Object tags = props(resource).get("Tags");
        for (Object t : (List<?>) tags) {
            Map<?, ?> tag = (Map<?, ?>) t;
            if ("Name".equals(tag.get("Key"))) {
                return String.valueOf(tag.get("Value"));
            }
        }
        return null;
    }

    @Test
    @Requirement("NET-1")
    void vpcHasTheSourcesCidrDnsAndName() {
        prod.resourceCountIs("AWS::EC2::VPC", 1);
        prod.hasResourceProperties("AWS::EC2::VPC", Map.of(
                "CidrBlock", "10.0.0.0/16",
                "EnableDnsHostnames", true,
                "EnableDnsSupport", true,
                "Tags", Match.arrayWith(List.of(Map.of("Key", "Name", "Value", "medical-saas-vpc")))));
    }

    @Test
    @Requirement("NET-2")
    void threeTiersInThreeZonesWithTheSourcesCidrsAndNames() {
        Map<String, Map<String, Object>> subnets = prod.findResources("AWS::EC2::Subnet");
        List<String> seen = new ArrayList<>();
        subnets.values().forEach(s -> seen.add(nameTag(s) + " " + props(s).get("CidrBlock") + " " + props(s).get("AvailabilityZone")));
        assertThat(seen).containsExactlyInAnyOrder(
                "public-subnet-1a 10.0.1.0/24 eu-west-3a", "public-subnet-2b 10.0.2.0/24 eu-west-3b",
                "public-subnet-3c 10.0.3.0/24 eu-west-3c",
                "private-app-subnet-1a 10.0.10.0/24 eu-west-3a", "private-app-subnet-2b 10.0.11.0/24 eu-west-3b",
                "private-app-subnet-3c 10.0.12.0/24 eu-west-3c",
                "private-db-subnet-1a 10.0.20.0/24 eu-west-3a", "private-db-subnet-2b 10.0.21.0/24 eu-west-3b",
                "private-db-subnet-3c 10.0.22.0/24 eu-west-3c");
    }

    @Test
    @Requirement("NET-2")
    void noSubnetGivesPublicIpsAutomatically() {
        assertThat(prod.findResources("AWS::EC2::Subnet").values())
                .allSatisfy(s -> assertThat(props(s).get("MapPublicIpOnLaunch")).isNotEqualTo(true));
    }

    @Test
    @Requirement("NET-2")
    void dbTierHasNoRouteToTheInternet() {
        // Every route of the stack is attached to a route table; the db tier's tables have none.
        Map<String, Map<String, Object>> tables = prod.findResources("AWS::EC2::RouteTable");
        List<String> dbTables = new ArrayList<>();
        tables.forEach((id, t) -> {
            if (id.contains("privatedb")) {
                dbTables.add(id);
            }
        });
        assertThat(dbTables).hasSize(3);
        prod.findResources("AWS::EC2::Route").values().forEach(route -> {
            Object table = props(route).get("RouteTableId");
            assertThat(table.toString()).as("a route in the db tier").doesNotContain("privatedb");
        });
        // and the db tier's route tables are associated with the db subnets only
        assertThat(prod.findResources("AWS::EC2::SubnetRouteTableAssociation").values().stream()
                .filter(a -> props(a).get("RouteTableId").toString().contains("privatedb"))
                .map(a -> props(a).get("SubnetId").toString()))
                .hasSize(3).allSatisfy(s -> assertThat(s).contains("privatedb"));
    }

    @Test
    @Requirement("NET-2")
    void appTierGoesOutThroughNatOnly() {
        List<java.util.Set<String>> appRoutes = prod.findResources("AWS::EC2::Route").values().stream()
                .filter(r -> props(r).get("RouteTableId").toString().contains("privateapp"))
                .map(r -> props(r).keySet()).toList();
        assertThat(appRoutes).hasSize(3).allSatisfy(keys -> assertThat(keys).contains("NatGatewayId")
                .doesNotContain("GatewayId"));
    }

    @Test
    @Requirement("NET-3")
    void oneNatGatewayPerZoneInProdAndOneInDev() {
        prod.resourceCountIs("AWS::EC2::NatGateway", 3);
        dev.resourceCountIs("AWS::EC2::NatGateway", 1);
        prod.allResourcesProperties("AWS::EC2::NatGateway", Map.of(
                "SubnetId", Map.of("Ref", Match.stringLikeRegexp("Vpcpublic.*"))));
    }

    @Test
    @Requirement("NET-4")
    void flowLogsOfAllTrafficToAnEncryptedLogGroupKeptAYear() {
        prod.hasResourceProperties("AWS::EC2::FlowLog", Map.of(
                "TrafficType", "ALL",
                "LogDestinationType", "cloud-watch-logs",
                "ResourceType", "VPC"));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/vpc/medical-saas-flow-logs",
                "RetentionInDays", 365,
                "KmsKeyId", Match.objectLike(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysLogs.*")))));
    }

    @Test
    @Requirement("NET-4")
    void flowLogRoleHasNoInlinePolicyAndAScopedTrust() {
        prod.resourceCountIs("AWS::IAM::Policy", 0);
        prod.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "vpc-flow-logs.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))))));
        prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                        "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("VpcFlowLogs.*"), "Arn"))))))));
    }

    @Test
    @Requirement("NET-5")
    void s3GatewayAndInterfaceEndpointsClosedToTheVpcCidr() {
        prod.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(".s3")))))) ));
        List<String> services = prod.findResources("AWS::EC2::VPCEndpoint", Map.of(
                "Properties", Map.of("VpcEndpointType", "Interface"))).values().stream()
                .map(e -> props(e).get("ServiceName").toString()).toList();
        assertThat(services).hasSize(7).anyMatch(s -> s.contains("ecr.api")).anyMatch(s -> s.contains("ecr.dkr"))
                .anyMatch(s -> s.contains("secretsmanager")).anyMatch(s -> s.contains(".logs"))
                .anyMatch(s -> s.contains(".kms")).anyMatch(s -> s.contains(".monitoring")).anyMatch(s -> s.contains(".ecs"));
        // dev turns the interface endpoints off by configuration
        assertThat(dev.findResources("AWS::EC2::VPCEndpoint", Map.of(
                "Properties", Map.of("VpcEndpointType", "Interface")))).isEmpty();
    }

    @Test
    @Requirement("NET-6")
    void defaultSecurityGroupIsStrippedOfItsRules() {
        prod.resourceCountIs("Custom::VpcRestrictDefaultSG", 1);
        prod.hasResourceProperties("Custom::VpcRestrictDefaultSG", Map.of(
                "DefaultSecurityGroupId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Vpc.*"), "DefaultSecurityGroup"))));
    }

    @Test
    @Requirement("SG-1")
    void albTakesHttpsAndHttpFromAnywhereOnly() {
        prod.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "GroupName", "medical-saas-alb-sg",
                "GroupDescription", "Security group for ALB - HTTPS only",
                "SecurityGroupIngress", List.of(
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 443, "ToPort", 443, "IpProtocol", "tcp")),
                        Match.objectLike(Map.of("CidrIp", "0.0.0.0/0", "FromPort", 80, "ToPort", 80, "IpProtocol", "tcp")))));
    }

    @Test
    @Requirement("SG-2")
    void appTakes8000FromTheAlbGroupOnlyAndTheWorkerNothing() {
        List<Map<String, Object>> ingress = ingressTo("App");
        assertThat(ingress).hasSize(1);
        assertThat(ingress.get(0)).containsEntry("FromPort", 8000).containsEntry("ToPort", 8000);
        assertThat(ingress.get(0).get("SourceSecurityGroupId").toString()).contains("SecurityGroupsAlb");
        assertThat(ingressTo("Worker")).isEmpty();
        prod.hasResourceProperties("AWS::EC2::SecurityGroup", Match.objectLike(Map.of(
                "GroupName", "medical-saas-worker-sg", "SecurityGroupIngress", Match.absent())));
    }

    @Test
    @Requirement("SG-3")
    void postgresTakes5432FromTheAppGroupsOnly() {
        // The app groups, and the master password's rotation function (DB-3), which must log in
        // to change the password, and the database-roles function (HARD-6), which logs in as the master
        // to make the application's roles: the documented additions to SG-3 (docs/data-tier.md).
        assertThat(ingressTo("Database")).hasSize(4).allSatisfy(rule -> {
            assertThat(rule).containsEntry("FromPort", 5432).containsEntry("ToPort", 5432);
            assertThat(rule.get("SourceSecurityGroupId").toString())
                    .containsPattern("SecurityGroups(App|Worker|DbRotation|DbRoles)[0-9A-F]{8}");
        });
    }

    @Test
    @Requirement("SG-4")
    void redisTakes6379FromTheAppGroupsOnly() {
        assertThat(ingressTo("Redis")).hasSize(2).allSatisfy(rule -> {
            assertThat(rule).containsEntry("FromPort", 6379).containsEntry("ToPort", 6379);
            assertThat(rule.get("SourceSecurityGroupId").toString()).containsPattern("SecurityGroups(App|Worker)");
        });
    }

    @Test
    @Requirement("SG-5")
    void noOtherIngressFromTheInternetAnywhereAndNoCidrInsideTheVpc() {
        for (Template t : List.of(prod, dev)) {
            t.findResources("AWS::EC2::SecurityGroup").forEach((id, sg) -> {
                Object rules = props(sg).get("SecurityGroupIngress");
                if (rules == null) {
                    return;
                }
                for (Object r : (List<?>) rules) {
                    Map<?, ?> rule = (Map<?, ?>) r;
                    if (rule.containsKey("CidrIp") || rule.containsKey("CidrIpv6")) {
                        assertThat(id).as("only the ALB group is open to the internet").startsWith("SecurityGroupsAlb");
                        assertThat(rule.get("CidrIp")).isEqualTo("0.0.0.0/0");
                        assertThat(rule.get("FromPort")).isIn(443, 80);
                    }
                }
            });
            assertThat(t.findResources("AWS::EC2::SecurityGroupIngress").values())
                    .allSatisfy(r -> assertThat(props(r)).doesNotContainKeys("CidrIp", "CidrIpv6"));
        }
    }

    @Test
    @Requirement("HARD-9")
    void theEcrEndpointsLetThroughGuardDutysFargateAgentImageOnly() {
        // The agent's repository is AWS's, not ours: without this statement the endpoints' own-account
        // rule (aws:ResourceAccount) would refuse the sidecar's pull.
        Map<String, Map<String, Object>> endpoints = prod.findResources("AWS::EC2::VPCEndpoint", Map.of(
                "Properties", Map.of("VpcEndpointType", "Interface")));
        endpoints.values().forEach(e -> {
            String service = props(e).get("ServiceName").toString();
            String policy = String.valueOf(props(e).get("PolicyDocument"));
            if (service.contains("ecr.api") || service.contains("ecr.dkr")) {
                assertThat(policy).as(service).contains("Sid=GuardDutyFargateAgentImage")
                        .contains(":ecr:eu-west-3:665651866788:repository/aws-guardduty-agent-fargate")
                        .contains("Action=[ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]")
                        .contains("aws:PrincipalAccount");
            } else {
                assertThat(policy).as(service).doesNotContain("GuardDutyFargateAgentImage");
            }
        });
    }

    @Test
    @Requirement("SG-5")
    void dataStoresSendNothingOut() {
        for (String name : List.of("medical-saas-rds-sg", "medical-saas-redis-sg")) {
            prod.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                    "GroupName", name,
                    "SecurityGroupEgress", List.of(Match.objectLike(Map.of("CidrIp", "255.255.255.255/32")))));
        }
    }

    private static List<Map<String, Object>> ingressTo(String group) {
        List<Map<String, Object>> out = new ArrayList<>();
        prod.findResources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> {
            if (props(r).get("GroupId").toString().contains("SecurityGroups" + group)) {
                out.add(props(r));
            }
        });
        return out;
    }
}
