package fr.medsaas.compliance.rules.retention;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Logs are kept for a bounded time, within the CNIL's logging bounds as OBS-1 sets them (365 to
 * 1095 days): every log group, and every bucket that receives logs (access logs, trails, log
 * deliveries), expires its objects within those bounds.
 */
public final class LogRetentionBounded implements Rule {
    /** The shortest retention: a year of access traces (OBS-1, CNIL). */
    public static final int MIN_DAYS = 365;
    /** The longest: three years, the CNIL's bound without a stated reason. */
    public static final int MAX_DAYS = 1095;

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource lg : g.ofType("AWS::Logs::LogGroup")) {
            JsonNode days = lg.property("RetentionInDays");
            out.add(days.isMissingNode() ? Outcome.fail(lg, "no RetentionInDays: kept forever")
                    : judge(lg, days.asInt(), "RetentionInDays"));
        }
        for (Resource b : logBuckets(g)) {
            OptionalInt days = expirationDays(b);
            out.add(days.isEmpty() ? Outcome.fail(b, "log bucket without a lifecycle rule expiring its objects: kept forever")
                    : judge(b, days.getAsInt(), "log objects expire after"));
        }
        return out;
    }

    private static Outcome judge(Resource r, int days, String what) {
        return days >= MIN_DAYS && days <= MAX_DAYS ? Outcome.pass(r, what + " " + days + " days")
                : Outcome.fail(r, what + " " + days + " days, outside " + MIN_DAYS + ".." + MAX_DAYS);
    }

    /** The shortest enabled, whole-bucket expiration of current objects. */
    static OptionalInt expirationDays(Resource bucket) {
        return java.util.stream.StreamSupport.stream(bucket.property("LifecycleConfiguration").path("Rules").spliterator(), false)
                .filter(r -> "Enabled".equals(r.path("Status").asText()) && r.has("ExpirationInDays"))
                .mapToInt(r -> r.path("ExpirationInDays").asInt()).min();
    }

    /** Buckets that receive logs: access logs of buckets and load balancers, trails, log deliveries. */
    static Set<Resource> logBuckets(ResourceGraph g) {
        Set<Resource> out = new LinkedHashSet<>();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            g.destination(b, b.property("LoggingConfiguration").path("DestinationBucketName")).ifPresent(out::add);
        }
        for (Resource lb : g.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            for (JsonNode a : lb.property("LoadBalancerAttributes")) {
                if (a.path("Key").asText().endsWith("logs.s3.bucket")) {
                    g.destination(lb, a.path("Value")).ifPresent(out::add);
                }
            }
        }
        for (Resource t : g.ofType("AWS::CloudTrail::Trail")) {
            g.destination(t, t.property("S3BucketName")).ifPresent(out::add);
        }
        for (Resource d : g.ofType("AWS::Logs::DeliveryDestination")) {
            g.destination(d, d.property("DestinationResourceArn")).ifPresent(out::add);
        }
        for (Resource d : g.ofType("AWS::CloudFront::Distribution")) {
            g.destination(d, d.property("DistributionConfig").path("Logging").path("Bucket")).ifPresent(out::add);
        }
        out.removeIf(r -> !r.type().equals("AWS::S3::Bucket"));
        return out;
    }
}
