package fr.medsaas.compliance.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No security group lets 0.0.0.0/0 or ::/0 reach a data port (databases, caches, search, file
 * systems, warehouses), inline or through a separate {@code AWS::EC2::SecurityGroupIngress}.
 */
public final class NoDataPortOpenToTheWorld implements Rule {
    /** The ports of the stores of the catalogue, by port. */
    static final Map<Integer, String> DATA_PORTS = Map.ofEntries(Map.entry(5432, "PostgreSQL"), Map.entry(3306, "MySQL"),
            Map.entry(1433, "SQL Server"), Map.entry(1521, "Oracle"), Map.entry(6379, "Redis"), Map.entry(11211, "Memcached"),
            Map.entry(27017, "DocumentDB"), Map.entry(9200, "OpenSearch"), Map.entry(8182, "Neptune"),
            Map.entry(5439, "Redshift"), Map.entry(2049, "NFS (EFS)"), Map.entry(445, "SMB (FSx)"));

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource sg : g.ofType("AWS::EC2::SecurityGroup")) {
            List<String> open = new ArrayList<>();
            for (JsonNode rule : sg.property("SecurityGroupIngress")) {
                open.addAll(openDataPorts(rule));
            }
            for (Resource ingress : g.referrers(sg, "AWS::EC2::SecurityGroupIngress")) {
                if (g.resolve(ingress, ingress.property("GroupId")).filter(sg::equals).isPresent()) {
                    open.addAll(openDataPorts(ingress.properties()));
                }
            }
            out.add(open.isEmpty() ? Outcome.pass(sg, "no data port open to the internet")
                    : Outcome.fail(sg, "open to the internet on " + String.join(", ", open)));
        }
        for (Resource ingress : g.ofType("AWS::EC2::SecurityGroupIngress")) {
            if (g.resolve(ingress, ingress.property("GroupId")).isEmpty()) {
                List<String> open = openDataPorts(ingress.properties());
                out.add(open.isEmpty() ? Outcome.pass(ingress, "no data port open to the internet")
                        : Outcome.fail(ingress, "open to the internet on " + String.join(", ", open)));
            }
        }
        return out;
    }

    private static List<String> openDataPorts(JsonNode rule) {
        String cidr = rule.path("CidrIp").asText("");
        String cidr6 = rule.path("CidrIpv6").asText("");
        if (!cidr.equals("0.0.0.0/0") && !cidr6.equals("::/0")) {
            return List.of();
        }
        String protocol = rule.path("IpProtocol").asText("");
        boolean all = protocol.equals("-1") || protocol.equals("all");
        if (!all && !protocol.equals("tcp") && !protocol.equals("6")) {
            return List.of();
        }
        int from = all ? 0 : rule.path("FromPort").asInt(0);
        int to = all ? 65535 : rule.path("ToPort").asInt(from);
        String source = cidr.equals("0.0.0.0/0") ? "0.0.0.0/0" : "::/0";
        return DATA_PORTS.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " (" + e.getValue() + ") from " + source).toList();
    }
}
