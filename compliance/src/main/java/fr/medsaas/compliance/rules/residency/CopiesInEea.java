package fr.medsaas.compliance.rules.residency;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Regions;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import fr.medsaas.compliance.stores.Copies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where data is copied or delivered, the destination is in the EEA: every copy of {@link Copies}
 * (S3 replication, global-table replicas, EFS and secret replicas, Redshift snapshot copies,
 * backup copy actions), RDS cross-region replicas, multi-region KMS key replicas, log subscriptions and
 * deliveries, WAF logging, trails, flow logs, bucket and load-balancer access logs.
 */
public final class CopiesInEea implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Copies.Copy c : Copies.of(g)) {
            out.add(c.region().isEmpty() ? Outcome.undecided(c.source(), c.what() + ": the templates do not say its region")
                    : Regions.inEea(c.region().get()) ? Outcome.pass(c.source(), c.what() + " in " + c.region().get())
                    : Outcome.fail(c.source(), c.what() + " in " + c.region().get() + ", outside the EEA"));
        }
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            JsonNode logs = b.property("LoggingConfiguration").path("DestinationBucketName");
            if (!logs.isMissingNode()) {
                judge(g, out, b, logs, "access-log bucket");
            }
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            if (db.properties().has("SourceDBInstanceIdentifier") || db.properties().has("ReplicationSourceIdentifier")
                    || db.properties().has("SourceDBClusterIdentifier")) {
                Optional<String> region = Regions.of(db);
                out.add(region.isEmpty() ? Outcome.undecided(db, "read replica whose region the template does not say")
                        : Regions.inEea(region.get()) ? Outcome.pass(db, "read replica in " + region.get())
                        : Outcome.fail(db, "read replica in " + region.get() + ", outside the EEA"));
            }
        }
        for (Resource k : g.ofType("AWS::KMS::ReplicaKey")) {
            judge(g, out, k, null, "replica key");
        }
        for (Resource k : g.ofType("AWS::KMS::Key")) {
            if (Stores.isTrue(k.property("MultiRegion"))) {
                judge(g, out, k, null, "multi-region key (its replicas are judged where the templates create them)");
            }
        }
        for (Resource f : g.ofType("AWS::Logs::SubscriptionFilter")) {
            judge(g, out, f, f.property("DestinationArn"), "log subscription destination");
        }
        for (Resource d : g.ofType("AWS::Logs::DeliveryDestination")) {
            judge(g, out, d, d.property("DestinationResourceArn"), "log delivery destination");
        }
        for (Resource w : g.ofType("AWS::WAFv2::LoggingConfiguration")) {
            for (JsonNode dest : w.property("LogDestinationConfigs")) {
                judge(g, out, w, dest, "WAF log destination");
            }
        }
        for (Resource t : g.ofType("AWS::CloudTrail::Trail")) {
            judge(g, out, t, t.property("S3BucketName"), "trail bucket");
            if (t.properties().has("CloudWatchLogsLogGroupArn")) {
                judge(g, out, t, t.property("CloudWatchLogsLogGroupArn"), "trail log group");
            }
        }
        for (Resource f : g.ofType("AWS::EC2::FlowLog")) {
            JsonNode dest = f.properties().has("LogDestination") ? f.property("LogDestination") : f.property("LogGroupName");
            judge(g, out, f, dest, "flow-log destination");
        }
        for (Resource lb : g.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            for (JsonNode a : lb.property("LoadBalancerAttributes")) {
                if (a.path("Key").asText().endsWith("logs.s3.bucket")) {
                    judge(g, out, lb, a.path("Value"), "access-log bucket");
                }
            }
        }
        for (Resource d : g.ofType("AWS::CloudFront::Distribution")) {
            JsonNode bucket = d.property("DistributionConfig").path("Logging").path("Bucket");
            if (!bucket.isMissingNode()) {
                judge(g, out, d, bucket, "legacy access-log bucket");
            }
        }
        return out;
    }

    /** Judges one destination; {@code dest == null} judges the resource's own region. */
    private static void judge(ResourceGraph g, List<Outcome> out, Resource r, JsonNode dest, String what) {
        Optional<String> region = dest == null ? Regions.of(r) : g.destinationRegion(r, dest);
        if (region.isEmpty() && dest != null && g.destination(r, dest).isEmpty() && Regions.of(r).isPresent()
                && sameRegionByNature(what)) {
            region = Regions.of(r);
        }
        if (region.isEmpty()) {
            out.add(Outcome.undecided(r, what + ": the templates do not say its region"));
        } else if (Regions.inEea(region.get())) {
            out.add(Outcome.pass(r, what + " in " + region.get()));
        } else {
            out.add(Outcome.fail(r, what + " in " + region.get() + ", outside the EEA"));
        }
    }

    /** Destinations AWS only accepts in the source's own region. */
    private static boolean sameRegionByNature(String what) {
        return what.equals("access-log bucket");
    }
}
