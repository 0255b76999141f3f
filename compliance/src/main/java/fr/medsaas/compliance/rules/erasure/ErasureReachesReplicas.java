package fr.medsaas.compliance.rules.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.access.PolicyStatements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An erasure path reaches every copy (RGPD art. 17, HARD-11): S3 never replicates a DELETE that
 * names a version, so a policy that may delete object versions of a replicated bucket must also
 * list and delete the versions of each of its replicas; otherwise the replica keeps an erased
 * file as its current version for good (its noncurrent-version expiry never applies).
 *
 * <p>Judges every IAM policy (managed, inline or a role's own) that allows
 * {@code s3:DeleteObjectVersion} on a bucket whose replication configuration names a destination.
 * Buckets are recognised by reference or by name ({@code arn:aws:s3:::name/...}).
 */
public final class ErasureReachesReplicas implements Rule {
    /** The action that erases a version for good; S3 never replicates it. */
    static final String DELETE_VERSION = "s3:DeleteObjectVersion";
    /** The action that finds the versions to erase. */
    static final String LIST_VERSIONS = "s3:ListBucketVersions";

    @Override
    public List<Outcome> check(ResourceGraph g) {
        Map<String, List<String>> replicasOf = new LinkedHashMap<>();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            for (JsonNode rule : b.property("ReplicationConfiguration").path("Rules")) {
                if (!"Disabled".equals(rule.path("Status").asText())) {
                    bucketKey(g, b, rule.path("Destination").path("Bucket")).ifPresent(dest ->
                            replicasOf.computeIfAbsent(key(b), k -> new ArrayList<>()).add(dest));
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        if (replicasOf.isEmpty()) {
            return out;
        }
        for (Resource p : g.ofType("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::Role")) {
            List<JsonNode> documents = new ArrayList<>();
            if (p.type().equals("AWS::IAM::Role")) {
                p.property("Policies").forEach(inline -> documents.add(inline.path("PolicyDocument")));
            } else {
                documents.add(p.property("PolicyDocument"));
            }
            Set<String> deletes = new LinkedHashSet<>();
            Set<String> lists = new LinkedHashSet<>();
            for (JsonNode doc : documents) {
                for (JsonNode st : PolicyStatements.of(doc)) {
                    if (!"Allow".equals(st.path("Effect").asText())) {
                        continue;
                    }
                    Set<String> buckets = new LinkedHashSet<>();
                    for (JsonNode res : asList(st.path("Resource"))) {
                        bucketKey(g, p, res).ifPresent(buckets::add);
                    }
                    if (allows(st, DELETE_VERSION)) {
                        deletes.addAll(buckets);
                    }
                    if (allows(st, LIST_VERSIONS)) {
                        lists.addAll(buckets);
                    }
                }
            }
            for (Map.Entry<String, List<String>> e : replicasOf.entrySet()) {
                if (!deletes.contains(e.getKey())) {
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (String replica : e.getValue()) {
                    if (!deletes.contains(replica)) {
                        missing.add(DELETE_VERSION + " on " + name(replica));
                    }
                    if (!lists.contains(replica)) {
                        missing.add(LIST_VERSIONS + " on " + name(replica));
                    }
                }
                String source = name(e.getKey());
                out.add(missing.isEmpty()
                        ? Outcome.pass(p, "erases versions of " + source + " and of its replica(s) "
                                + e.getValue().stream().map(ErasureReachesReplicas::name).toList())
                        : Outcome.fail(p, "erases versions of " + source + " but lacks " + String.join(", ", missing)
                                + ": S3 does not replicate a version's deletion, so the replica keeps the file"));
            }
        }
        return out;
    }

    /** Whether the statement's Action (not NotAction) matches {@code action}, wildcards included. */
    static boolean allows(JsonNode statement, String action) {
        for (JsonNode a : asList(statement.path("Action"))) {
            String glob = a.asText();
            String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> asList(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (!n.isMissingNode() && !n.isNull()) {
            out.add(n);
        }
        return out;
    }

    /** The bucket a value names (a reference in it, or its literal name), as a key; empty if none. */
    private static Optional<String> bucketKey(ResourceGraph g, Resource from, JsonNode value) {
        for (Resource r : g.referencesIn(from, value)) {
            if (r.type().equals("AWS::S3::Bucket")) {
                return Optional.of(key(r));
            }
        }
        Optional<Resource> named = g.destination(from, value);
        if (named.isPresent() && named.get().type().equals("AWS::S3::Bucket")) {
            return Optional.of(key(named.get()));
        }
        String text = value.isTextual() ? value.asText() : joined(value);
        if (text != null && text.startsWith("arn:") && text.contains(":s3:::")) {
            return Optional.of("name:" + text.replaceFirst("^arn:[^:]*:s3:::", "").replaceFirst("/.*$", ""));
        }
        return Optional.empty();
    }

    /** A bucket's key: its name when the template gives one, else its stack and logical id. */
    private static String key(Resource bucket) {
        JsonNode name = bucket.property("BucketName");
        return name.isTextual() ? "name:" + name.asText() : "id:" + bucket.stack().stackName() + "/" + bucket.logicalId();
    }

    private static String name(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /** An Fn::Join of literals and AWS::Partition, as text; null otherwise. */
    private static String joined(JsonNode value) {
        JsonNode join = value.path("Fn::Join");
        if (!join.isArray()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode part : join.path(1)) {
            if (part.isTextual()) {
                parts.add(part.asText());
            } else if ("AWS::Partition".equals(part.path("Ref").asText())) {
                parts.add("aws");
            } else {
                return null;
            }
        }
        return String.join(join.path(0).asText(), parts);
    }
}
