package fr.medsaas.platform.aspects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.rules.network.InlineEgress;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Vpc;

/** HARD-8: every security group keeps an inline egress rule, so AWS never adds its default allow-all egress. */
class KeepInlineEgressTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    @Requirement("HARD-8")
    void everySecurityGroupOfEveryStackDeclaresInlineEgress(String env) {
        List<String> groups = new ArrayList<>();
        for (StackTemplate stack : TestApps.assembly(env).stacks()) {
            for (Map.Entry<String, JsonNode> r : stack.resources().entrySet()) {
                if ("AWS::EC2::SecurityGroup".equals(r.getValue().path("Type").asText())) {
                    groups.add(stack.stackName() + "/" + r.getKey());
                    assertThat(InlineEgress.declared(r.getValue().path("Properties")))
                            .as("%s/%s has no inline SecurityGroupEgress: AWS would give it the default allow-all rule",
                                    stack.stackName(), r.getKey())
                            .isTrue();
                }
            }
        }
        // The platform's nine groups at least (ALB, app, worker, stores, endpoints, three functions).
        assertThat(groups).as(env).hasSizeGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    @Requirement("HARD-8")
    void theNoTrafficPlaceholderStandsOnlyWhereNoInlineRuleDoes(String env) {
        for (StackTemplate stack : TestApps.assembly(env).stacks()) {
            for (JsonNode r : stack.resources().values()) {
                if (!"AWS::EC2::SecurityGroup".equals(r.path("Type").asText())) {
                    continue;
                }
                JsonNode egress = r.path("Properties").path("SecurityGroupEgress");
                long placeholders = 0;
                for (JsonNode rule : egress) {
                    placeholders += InlineEgress.isPlaceholder(rule) ? 1 : 0;
                }
                assertThat(placeholders).as(r.path("Properties").path("GroupName").asText()).isLessThanOrEqualTo(1);
                if (placeholders == 1) {
                    assertThat(egress).as("the placeholder with a real inline rule beside it is noise").hasSize(1);
                }
            }
        }
    }

    /** The CDK behaviour the aspect exists for: without it, a group whose rules are all separate has no inline egress. */
    @Test
    @Requirement("HARD-8")
    void withoutTheAspectCdkLeavesAGroupOfSeparateRulesToTheDefaultAllowAll() {
        assertThat(groupWithSeparateRuleOnly(false).path("SecurityGroupEgress").isMissingNode())
                .as("aws-cdk-lib removes its placeholder before writing a separate AWS::EC2::SecurityGroupEgress").isTrue();
        JsonNode fixed = groupWithSeparateRuleOnly(true).path("SecurityGroupEgress");
        assertThat(fixed).hasSize(1);
        assertThat(fixed.get(0).path("CidrIp").asText()).isEqualTo(InlineEgress.NO_TRAFFIC_CIDR);
        assertThat(fixed.get(0).path("IpProtocol").asText()).isEqualTo("icmp");
    }

    private static JsonNode groupWithSeparateRuleOnly(boolean aspect) {
        App app = new App();
        Stack stack = new Stack(app, "S");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").ipAddresses(IpAddresses.cidr("10.9.0.0/16")).maxAzs(1)
                .natGateways(0).subnetConfiguration(List.of()).build();
        SecurityGroup a = SecurityGroup.Builder.create(stack, "A").vpc(vpc).allowAllOutbound(false).build();
        SecurityGroup b = SecurityGroup.Builder.create(stack, "B").vpc(vpc).allowAllOutbound(false).build();
        a.addEgressRule(b, Port.tcp(5432), "to b");
        a.addEgressRule(Peer.prefixList("pl-12345678"), Port.tcp(443), "to a prefix list");
        if (aspect) {
            Aspects.of(app).add(new KeepInlineEgress());
        }
        Map<String, Map<String, Object>> groups = Template.fromStack(stack).findResources("AWS::EC2::SecurityGroup");
        for (Map<String, Object> g : groups.values()) {
            JsonNode props = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(g).path("Properties");
            if (props.path("GroupDescription").asText().startsWith("S/A")) {
                return props;
            }
        }
        throw new AssertionError("group A not found in " + groups.keySet());
    }
}
