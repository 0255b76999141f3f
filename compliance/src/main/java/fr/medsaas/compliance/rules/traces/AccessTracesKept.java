package fr.medsaas.compliance.rules.traces;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who accessed health data can be told afterwards: a trail records the S3 data events of every
 * health-data bucket, which also keeps server access logs; load balancers keep access logs;
 * PostgreSQL logs connections and disconnections and exports its logs.
 */
public final class AccessTracesKept implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        List<Resource> trails = g.ofType("AWS::CloudTrail::Trail").stream()
                .filter(t -> !t.properties().has("IsLogging") || Stores.isTrue(t.property("IsLogging"))).toList();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            if (!Stores.isHealthData(b)) {
                continue;
            }
            Optional<Resource> trail = trails.stream().filter(t -> recordsDataEvents(g, t, b)).findFirst();
            out.add(trail.isPresent() ? Outcome.pass(b, "S3 data events recorded by trail " + trail.get().logicalId())
                    : Outcome.fail(b, trails.isEmpty() ? "no CloudTrail trail in the templates: nothing records who read this bucket's objects"
                            : "no trail of the templates records this bucket's S3 data events"));
            out.add(b.property("LoggingConfiguration").has("DestinationBucketName")
                    ? Outcome.pass(b, "server access logs kept") : Outcome.fail(b, "no server access logs (LoggingConfiguration)"));
        }
        for (Resource lb : g.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            if (!lb.property("Type").asText("application").equals("application")) {
                continue;
            }
            boolean on = false;
            for (JsonNode a : lb.property("LoadBalancerAttributes")) {
                if (a.path("Key").asText().equals("access_logs.s3.enabled") && Stores.isTrue(a.path("Value"))) {
                    on = true;
                }
            }
            out.add(on ? Outcome.pass(lb, "access logs kept") : Outcome.fail(lb, "access logs off (access_logs.s3.enabled)"));
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            if (db.type().equals("AWS::RDS::DBInstance") && db.properties().has("DBClusterIdentifier")) {
                continue;
            }
            String engine = db.property("Engine").asText("");
            List<String> missing = new ArrayList<>();
            if (!db.property("EnableCloudwatchLogsExports").isArray() || db.property("EnableCloudwatchLogsExports").isEmpty()) {
                missing.add("no log exports (EnableCloudwatchLogsExports)");
            }
            if (engine.contains("postgres")) {
                String field = db.type().equals("AWS::RDS::DBCluster") ? "DBClusterParameterGroupName" : "DBParameterGroupName";
                JsonNode params = g.resolve(db, db.property(field)).map(p -> p.property("Parameters")).orElse(null);
                for (String p : List.of("log_connections", "log_disconnections")) {
                    if (params == null || !params.path(p).asText().matches("1|on|ON|true")) {
                        missing.add(p + " not on");
                    }
                }
            }
            out.add(missing.isEmpty() ? Outcome.pass(db, "connection logs on and exported") : Outcome.fail(db, String.join("; ", missing)));
        }
        return out;
    }

    /** Whether the trail's (basic or advanced) event selectors include the bucket's object events. */
    static boolean recordsDataEvents(ResourceGraph g, Resource trail, Resource bucket) {
        for (JsonNode s : trail.property("EventSelectors")) {
            for (JsonNode d : s.path("DataResources")) {
                if ("AWS::S3::Object".equals(d.path("Type").asText())) {
                    for (JsonNode v : d.path("Values")) {
                        if (namesBucket(g, trail, v, bucket)) {
                            return true;
                        }
                    }
                }
            }
        }
        for (JsonNode s : trail.property("AdvancedEventSelectors")) {
            boolean data = false;
            boolean s3 = false;
            boolean covers = true;
            for (JsonNode f : s.path("FieldSelectors")) {
                String field = f.path("Field").asText();
                if (field.equals("eventCategory") && f.path("Equals").toString().contains("Data")) {
                    data = true;
                } else if (field.equals("resources.type") && f.path("Equals").toString().contains("AWS::S3::Object")) {
                    s3 = true;
                } else if (field.equals("resources.ARN")) {
                    covers = false;
                    for (JsonNode v : f.path("StartsWith")) {
                        covers |= namesBucket(g, trail, v, bucket);
                    }
                    for (JsonNode v : f.path("Equals")) {
                        covers |= namesBucket(g, trail, v, bucket);
                    }
                }
            }
            if (data && s3 && covers) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesBucket(ResourceGraph g, Resource trail, JsonNode v, Resource bucket) {
        if (v.isTextual() && v.asText().matches("arn:aws[a-z-]*:s3(:::)?")) {
            return true; // every bucket
        }
        return g.referencesIn(trail, v).contains(bucket) || g.destination(trail, v).filter(bucket::equals).isPresent();
    }
}
