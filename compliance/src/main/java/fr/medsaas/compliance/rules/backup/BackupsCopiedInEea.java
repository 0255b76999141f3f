package fr.medsaas.compliance.rules.backup;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Regions;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every health-data database and bucket survives the loss of its region: an AWS Backup plan
 * that selects it copies its recovery points to a vault in another EEA region, or (buckets) it
 * replicates to a bucket in another EEA region.
 */
public final class BackupsCopiedInEea implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource store : Stores.healthData(g)) {
            if (!Stores.DATABASES.contains(store.type()) && !store.type().equals("AWS::S3::Bucket")
                    || store.type().startsWith("AWS::ElastiCache::")) {
                continue; // caches and logs: nothing to restore from a copy
            }
            Optional<String> here = Regions.of(store);
            Optional<Resource> source = sourceOf(g, store);
            if (source.isPresent()) {
                out.add(Outcome.pass(store, "is the cross-region copy of " + source.get().logicalId()));
                continue;
            }
            Optional<String> copy = backupCopyRegion(g, store, here);
            if (copy.isEmpty() && store.type().equals("AWS::S3::Bucket")) {
                copy = replicaRegion(g, store, here);
            }
            if (copy.isPresent()) {
                out.add(Outcome.pass(store, "copied to " + copy.get()));
            } else {
                boolean plans = !g.ofType("AWS::Backup::BackupPlan").isEmpty();
                out.add(Outcome.fail(store, (plans ? "no backup plan of the templates copies it" : "no AWS Backup plan in the templates")
                        + (store.type().equals("AWS::S3::Bucket") ? ", nor does it replicate," : "")
                        + " to another EEA region"));
            }
        }
        return out;
    }

    private static Optional<String> backupCopyRegion(ResourceGraph g, Resource store, Optional<String> here) {
        for (Resource sel : g.ofType("AWS::Backup::BackupSelection")) {
            if (!selects(g, sel, store)) {
                continue;
            }
            Optional<Resource> plan = g.resolve(sel, sel.property("BackupPlanId"));
            if (plan.isEmpty()) {
                continue;
            }
            for (JsonNode rule : plan.get().property("BackupPlan").path("BackupPlanRule")) {
                for (JsonNode c : rule.path("CopyActions")) {
                    Optional<String> region = g.destinationRegion(plan.get(), c.path("DestinationBackupVaultArn"));
                    if (region.isPresent() && Regions.inEea(region.get()) && !region.equals(here)) {
                        return region;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a backup selection picks the store: by reference, by wildcard, or by its DataType tag. */
    static boolean selects(ResourceGraph g, Resource sel, Resource store) {
        JsonNode s = sel.property("BackupSelection");
        for (JsonNode r : s.path("Resources")) {
            if ("*".equals(r.asText()) || g.referencesIn(sel, r).contains(store) || namesInArn(r, store)) {
                return true;
            }
        }
        for (JsonNode t : s.path("ListOfTags")) {
            if (store.tags().getOrDefault(t.path("ConditionKey").asText(), "").equals(t.path("ConditionValue").asText())) {
                return true;
            }
        }
        for (JsonNode t : s.path("Conditions").path("StringEquals")) {
            String key = t.path("ConditionKey").asText().replaceFirst("^aws:ResourceTag/", "");
            if (store.tags().getOrDefault(key, "").equals(t.path("ConditionValue").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an ARN written in the template (a literal, or an {@code Fn::Join} of literals and
     * pseudo parameters) names the store by its physical name: a database by its identifier
     * ({@code ...:db:<id>}), a bucket by its name ({@code arn:aws:s3:::<name>}). A selection by
     * ARN built from configured names needs no reference to the store's stack.
     */
    static boolean namesInArn(JsonNode arn, Resource store) {
        String text = literal(arn);
        if (store.type().equals("AWS::RDS::DBInstance")) {
            String id = store.property("DBInstanceIdentifier").asText("");
            return !id.isEmpty() && text.endsWith(":db:" + id);
        }
        if (store.type().equals("AWS::RDS::DBCluster")) {
            String id = store.property("DBClusterIdentifier").asText("");
            return !id.isEmpty() && text.endsWith(":cluster:" + id);
        }
        if (store.type().equals("AWS::S3::Bucket")) {
            String name = store.property("BucketName").asText("");
            return !name.isEmpty() && text.startsWith("arn:") && text.endsWith(":::" + name);
        }
        return false;
    }

    /** The literal text of a value: a string, or the literal parts of an {@code Fn::Join}, others as {@code ?}. */
    private static String literal(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        JsonNode join = v.path("Fn::Join");
        if (join.isArray() && join.size() == 2) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : join.get(1)) {
                b.append(part.isTextual() ? part.asText() : "?");
            }
            return b.toString();
        }
        return "?";
    }

    /** The health-data bucket of another region that replicates into this one, if any. */
    private static Optional<Resource> sourceOf(ResourceGraph g, Resource bucket) {
        if (!bucket.type().equals("AWS::S3::Bucket")) {
            return Optional.empty();
        }
        for (Resource other : Stores.healthData(g)) {
            for (JsonNode rule : other.property("ReplicationConfiguration").path("Rules")) {
                if (g.destination(other, rule.path("Destination").path("Bucket")).filter(bucket::equals).isPresent()
                        && !Regions.of(other).equals(Regions.of(bucket))) {
                    return Optional.of(other);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> replicaRegion(ResourceGraph g, Resource bucket, Optional<String> here) {
        for (JsonNode rule : bucket.property("ReplicationConfiguration").path("Rules")) {
            if (!"Enabled".equals(rule.path("Status").asText("Enabled"))) {
                continue;
            }
            Optional<String> region = g.destinationRegion(bucket, rule.path("Destination").path("Bucket"));
            if (region.isPresent() && Regions.inEea(region.get()) && !region.equals(here)) {
                return region;
            }
        }
        return Optional.empty();
    }
}
