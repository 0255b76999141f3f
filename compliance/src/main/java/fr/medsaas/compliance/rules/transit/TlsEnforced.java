package fr.medsaas.compliance.rules.transit;

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
 * TLS on every data path: bucket policies deny {@code aws:SecureTransport=false}, PostgreSQL and
 * MySQL parameter groups force TLS, Redis encrypts in transit, load-balancer listeners speak
 * HTTPS/TLS (or only redirect to it), CloudFront viewers and custom origins use HTTPS.
 */
public final class TlsEnforced implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            boolean denies = g.referrers(b, "AWS::S3::BucketPolicy").stream()
                    .anyMatch(p -> g.resolve(p, p.property("Bucket")).filter(b::equals).isPresent() && deniesInsecure(p));
            out.add(denies ? Outcome.pass(b, "bucket policy denies aws:SecureTransport=false")
                    : Outcome.fail(b, "no bucket policy denies requests without TLS (aws:SecureTransport=false)"));
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            if (db.type().equals("AWS::RDS::DBInstance") && db.properties().has("DBClusterIdentifier")) {
                continue; // a cluster member: its cluster's parameter group is judged
            }
            String engine = db.property("Engine").asText("");
            String field = db.type().equals("AWS::RDS::DBCluster") ? "DBClusterParameterGroupName" : "DBParameterGroupName";
            Optional<Resource> params = g.resolve(db, db.property(field));
            String name = engine.contains("postgres") ? "rds.force_ssl" : "require_secure_transport";
            if (params.isEmpty()) {
                out.add(Outcome.fail(db, "no parameter group of the templates sets " + name + " (the default does not force TLS)"));
                continue;
            }
            String value = params.get().property("Parameters").path(name).asText("");
            out.add(value.equals("1") || value.equalsIgnoreCase("ON")
                    ? Outcome.pass(db, name + "=" + value + " in " + params.get().logicalId())
                    : Outcome.fail(db, params.get().logicalId() + " does not set " + name + " to 1/ON (" + (value.isEmpty() ? "unset" : value) + ")"));
        }
        for (Resource rg : g.ofType("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster")) {
            boolean on = Stores.isTrue(rg.property("TransitEncryptionEnabled"))
                    && !"preferred".equalsIgnoreCase(rg.property("TransitEncryptionMode").asText(""));
            out.add(on ? Outcome.pass(rg, "transit encryption required")
                    : Outcome.fail(rg, "transit encryption not enabled, or only preferred"));
        }
        for (Resource l : g.ofType("AWS::ElasticLoadBalancingV2::Listener")) {
            String protocol = l.property("Protocol").asText("");
            if (protocol.equals("HTTPS") || protocol.equals("TLS")) {
                out.add(Outcome.pass(l, protocol + " listener"));
            } else if (redirectsToHttps(l) && g.referrers(l, "AWS::ElasticLoadBalancingV2::ListenerRule").stream()
                    .allMatch(rule -> redirectsToHttps(rule, "Actions"))) {
                out.add(Outcome.pass(l, protocol + " listener that only redirects to HTTPS"));
            } else {
                out.add(Outcome.fail(l, protocol + " listener that serves traffic in clear"));
            }
        }
        for (Resource d : g.ofType("AWS::CloudFront::Distribution")) {
            JsonNode config = d.property("DistributionConfig");
            List<String> clear = new ArrayList<>();
            List<JsonNode> behaviours = new ArrayList<>();
            behaviours.add(config.path("DefaultCacheBehavior"));
            config.path("CacheBehaviors").forEach(behaviours::add);
            for (JsonNode b : behaviours) {
                String policy = b.path("ViewerProtocolPolicy").asText("allow-all");
                if (!policy.equals("https-only") && !policy.equals("redirect-to-https")) {
                    clear.add("viewer policy " + policy + " on " + b.path("PathPattern").asText("the default behaviour"));
                }
            }
            for (JsonNode o : config.path("Origins")) {
                JsonNode custom = o.path("CustomOriginConfig");
                if (!custom.isMissingNode() && !"https-only".equals(custom.path("OriginProtocolPolicy").asText())) {
                    clear.add("origin " + o.path("Id").asText() + " reached with " + custom.path("OriginProtocolPolicy").asText());
                }
            }
            out.add(clear.isEmpty() ? Outcome.pass(d, "HTTPS to viewers and origins")
                    : Outcome.fail(d, String.join("; ", clear)));
        }
        return out;
    }

    private static boolean deniesInsecure(Resource policy) {
        for (JsonNode s : policy.property("PolicyDocument").path("Statement")) {
            JsonNode v = s.path("Condition").path("Bool").path("aws:SecureTransport");
            if ("Deny".equals(s.path("Effect").asText()) && "false".equalsIgnoreCase(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean redirectsToHttps(Resource listener) {
        return redirectsToHttps(listener, "DefaultActions");
    }

    /** Whether every action of the listener (or listener rule) redirects to HTTPS. */
    private static boolean redirectsToHttps(Resource listener, String field) {
        JsonNode actions = listener.property(field);
        if (!actions.isArray() || actions.isEmpty()) {
            return false;
        }
        for (JsonNode a : actions) {
            if (!"redirect".equals(a.path("Type").asText()) || !"HTTPS".equals(a.path("RedirectConfig").path("Protocol").asText())) {
                return false;
            }
        }
        return true;
    }
}
