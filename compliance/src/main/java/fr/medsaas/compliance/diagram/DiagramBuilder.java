package fr.medsaas.compliance.diagram;

import fr.medsaas.config.Plural;
import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.References;
import fr.medsaas.compliance.assembly.ResourceId;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.diagram.DiagramModel.Edge;
import fr.medsaas.compliance.diagram.DiagramModel.EdgeKind;
import fr.medsaas.compliance.diagram.DiagramModel.Group;
import fr.medsaas.compliance.diagram.DiagramModel.GroupKind;
import fr.medsaas.compliance.diagram.DiagramModel.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives the {@link DiagramModel} of an assembly from its templates alone: placement from the
 * subnets a resource uses, traffic edges from security-group rules, copies from replication and
 * backup rules, encryption from key references. No CDK call.
 */
public final class DiagramBuilder {
    private static final Map<String, String> REGION_NAMES = Map.of("eu-west-3", "Paris", "eu-central-1", "Frankfurt",
            "us-east-1", "N. Virginia", "eu-west-1", "Ireland");
    /** Relations drawn between two drawn resources: source type, target type, label, and the property read (all when empty). */
    private static final List<String[]> CONTROL_EDGES = List.of(
            new String[] {"AWS::CloudTrail::Trail", "AWS::S3::Bucket", "trail logs", "S3BucketName"},
            new String[] {"AWS::CloudTrail::Trail", Kind.LOG_BUCKET, "trail logs", "S3BucketName"},
            new String[] {"AWS::CloudWatch::Alarm", "AWS::SNS::Topic", "notifies"},
            new String[] {"AWS::CloudWatch::CompositeAlarm", "AWS::SNS::Topic", "notifies"},
            new String[] {"AWS::CodePipeline::Pipeline", "AWS::CodeBuild::Project", "builds"},
            new String[] {"AWS::CodeBuild::Project", "AWS::ECR::Repository", "pushes"},
            new String[] {"AWS::ECS::Service", "AWS::ECR::Repository", "pulls image"},
            new String[] {"AWS::GuardDuty::Detector", "AWS::SNS::Topic", "findings"});

    /** Types drawn as the boxes that hold the rest, not as nodes. */
    private static final Set<String> DRAWN_AS_GROUPS = Set.of("AWS::EC2::VPC", "AWS::EC2::Subnet");

    private final CloudAssembly assembly;
    private final References refs;
    private final ResourceGraph graph;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<ResourceId, String> nodeOf = new LinkedHashMap<>();
    private final Map<String, List<ResourceId>> members = new LinkedHashMap<>();
    private final Map<String, Kind> kindOf = new LinkedHashMap<>();
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Map<ResourceId, String> typeOf = new LinkedHashMap<>();
    private final Map<String, Integer> hidden = new TreeMap<>();
    private final Map<String, Edge> edges = new LinkedHashMap<>();

    private DiagramBuilder(CloudAssembly assembly) {
        this.assembly = assembly;
        this.refs = new References(assembly);
        this.graph = ResourceGraph.of(assembly);
    }

    /** The diagram model of {@code assembly}. */
    public static DiagramModel build(CloudAssembly assembly) {
        return new DiagramBuilder(assembly).run();
    }

    private DiagramModel run() {
        for (var s : assembly.stacks()) {
            for (var e : s.resources().entrySet()) {
                ResourceId id = new ResourceId(s.stackName(), e.getKey());
                String type = effectiveType(id, e.getValue());
                typeOf.put(id, type);
                Optional<Kind> kind = Kind.of(type).filter(k -> !isPlumbing(id, type));
                if (kind.isEmpty()) {
                    if (!DRAWN_AS_GROUPS.contains(type)) {
                        hidden.merge(e.getValue().path("Type").asText(), 1, Integer::sum);
                    }
                    continue;
                }
                place(id, s.region(), type, kind.get());
            }
        }
        trafficEdges();
        typedEdges();
        return new DiagramModel(List.copyOf(groups.values()), nodes(), List.copyOf(edges.values()), groupedCounts(),
                Map.copyOf(hidden));
    }

    private String effectiveType(ResourceId id, JsonNode r) {
        String type = r.path("Type").asText();
        if (type.equals("AWS::S3::Bucket")) {
            String name = (r.path("Properties").path("BucketName").asText("") + " " + id.logicalId()).toLowerCase(Locale.ROOT);
            if (name.contains("log")) {
                return Kind.LOG_BUCKET;
            }
        }
        return type;
    }

    /** Custom-resource providers are plumbing even though they are Lambda functions. */
    private static boolean isPlumbing(ResourceId id, String type) {
        return type.equals("AWS::Lambda::Function") && (id.logicalId().contains("CustomResourceProvider")
                || id.logicalId().startsWith("Custom") || id.logicalId().contains("Provider"));
    }

    private void place(ResourceId id, String region, String type, Kind kind) {
        String container;
        if (type.equals("AWS::CloudFront::Distribution")) {
            container = group("global", "Global edge (CloudFront points of presence)", GroupKind.REGION, "");
        } else {
            container = regionGroup(region);
            Optional<String[]> tier = tierOf(id);
            if (tier.isPresent()) {
                container = tier.get()[1].isEmpty() ? tier.get()[0] : tier.get()[1];
            }
        }
        String nodeId;
        if (kind.display() == Kind.Display.GROUPED) {
            nodeId = container + "_" + sanitize(kind.name()) + ("AWS::EC2::VPCEndpoint".equals(type) ? endpointType(id) : "");
        } else {
            nodeId = sanitize(id.stackName().replaceFirst("^.*?-.*?-", "") + "_" + id.logicalId());
        }
        nodeOf.put(id, nodeId);
        members.computeIfAbsent(nodeId, k -> new ArrayList<>()).add(id);
        kindOf.put(nodeId, kind);
        groupOf.put(nodeId, container);
    }

    private String endpointType(ResourceId id) {
        return refs.resource(id).path("Properties").path("VpcEndpointType").asText("Gateway");
    }

    private String regionGroup(String region) {
        String name = REGION_NAMES.get(region);
        return group("r_" + sanitize(region), region + (name == null ? "" : " (" + name + ")"), GroupKind.REGION, "");
    }

    private String group(String id, String label, GroupKind kind, String parent) {
        groups.putIfAbsent(id, new Group(id, label, kind, parent));
        return id;
    }

    /** The VPC group and tier group of a resource placed in subnets (tier empty when only the VPC is known). */
    private Optional<String[]> tierOf(ResourceId id) {
        Set<ResourceId> reach = new LinkedHashSet<>(refs.of(id));
        for (ResourceId r : List.copyOf(reach)) {
            String t = refs.type(r);
            if (t.endsWith("SubnetGroup")) {
                reach.addAll(refs.of(r));
            }
        }
        Optional<ResourceId> subnet = reach.stream().filter(r -> refs.type(r).equals("AWS::EC2::Subnet")).findFirst();
        Optional<ResourceId> vpc = subnet.map(s -> refs.of(s).stream().filter(r -> refs.type(r).equals("AWS::EC2::VPC")).findFirst())
                .orElseGet(() -> reach.stream().filter(r -> refs.type(r).equals("AWS::EC2::VPC")).findFirst());
        if (vpc.isEmpty()) {
            return Optional.empty();
        }
        String vpcGroup = vpcGroup(vpc.get());
        if (subnet.isEmpty()) {
            return Optional.of(new String[] {vpcGroup, ""});
        }
        String tier = subnetTier(subnet.get());
        List<String> cidrs = new ArrayList<>();
        Set<String> zones = new LinkedHashSet<>();
        for (ResourceId r : refs.all()) {
            if (r.stackName().equals(vpc.get().stackName()) && refs.type(r).equals("AWS::EC2::Subnet") && subnetTier(r).equals(tier)) {
                JsonNode p = refs.resource(r).path("Properties");
                cidrs.add(p.path("CidrBlock").asText());
                zones.add(p.path("AvailabilityZone").toString());
            }
        }
        String label = tier + " subnets · " + cidrRange(cidrs) + " · " + Plural.of(zones.size(), "AZ");
        return Optional.of(new String[] {vpcGroup, group(vpcGroup + "_" + sanitize(tier), label, GroupKind.TIER, vpcGroup)});
    }

    /** {@code 10.0.1.0/24, 10.0.2.0/24, 10.0.3.0/24} reads {@code 10.0.1–3.0/24}. */
    static String cidrRange(List<String> cidrs) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(\\d+\\.\\d+)\\.(\\d+)\\.0/(\\d+)");
        Set<String> heads = new LinkedHashSet<>();
        Set<String> masks = new LinkedHashSet<>();
        List<Integer> thirds = new ArrayList<>();
        for (String c : cidrs) {
            var m = p.matcher(c);
            if (!m.matches()) {
                return String.join(", ", cidrs);
            }
            heads.add(m.group(1));
            thirds.add(Integer.parseInt(m.group(2)));
            masks.add(m.group(3));
        }
        if (heads.size() != 1 || masks.size() != 1 || thirds.size() < 2) {
            return String.join(", ", cidrs);
        }
        java.util.Collections.sort(thirds);
        boolean consecutive = thirds.get(thirds.size() - 1) - thirds.get(0) == thirds.size() - 1;
        return consecutive ? heads.iterator().next() + "." + thirds.get(0) + "–" + thirds.get(thirds.size() - 1) + ".0/" + masks.iterator().next()
                : String.join(", ", cidrs);
    }

    private String subnetTier(ResourceId subnet) {
        for (JsonNode tag : refs.resource(subnet).path("Properties").path("Tags")) {
            if (tag.path("Key").asText().equals("aws-cdk:subnet-name")) {
                return tag.path("Value").asText();
            }
        }
        return "subnets";
    }

    private String vpcGroup(ResourceId vpc) {
        String region = assembly.stacks().stream().filter(s -> s.stackName().equals(vpc.stackName())).findFirst()
                .map(s -> s.region()).orElse("");
        JsonNode p = refs.resource(vpc).path("Properties");
        String name = "";
        for (JsonNode tag : p.path("Tags")) {
            if (tag.path("Key").asText().equals("Name")) {
                name = tag.path("Value").asText();
            }
        }
        String label = "VPC " + (name.isEmpty() ? vpc.logicalId() : name) + " · " + p.path("CidrBlock").asText();
        return group("vpc_" + sanitize(vpc.logicalId()), label, GroupKind.VPC, regionGroup(region));
    }

    private void trafficEdges() {
        Map<ResourceId, Set<String>> users = new LinkedHashMap<>();
        for (var e : nodeOf.entrySet()) {
            for (ResourceId r : partsRefs(e.getKey())) {
                if (refs.type(r).equals("AWS::EC2::SecurityGroup")) {
                    users.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(e.getValue());
                }
            }
        }
        for (ResourceId id : refs.all()) {
            JsonNode p = refs.resource(id).path("Properties");
            String type = refs.type(id);
            Optional<ResourceId> from = Optional.empty();
            Optional<ResourceId> to = Optional.empty();
            if (type.equals("AWS::EC2::SecurityGroupIngress")) {
                from = first(id.stackName(), p.path("SourceSecurityGroupId"));
                to = first(id.stackName(), p.path("GroupId"));
            } else if (type.equals("AWS::EC2::SecurityGroupEgress")) {
                from = first(id.stackName(), p.path("GroupId"));
                to = first(id.stackName(), p.path("DestinationSecurityGroupId"));
            }
            if (from.isPresent() && to.isPresent()) {
                String port = p.path("FromPort").asText("");
                for (String a : users.getOrDefault(from.get(), Set.of())) {
                    for (String b : users.getOrDefault(to.get(), Set.of())) {
                        edge(a, b, port, EdgeKind.TRAFFIC);
                    }
                }
            }
        }
    }

    private Optional<ResourceId> first(String stack, JsonNode node) {
        return refs.in(stack, node).stream().findFirst();
    }

    /** What a drawn resource refers to, counting the parts drawn with it (an ECS service's task definition). */
    private Set<ResourceId> partsRefs(ResourceId id) {
        Set<ResourceId> out = new LinkedHashSet<>(refs.of(id));
        for (ResourceId r : List.copyOf(out)) {
            if (refs.type(r).equals("AWS::ECS::TaskDefinition")) {
                out.addAll(refs.of(r));
            }
        }
        return out;
    }

    private void typedEdges() {
        for (var e : nodeOf.entrySet()) {
            ResourceId id = e.getKey();
            String node = e.getValue();
            String type = typeOf.get(id);
            JsonNode p = refs.resource(id).path("Properties");
            if (type.equals("AWS::CloudFront::Distribution")) {
                edge(DiagramModel.INTERNET, node, "443", EdgeKind.TRAFFIC);
                for (ResourceId r : refs.in(id.stackName(), p.path("DistributionConfig").path("Origins"))) {
                    target(r).ifPresent(t -> edge(node, t, "origin", EdgeKind.TRAFFIC));
                }
                for (ResourceId r : refs.in(id.stackName(), p.path("DistributionConfig").path("WebACLId"))) {
                    target(r).ifPresent(t -> edge(t, node, "filters", EdgeKind.CONTROL));
                }
            }
            if (type.equals("AWS::ElasticLoadBalancingV2::LoadBalancer") && !"internal".equals(p.path("Scheme").asText())) {
                edge(DiagramModel.INTERNET, node, "443", EdgeKind.TRAFFIC);
            }
            if (type.equals("AWS::S3::Bucket") || type.equals(Kind.LOG_BUCKET)) {
                for (ResourceId r : refs.in(id.stackName(), p.path("ReplicationConfiguration"))) {
                    target(r).filter(t -> t.equals(nodeOf.get(r)) && typeOf.get(r).equals(type))
                            .ifPresent(t -> edge(node, t, "replicates", EdgeKind.COPY));
                }
            }
            if (type.equals("AWS::Backup::BackupPlan")) {
                for (JsonNode rule : p.path("BackupPlan").path("BackupPlanRule")) {
                    refs.in(id.stackName(), rule.path("TargetBackupVault")).forEach(r -> target(r)
                            .ifPresent(t -> edge(node, t, "backs up to", EdgeKind.COPY)));
                    for (JsonNode copy : rule.path("CopyActions")) {
                        // The destination as the residency rules resolve it (Copies): by reference, or
                        // by the vault's name and the ARN's region, since both regions' vaults may share a name.
                        Optional<ResourceId> dest = graph.destination(resource(id), copy.path("DestinationBackupVaultArn"))
                                .map(r -> new ResourceId(r.stack().stackName(), r.logicalId()));
                        refs.in(id.stackName(), rule.path("TargetBackupVault")).forEach(src -> target(src)
                                .ifPresent(s -> dest.flatMap(this::target).ifPresent(t -> edge(s, t, "copies to", EdgeKind.COPY))));
                    }
                }
            }
            if (type.equals("AWS::KMS::ReplicaKey")) {
                refs.in(id.stackName(), p.path("PrimaryKeyArn")).forEach(r -> target(r)
                        .ifPresent(t -> edge(t, node, "replica", EdgeKind.COPY)));
            }
            boolean isKey = type.startsWith("AWS::KMS::");
            for (ResourceId r : partsRefs(id)) {
                String rt = typeOf.getOrDefault(r, "");
                if (!isKey && (rt.equals("AWS::KMS::Key") || rt.equals("AWS::KMS::ReplicaKey"))) {
                    target(r).ifPresent(t -> edge(t, node, "encrypts", EdgeKind.ENCRYPTS));
                }
                for (String[] c : CONTROL_EDGES) {
                    boolean read = c.length < 4 || refs.in(id.stackName(), p.path(c[3])).contains(r);
                    if (c[0].equals(type) && c[1].equals(rt) && read) {
                        target(r).ifPresent(t -> edge(node, t, c[2], EdgeKind.CONTROL));
                    }
                }
            }
        }
        for (ResourceId id : refs.all()) {
            if (refs.type(id).equals("AWS::WAFv2::WebACLAssociation")) {
                JsonNode p = refs.resource(id).path("Properties");
                Optional<String> acl = first(id.stackName(), p.path("WebACLArn")).flatMap(this::target);
                Optional<String> res = first(id.stackName(), p.path("ResourceArn")).flatMap(this::target);
                if (acl.isPresent() && res.isPresent()) {
                    edge(acl.get(), res.get(), "filters", EdgeKind.CONTROL);
                }
            }
        }
    }

    private Resource resource(ResourceId id) {
        return graph.stacks().stream().filter(s -> s.stackName().equals(id.stackName())).findFirst()
                .flatMap(s -> graph.get(s, id.logicalId())).orElseThrow();
    }

    private Optional<String> target(ResourceId id) {
        return Optional.ofNullable(nodeOf.get(id));
    }

    private void edge(String from, String to, String label, EdgeKind kind) {
        if (from.equals(to)) {
            return;
        }
        String key = from + ">" + to + ">" + kind;
        Edge old = edges.get(key);
        if (old == null) {
            edges.put(key, new Edge(from, to, label, kind));
        } else if (!old.label().contains(label)) {
            edges.put(key, new Edge(from, to, old.label() + ", " + label, kind));
        }
    }

    private List<Node> nodes() {
        List<Node> out = new ArrayList<>();
        if (edges.values().stream().anyMatch(e -> e.from().equals(DiagramModel.INTERNET))) {
            out.add(new Node(DiagramModel.INTERNET, new Kind("Internet", "WWW", "#232f3e", Kind.Display.SHOWN),
                    "Internet", "patients and practitioners", List.of(), "", 1));
        }
        for (var e : members.entrySet()) {
            String id = e.getKey();
            List<ResourceId> rs = e.getValue();
            Kind kind = kindOf.get(id);
            List<String> keys = edges.values().stream().filter(x -> x.kind() == EdgeKind.ENCRYPTS && x.to().equals(id))
                    .flatMap(x -> members.get(x.from()).stream()).filter(k -> encrypts(k, rs)).map(this::name).distinct().toList();
            String label;
            String detail;
            if (kind.display() == Kind.Display.GROUPED) {
                String kname = "AWS::EC2::VPCEndpoint".equals(refs.type(rs.get(0))) ? endpointType(rs.get(0)) + " endpoint" : kind.name();
                label = rs.size() == 1 ? kname : rs.size() + " × " + kname + "s";
                detail = "AWS::EC2::NatGateway".equals(refs.type(rs.get(0))) ? "one per AZ, each with an Elastic IP"
                        : String.join(", ", rs.stream().map(this::name).distinct().toList());
            } else {
                String name = name(rs.get(0));
                boolean physical = !name.equals(logicalName(rs.get(0)));
                label = physical ? name : kind.name();
                detail = detail(rs.get(0));
            }
            out.add(new Node(id, kind, label, detail, keys, groupOf.get(id), rs.size()));
        }
        return out;
    }

    private boolean encrypts(ResourceId key, List<ResourceId> stores) {
        return stores.stream().anyMatch(s -> partsRefs(s).contains(key));
    }

    /** A resource's readable name: its physical name when set, else its logical id without CDK's hash. */
    String name(ResourceId id) {
        JsonNode r = refs.resource(id);
        JsonNode p = r.path("Properties");
        String type = refs.type(id);
        if (type.equals("AWS::KMS::Key") || type.equals("AWS::KMS::ReplicaKey")) {
            for (ResourceId other : refs.all()) {
                if (refs.type(other).equals("AWS::KMS::Alias") && refs.of(other).contains(id)) {
                    return refs.resource(other).path("Properties").path("AliasName").asText().replace("alias/", "");
                }
            }
        }
        if (type.equals("AWS::EC2::VPCEndpoint")) {
            String service = p.path("ServiceName").toString().replaceAll("[\"\\]}]", "");
            return service.substring(service.lastIndexOf("com.amazonaws.") < 0 ? 0 : service.indexOf('.', service.lastIndexOf("com.amazonaws.") + 14) + 1)
                    .replaceAll("^[a-z]+-[a-z]+-\\d\\.", "");
        }
        for (String key : List.of("ServiceName", "DBInstanceIdentifier", "DBClusterIdentifier", "ReplicationGroupId",
                "BucketName", "BackupVaultName", "RepositoryName", "TopicName", "TrailName", "DashboardName", "AlarmName",
                "ConfigRuleName", "Name", "FunctionName", "LogGroupName")) {
            if (p.path(key).isTextual()) {
                return p.path(key).asText();
            }
        }
        if (p.path("BackupPlan").path("BackupPlanName").isTextual()) {
            return p.path("BackupPlan").path("BackupPlanName").asText();
        }
        return logicalName(id);
    }

    private static String logicalName(ResourceId id) {
        return id.logicalId().replaceAll("[0-9A-F]{8}$", "");
    }

    private String detail(ResourceId id) {
        JsonNode p = refs.resource(id).path("Properties");
        switch (refs.type(id)) {
            case "AWS::RDS::DBInstance":
                return p.path("Engine").asText() + " " + p.path("EngineVersion").asText() + " · " + p.path("DBInstanceClass").asText()
                        + (p.path("MultiAZ").asBoolean() ? " · Multi-AZ" : "") + " · " + p.path("AllocatedStorage").asText() + " GB";
            case "AWS::ElastiCache::ReplicationGroup":
                return p.path("Engine").asText() + " " + p.path("EngineVersion").asText() + " · " + p.path("NumCacheClusters").asText("1")
                        + " × " + p.path("CacheNodeType").asText();
            case "AWS::ECS::Service": {
                JsonNode td = refs.in(id.stackName(), p.path("TaskDefinition")).stream().findFirst()
                        .map(t -> refs.resource(t).path("Properties")).orElse(p);
                String tasks = p.path("DesiredCount").asText("1");
                return p.path("LaunchType").asText("FARGATE").toLowerCase(Locale.ROOT) + " · " + tasks
                        + (tasks.equals("1") ? " task × " : " tasks × ") + td.path("Cpu").asText() + " CPU units / " + td.path("Memory").asText() + " MiB";
            }
            case "AWS::ElasticLoadBalancingV2::LoadBalancer":
                return p.path("Type").asText("application") + " · " + p.path("Scheme").asText("internet-facing");
            case "AWS::CloudFront::Distribution":
                return p.path("DistributionConfig").path("PriceClass").asText("PriceClass_All");
            case "AWS::WAFv2::WebACL":
                return p.path("Scope").asText() + " · " + Plural.of(p.path("Rules").size(), "rule");
            default:
                return "";
        }
    }

    private Map<String, Integer> groupedCounts() {
        Map<String, Integer> out = new TreeMap<>();
        members.forEach((id, rs) -> {
            if (kindOf.get(id).display() == Kind.Display.GROUPED && rs.size() > 1) {
                out.merge(kindOf.get(id).name(), rs.size(), Integer::sum);
            }
        });
        refs.all().stream().filter(r -> refs.type(r).equals("AWS::EC2::Subnet"))
                .forEach(r -> out.merge("Subnet (drawn as its tier)", 1, Integer::sum));
        return out;
    }

    static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9]+", "_");
    }
}
