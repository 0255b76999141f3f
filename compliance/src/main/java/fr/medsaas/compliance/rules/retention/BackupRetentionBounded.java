package fr.medsaas.compliance.rules.retention;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;

/**
 * Backups, snapshots and old object versions exist and are deleted after a bounded time: RDS
 * automated backups on, Redis snapshots bounded, every backup rule and copy action with a
 * deletion age, every versioned bucket expiring non-current versions.
 */
public final class BackupRetentionBounded implements Rule {
    /** The longest a backup is kept without a stated reason (as logs, OBS-1). */
    public static final int MAX_DAYS = LogRetentionBounded.MAX_DAYS;

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            if (db.type().equals("AWS::RDS::DBInstance") && (db.properties().has("DBClusterIdentifier")
                    || db.properties().has("SourceDBInstanceIdentifier"))) {
                continue; // cluster members and read replicas: the cluster or the source holds the backups
            }
            JsonNode days = db.property("BackupRetentionPeriod");
            int n = days.isMissingNode() ? 1 : days.asInt();
            out.add(n >= 1 ? Outcome.pass(db, "automated backups kept " + n + " days"
                    + (days.isMissingNode() ? " (RDS default)" : ""))
                    : Outcome.fail(db, "automated backups off (BackupRetentionPeriod 0)"));
        }
        for (Resource rg : g.ofType("AWS::ElastiCache::ReplicationGroup")) {
            if (rg.properties().has("SnapshotRetentionLimit")) {
                int n = rg.property("SnapshotRetentionLimit").asInt();
                out.add(n <= MAX_DAYS ? Outcome.pass(rg, "snapshots kept " + n + " days")
                        : Outcome.fail(rg, "snapshots kept " + n + " days, beyond " + MAX_DAYS));
            }
        }
        for (Resource plan : g.ofType("AWS::Backup::BackupPlan")) {
            for (JsonNode rule : plan.property("BackupPlan").path("BackupPlanRule")) {
                String name = rule.path("RuleName").asText("a rule");
                out.add(bounded(plan, rule.path("Lifecycle"), "backups of " + name));
                for (JsonNode copy : rule.path("CopyActions")) {
                    out.add(bounded(plan, copy.path("Lifecycle"), "copies of " + name));
                }
            }
        }
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            if (!"Enabled".equals(b.property("VersioningConfiguration").path("Status").asText())) {
                continue;
            }
            boolean expires = false;
            for (JsonNode r : b.property("LifecycleConfiguration").path("Rules")) {
                JsonNode nc = r.path("NoncurrentVersionExpiration");
                if ("Enabled".equals(r.path("Status").asText())
                        && (nc.has("NoncurrentDays") || r.has("NoncurrentVersionExpirationInDays"))) {
                    expires = true;
                }
            }
            out.add(expires ? Outcome.pass(b, "non-current object versions expire")
                    : Outcome.fail(b, "versioned" + (Stores.isHealthData(b) ? " health-data" : "")
                            + " bucket keeps non-current object versions forever (no NoncurrentVersionExpiration)"));
        }
        return out;
    }

    private static Outcome bounded(Resource plan, JsonNode lifecycle, String what) {
        JsonNode days = lifecycle.path("DeleteAfterDays");
        if (days.isMissingNode()) {
            return Outcome.fail(plan, what + " never deleted (no Lifecycle.DeleteAfterDays)");
        }
        return days.asInt() <= MAX_DAYS ? Outcome.pass(plan, what + " deleted after " + days.asInt() + " days")
                : Outcome.fail(plan, what + " deleted after " + days.asInt() + " days, beyond " + MAX_DAYS);
    }
}
