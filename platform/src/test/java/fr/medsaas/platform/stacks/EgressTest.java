package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.rules.network.InlineEgress;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.network.EndpointPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Egress no wider than the need (issue 14, item 3): groups, endpoint policies, dev's one exception. */
class EgressTest {
    private static Template prod;
    private static Template dev;
    private static List<Template> prodStacks;

    @BeforeAll
    static void synthesizeOnce() {
        MedSaasApp app = TestApps.app("prod");
        prod = TestApps.template(app.network());
        dev = TestApps.template(TestApps.app("dev").network());
        prodStacks = new ArrayList<>();
        for (Stack stack : app.stacks()) {
            prodStacks.add(TestApps.template(stack));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** Every egress rule of a group named {@code groupName}, embedded or separate, as text; the no-traffic placeholder left out. */
    @SuppressWarnings("unchecked")
    private static List<String> egressOf(Template t, String groupName) {
        List<String> out = new ArrayList<>();
        String logicalId = null;
        for (Map.Entry<String, Map<String, Object>> e : t.findResources("AWS::EC2::SecurityGroup").entrySet()) {
            if (groupName.equals(props(e.getValue()).get("GroupName"))) {
                logicalId = e.getKey();
                Object embedded = props(e.getValue()).get("SecurityGroupEgress");
                if (embedded != null) {
                    // The placeholder that keeps AWS's default allow-all away matches no packet
                    // (HARD-8, KeepInlineEgressTest): it is not a destination.
                    ((List<Object>) embedded).stream().map(Object::toString)
                            .filter(r -> !r.contains("CidrIp=" + InlineEgress.NO_TRAFFIC_CIDR)).forEach(out::add);
                }
            }
        }
        assertThat(logicalId).as(groupName).isNotNull();
        for (Map<String, Object> r : t.findResources("AWS::EC2::SecurityGroupEgress").values()) {
            if (props(r).get("GroupId").toString().contains(logicalId)) {
                out.add(props(r).toString());
            }
        }
        return out;
    }

    @Test
    @Requirement("SG-1")
    void theLoadBalancerSendsOnlyToTheAppOn8000() {
        List<String> egress = egressOf(prod, "medical-saas-alb-sg");
        assertThat(egress).singleElement().satisfies(r -> assertThat(r).contains("FromPort=8000").contains("ToPort=8000")
                .contains("SecurityGroupsApp"));
    }

    @Test
    @Requirement("SG-2")
    void prodHasNoEgressToTheWholeInternetInAnyStack() {
        for (Template t : prodStacks) {
            for (Map<String, Object> g : t.findResources("AWS::EC2::SecurityGroup").values()) {
                Object egress = props(g).get("SecurityGroupEgress");
                assertThat(String.valueOf(egress)).as(String.valueOf(props(g).get("GroupName"))).doesNotContain("0.0.0.0/0");
            }
            assertThat(t.findResources("AWS::EC2::SecurityGroupEgress").values())
                    .noneSatisfy(r -> assertThat(String.valueOf(props(r).get("CidrIp"))).isEqualTo("0.0.0.0/0"));
        }
    }

    @Test
    @Requirement("SG-2")
    void theTasksReachTheStoresTheEndpointsAndS3Only() {
        for (String group : List.of("medical-saas-app-sg", "medical-saas-worker-sg")) {
            List<String> egress = egressOf(prod, group);
            assertThat(egress).as(group).hasSize(5);
            assertThat(String.join("\n", egress)).as(group).contains("DestinationPrefixListId=pl-23ad484a")
                    .contains("SecurityGroupsDatabase").contains("SecurityGroupsRedis").contains("SecurityGroupsEndpoints");
        }
    }

    @Test
    @Requirement("HARD-9")
    void theTasksReachGuardDutysEndpointInTheVpcOn443OnlyWhenRuntimeMonitoringIsOn() {
        for (String group : List.of("medical-saas-app-sg", "medical-saas-worker-sg")) {
            // GuardDuty makes the guardduty-data endpoint and its group itself: the VPC's CIDR, 443 only.
            assertThat(egressOf(prod, group)).as(group).filteredOn(r -> r.contains("guardduty-data")).singleElement()
                    .satisfies(r -> assertThat(r).contains("FromPort=443").contains("ToPort=443")
                            .contains("CidrIp={Fn::GetAtt=[Vpc").contains("CidrBlock]}").contains("IpProtocol=tcp"));
        }
        // Off: no such rule.
        Stack stack = new Stack(new software.amazon.awscdk.App(), "Off");
        software.amazon.awscdk.services.ec2.Vpc vpc = software.amazon.awscdk.services.ec2.Vpc.Builder.create(stack, "Vpc").build();
        new fr.medsaas.platform.constructs.network.PlatformSecurityGroups(stack, "SecurityGroups",
                new fr.medsaas.platform.constructs.network.PlatformSecurityGroupsProps(vpc, "off", true, "pl-23ad484a",
                        List.of(), false));
        assertThat(Template.fromStack(stack).toJSON().toString()).doesNotContain("guardduty-data");
    }

    @Test
    @Requirement("HARD-3")
    void theFunctionsReachTheEndpointsAndTheirOneDestinationOnly() {
        List<String> rotation = egressOf(prod, "medical-saas-db-rotation-sg");
        assertThat(rotation).hasSize(2);
        assertThat(String.join("\n", rotation)).contains("SecurityGroupsDatabase").contains("SecurityGroupsEndpoints");
        List<String> builder = egressOf(prod, "medical-saas-secrets-builder-sg");
        assertThat(builder).hasSize(2);
        assertThat(String.join("\n", builder)).contains("pl-23ad484a").contains("SecurityGroupsEndpoints");
        List<String> roles = egressOf(prod, "medical-saas-db-roles-sg");
        assertThat(roles).hasSize(3);
        assertThat(String.join("\n", roles)).contains("SecurityGroupsDatabase").contains("pl-23ad484a")
                .contains("SecurityGroupsEndpoints");
    }

    @Test
    @Requirement("NET-5")
    void everyEndpointAdmitsOnlyThisAccount() {
        Map<String, Map<String, Object>> endpoints = prod.findResources("AWS::EC2::VPCEndpoint");
        assertThat(endpoints).hasSize(8);
        assertThat(endpoints.values()).allSatisfy(e -> {
            String policy = String.valueOf(props(e).get("PolicyDocument"));
            assertThat(policy).contains(EndpointPolicies.THIS_ACCOUNT).contains("aws:PrincipalAccount")
                    .contains("aws:ResourceAccount");
        });
        String s3 = endpoints.values().stream().filter(e -> "Gateway".equals(props(e).get("VpcEndpointType")))
                .map(e -> String.valueOf(props(e).get("PolicyDocument"))).findFirst().orElseThrow();
        assertThat(s3).contains("prod-eu-west-3-starport-layer-bucket/*").contains("cloudformation-custom-resource-response-euwest3/*")
                .doesNotContain("cloudformation-custom-resource-response-*");
    }

    @Test
    @Requirement("SG-2")
    void devWithoutEndpointsGoesToAwsThroughNatOn443Only() {
        // The one wide egress, listed in docs/security-model.md: no interface endpoints (dev's
        // choice, refused in prod), so AWS APIs are public addresses behind NAT.
        for (String group : List.of("medical-saas-dev-app-sg", "medical-saas-dev-worker-sg",
                "medical-saas-dev-db-rotation-sg", "medical-saas-dev-secrets-builder-sg", "medical-saas-dev-db-roles-sg")) {
            List<String> wide = egressOf(dev, group).stream().filter(r -> r.contains("0.0.0.0/0")).toList();
            assertThat(wide).as(group).singleElement().satisfies(r -> assertThat(r).contains("FromPort=443")
                    .contains("ToPort=443").contains("through NAT"));
        }
        assertThat(String.join("\n", egressOf(dev, "medical-saas-dev-alb-sg"))).doesNotContain("0.0.0.0/0");
    }
}
