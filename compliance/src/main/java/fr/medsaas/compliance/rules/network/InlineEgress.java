package fr.medsaas.compliance.rules.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What AWS does with a security group's egress (HARD-8), written once for the platform, the rules
 * and the audit: a group created without inline {@code SecurityGroupEgress} gets the default rule
 * that allows all outbound traffic, and separate {@code AWS::EC2::SecurityGroupEgress} resources are
 * added beside that rule, never instead of it. A group that must send nothing inline carries the
 * placeholder below, which matches no traffic (CDK's own "Disallow all traffic" rule).
 */
public final class InlineEgress {
    /** The placeholder's destination: the limited broadcast address, never routed. */
    public static final String NO_TRAFFIC_CIDR = "255.255.255.255/32";
    /** The placeholder's description, as CDK writes it. */
    public static final String NO_TRAFFIC_DESCRIPTION = "Disallow all traffic";
    /** The placeholder's ICMP type (an unassigned one). */
    public static final int NO_TRAFFIC_FROM_PORT = 252;
    /** The placeholder's ICMP code. */
    public static final int NO_TRAFFIC_TO_PORT = 86;

    private InlineEgress() {
    }

    /**
     * Whether a security group's properties declare inline egress, so that AWS does not add its
     * default allow-all rule. {@code null} when it cannot be told from the template (the list is
     * an intrinsic function, e.g. {@code Fn::If}).
     */
    public static Boolean declared(JsonNode properties) {
        JsonNode egress = properties == null ? null : properties.get("SecurityGroupEgress");
        if (egress == null || egress.isNull()) {
            return false;
        }
        if (egress.isArray()) {
            return !egress.isEmpty();
        }
        return null;
    }

    /** Whether an egress rule (inline or separate) is the no-traffic placeholder. */
    public static boolean isPlaceholder(JsonNode rule) {
        return NO_TRAFFIC_CIDR.equals(rule.path("CidrIp").asText(null));
    }
}
