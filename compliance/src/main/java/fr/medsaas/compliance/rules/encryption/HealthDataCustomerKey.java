package fr.medsaas.compliance.rules.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;
import fr.medsaas.compliance.stores.Copies;

/**
 * Every store of health data, and every copy of one (replica buckets, backup copy vaults), is
 * encrypted with a customer-managed KMS key: the key that revocation and reversibility (EXI 27)
 * act on.
 */
public final class HealthDataCustomerKey implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource r : Stores.healthData(g)) {
            out.add(judgeStore(r, "health-data store"));
            for (JsonNode rule : r.property("ReplicationConfiguration").path("Rules")) {
                JsonNode dest = rule.path("Destination");
                JsonNode key = dest.path("EncryptionConfiguration").path("ReplicaKmsKeyID");
                boolean kms = rule.path("SourceSelectionCriteria").path("SseKmsEncryptedObjects").path("Status").asText()
                        .equals("Enabled");
                out.add(key.isMissingNode() || !kms
                        ? Outcome.fail(r, "replication to " + g.destination(r, dest.path("Bucket")).map(Resource::logicalId)
                                .orElse("its destination") + " names no replica KMS key (ReplicaKmsKeyID with "
                                + "SseKmsEncryptedObjects enabled)")
                        : Outcome.pass(r, "replicas encrypted with a customer key"));
                g.destination(r, dest.path("Bucket")).ifPresent(b -> out.add(judgeStore(b, "replica of " + r.logicalId())));
            }
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            JsonNode source = db.properties().has("SourceDBInstanceIdentifier") ? db.property("SourceDBInstanceIdentifier")
                    : db.property("SourceDBClusterIdentifier");
            g.resolve(db, source).filter(Stores::isHealthData)
                    .ifPresent(src -> out.add(judgeStore(db, "read replica of " + src.logicalId())));
        }
        for (Resource plan : g.ofType("AWS::Backup::BackupPlan")) {
            for (JsonNode rule : plan.property("BackupPlan").path("BackupPlanRule")) {
                g.resolve(plan, rule.path("TargetBackupVault")).ifPresent(v -> out.add(judgeStore(v, "backup vault")));
            }
        }
        for (Copies.Copy c : Copies.of(g)) {
            if (c.source().type().equals("AWS::Backup::BackupPlan")) {
                out.add(c.target().map(v -> judgeStore(v, "backup copy vault of " + c.source().logicalId()))
                        .orElse(Outcome.undecided(c.source(), "backup copy vault outside the templates: its key cannot be seen")));
            } else if (Stores.isHealthData(c.source()) && !c.keyPath().isEmpty()
                    && !c.source().type().equals("AWS::S3::Bucket")) {
                String where = c.what() + c.region().map(r -> " in " + r).orElse("");
                out.add(c.key().isPresent() ? Outcome.pass(c.source(), where + " encrypted with a customer-managed KMS key")
                        : Outcome.fail(c.source(), where + " names no customer-managed KMS key (" + c.keyPath() + ")"));
            }
        }
        return out.stream().distinct().toList();
    }

    private static Outcome judgeStore(Resource r, String what) {
        return Stores.customerKey(r).isPresent()
                ? Outcome.pass(r, what + " encrypted with a customer-managed KMS key")
                : Outcome.fail(r, what + " not encrypted with a customer-managed KMS key ("
                        + Stores.withoutCustomerKey(r) + ")");
    }
}
