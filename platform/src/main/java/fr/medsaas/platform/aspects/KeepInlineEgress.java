package fr.medsaas.platform.aspects;

import fr.medsaas.compliance.rules.network.InlineEgress;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.constructs.IConstruct;

/**
 * Keeps an inline egress rule on every security group (HARD-8), whatever CDK did to it.
 *
 * <p>With {@code allowAllOutbound(false)}, aws-cdk-lib's {@code SecurityGroup.addEgressRule}
 * removes its "Disallow all traffic" placeholder before it writes a rule to another group or a
 * prefix list as a separate {@code AWS::EC2::SecurityGroupEgress}. A group created with no
 * {@code SecurityGroupEgress} gets AWS's default rule that allows all outbound traffic, and the
 * separate rules are added beside it, never instead of it: the least-privilege egress would be
 * void in a real account. This aspect puts the placeholder back on every group whose inline egress
 * is empty when the app is prepared (the separate rules still apply: the placeholder matches no
 * traffic). Groups with inline rules already lose AWS's default rule.
 */
public final class KeepInlineEgress implements IAspect {
    @Override
    public void visit(IConstruct node) {
        if (!(node instanceof CfnSecurityGroup group)) {
            return;
        }
        Object egress = Stack.of(group).resolve(group.getSecurityGroupEgress());
        if (egress == null || egress instanceof List<?> rules && rules.isEmpty()) {
            group.addPropertyOverride("SecurityGroupEgress", List.of(placeholder()));
        }
    }

    private static Map<String, Object> placeholder() {
        // The order CDK writes it in, so that a template reads the same whoever wrote the rule.
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("CidrIp", InlineEgress.NO_TRAFFIC_CIDR);
        rule.put("Description", InlineEgress.NO_TRAFFIC_DESCRIPTION);
        rule.put("FromPort", InlineEgress.NO_TRAFFIC_FROM_PORT);
        rule.put("IpProtocol", "icmp");
        rule.put("ToPort", InlineEgress.NO_TRAFFIC_TO_PORT);
        return rule;
    }
}
