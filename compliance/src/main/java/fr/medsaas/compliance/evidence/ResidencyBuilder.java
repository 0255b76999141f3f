package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Regions;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.evidence.EvidenceReport.Crossing;
import fr.medsaas.compliance.evidence.EvidenceReport.Residency;
import fr.medsaas.compliance.evidence.EvidenceReport.Store;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the data lives (CMPL-5): every store and copy of the templates with its region, key,
 * retention and readers, and what crosses the EEA border. Any type of {@link Stores#TYPES} (keys
 * aside) and CloudFront caches count, in whatever stack they appear.
 */
public final class ResidencyBuilder {
    /** A CloudFront distribution caches what it serves: a copy at the edge. */
    static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    /** CloudFront's managed CachingDisabled cache policy: TTLs of 0, nothing held at the edge. */
    public static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final List<String> NAME_PROPERTIES = List.of("BucketName", "DBInstanceIdentifier",
            "DBClusterIdentifier", "ReplicationGroupId", "LogGroupName", "BackupVaultName", "TableName", "QueueName",
            "TopicName", "RepositoryName", "Name", "TrailName", "DeliveryStreamName", "DomainName");
    private static final Set<String> PLUMBING = Set.of("AWS::CDK::Metadata");

    private ResidencyBuilder() {
    }

    /** The residency of the templates in {@code graph}. */
    public static Residency of(ResourceGraph graph) {
        List<Store> stores = new ArrayList<>();
        List<Crossing> crossings = new ArrayList<>();
        for (Resource r : graph.resources()) {
            boolean store = (Stores.TYPES.contains(r.type()) && !r.type().startsWith("AWS::KMS::"))
                    || (r.type().equals(DISTRIBUTION) && !cachesNothing(r));
            Optional<String> region = Regions.of(r);
            if (store) {
                String where = r.type().equals(DISTRIBUTION) ? "edge" : region.orElse("unknown");
                boolean inEea = !r.type().equals(DISTRIBUTION) && region.map(Regions::inEea).orElse(false);
                stores.add(new Store(r.stack().stackName(), r.logicalId(), r.type(), name(r), where, inEea,
                        healthData(graph, r), key(graph, r), retention(graph, r), readers(graph, r)));
            }
            if (region.isPresent() && !Regions.inEea(region.get()) && !plumbing(r.type())) {
                crossings.add(new Crossing("resource-outside-eea", r.stack().stackName(), r.logicalId(), r.type(),
                        region.get(), r.type(), Stores.TYPES.contains(r.type()) && !r.type().startsWith("AWS::KMS::")));
            }
            if (r.type().equals(DISTRIBUTION)) {
                String priceClass = r.property("DistributionConfig").path("PriceClass").asText("PriceClass_All");
                // Without caching, edges relay requests and hold nothing: a crossing in transit only.
                crossings.add(cachesNothing(r)
                        ? new Crossing("edge-no-cache", r.stack().stackName(), r.logicalId(), r.type(), "edge", priceClass, false)
                        : new Crossing("edge-locations", r.stack().stackName(), r.logicalId(), r.type(), "edge",
                                priceClass, healthData(graph, r)));
            }
        }
        crossings.add(new Crossing("provider-law", "", "", "", "", "AWS (CloudFormation)", false));
        stores.sort(java.util.Comparator.comparing(s -> !s.healthData()));
        // Edge caches are not stores in a region: their crossing is listed and stated apart.
        boolean outside = stores.stream().anyMatch(s -> s.healthData() && !s.inEea() && !s.region().equals("edge"));
        return new Residency(stores, crossings, outside);
    }

    /** Whether every cache behaviour of a distribution uses the managed CachingDisabled policy (HARD-11). */
    static boolean cachesNothing(Resource distribution) {
        JsonNode dc = distribution.property("DistributionConfig");
        List<JsonNode> behaviours = new ArrayList<>(List.of(dc.path("DefaultCacheBehavior")));
        dc.path("CacheBehaviors").forEach(behaviours::add);
        return behaviours.stream().allMatch(b -> CACHING_DISABLED.equals(b.path("CachePolicyId").asText()));
    }

    /** Tagged as health data, or a CloudFront cache of a health-data origin (a copy of it at the edge). */
    private static boolean healthData(ResourceGraph graph, Resource r) {
        if (Stores.isHealthData(r)) {
            return true;
        }
        return r.type().equals(DISTRIBUTION)
                && graph.referencesIn(r, r.property("DistributionConfig").path("Origins")).stream().anyMatch(Stores::isHealthData);
    }

    private static boolean plumbing(String type) {
        return PLUMBING.contains(type) || type.startsWith("AWS::IAM::") || type.startsWith("Custom::");
    }

    private static String name(Resource r) {
        for (String p : NAME_PROPERTIES) {
            JsonNode n = r.property(p);
            if (n.isTextual()) {
                return n.asText();
            }
        }
        return r.logicalId();
    }

    private static Optional<String> key(ResourceGraph graph, Resource r) {
        return Stores.customerKey(r).map(k -> graph.resolve(r, k)
                .map(key -> key.stack().stackName() + "/" + key.logicalId() + key.region().map(g -> " (" + g + ")").orElse(""))
                .orElse(k.isTextual() ? k.asText() : k.toString()));
    }

    private static Optional<String> retention(ResourceGraph graph, Resource r) {
        switch (r.type()) {
            case "AWS::Logs::LogGroup": {
                JsonNode days = r.property("RetentionInDays");
                return Optional.of(days.isMissingNode() ? "never" : "logs " + days.asText());
            }
            case "AWS::S3::Bucket": {
                List<String> parts = new ArrayList<>();
                for (JsonNode rule : r.property("LifecycleConfiguration").path("Rules")) {
                    if (!"Enabled".equals(rule.path("Status").asText("Enabled"))) {
                        continue;
                    }
                    if (rule.has("ExpirationInDays")) {
                        parts.add("objects " + rule.path("ExpirationInDays").asText());
                    }
                    JsonNode nv = rule.path("NoncurrentVersionExpiration").path("NoncurrentDays");
                    if (!nv.isMissingNode()) {
                        parts.add("versions " + nv.asText());
                    } else if (rule.has("NoncurrentVersionExpirationInDays")) {
                        parts.add("versions " + rule.path("NoncurrentVersionExpirationInDays").asText());
                    }
                }
                return parts.isEmpty() ? Optional.of("no-expiry") : Optional.of(String.join(", ", new LinkedHashSet<>(parts)));
            }
            case "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::DocDB::DBCluster": {
                JsonNode days = r.property("BackupRetentionPeriod");
                return days.isMissingNode() ? Optional.empty() : Optional.of("backups " + days.asText());
            }
            case "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster": {
                JsonNode days = r.property("SnapshotRetentionLimit");
                return days.isMissingNode() ? Optional.empty() : Optional.of("snapshots " + days.asText());
            }
            case "AWS::Backup::BackupVault": {
                List<String> parts = new ArrayList<>();
                for (Resource plan : graph.referrers(r, "AWS::Backup::BackupPlan")) {
                    for (JsonNode rule : plan.property("BackupPlan").path("BackupPlanRule")) {
                        if (graph.resolve(plan, rule.path("TargetBackupVault")).filter(r::equals).isPresent()) {
                            days(rule).ifPresent(d -> parts.add("points " + d));
                        }
                        for (JsonNode copy : rule.path("CopyActions")) {
                            if (graph.resolve(plan, copy.path("DestinationBackupVaultArn")).filter(r::equals).isPresent()) {
                                days(copy).ifPresent(d -> parts.add("copies " + d));
                            }
                        }
                    }
                }
                return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", new LinkedHashSet<>(parts)));
            }
            case "AWS::CloudFront::Distribution":
                return Optional.of("cache");
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> days(JsonNode ruleOrCopy) {
        JsonNode d = ruleOrCopy.path("Lifecycle").path("DeleteAfterDays");
        return d.isMissingNode() ? Optional.empty() : Optional.of(d.asText());
    }

    private static List<String> readers(ResourceGraph graph, Resource r) {
        Set<String> out = new LinkedHashSet<>();
        for (Resource ref : graph.referrers(r)) {
            switch (ref.type()) {
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                    for (String field : List.of("Roles", "Users", "Groups")) {
                        for (JsonNode p : ref.property(field)) {
                            out.add(graph.resolve(ref, p).map(x -> "IAM " + x.logicalId())
                                    .orElse("IAM " + (p.isTextual() ? p.asText() : ref.logicalId())));
                        }
                    }
                }
                case "AWS::IAM::Role" -> out.add("IAM " + ref.logicalId());
                case DISTRIBUTION -> out.add("CloudFront " + ref.logicalId());
                case "AWS::S3::BucketPolicy" -> {
                    if (graph.resolve(ref, ref.property("Bucket")).filter(r::equals).isEmpty()) {
                        continue;
                    }
                    for (JsonNode st : ref.property("PolicyDocument").path("Statement")) {
                        if ("Allow".equals(st.path("Effect").asText())) {
                            JsonNode svc = st.path("Principal").path("Service");
                            if (svc.isTextual()) {
                                out.add("service " + svc.asText());
                            }
                            svc.forEach(s -> out.add("service " + s.asText()));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(out);
    }
}
