package fr.medsaas.compliance.rules.encryption;

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
import fr.medsaas.compliance.stores.Copies;

/**
 * A copy is encrypted with a key of its own region (a KMS key cannot encrypt in another region,
 * and a copy that needs the source region's key is lost with that region): S3 replica keys,
 * backup copy vault keys, RDS replica keys.
 */
public final class CopyKeyInCopyRegion implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            for (JsonNode rule : b.property("ReplicationConfiguration").path("Rules")) {
                JsonNode dest = rule.path("Destination");
                JsonNode key = dest.path("EncryptionConfiguration").path("ReplicaKmsKeyID");
                if (key.isMissingNode()) {
                    continue; // no replica key at all: MEDSAAS-ENC-1 says so on health data
                }
                compare(out, b, "replica key", g.destinationRegion(b, key),
                        "replication destination", g.destinationRegion(b, dest.path("Bucket")));
            }
        }
        for (Copies.Copy c : Copies.of(g)) {
            if (c.source().type().equals("AWS::Backup::BackupPlan")) {
                if (c.target().isEmpty()) {
                    out.add(Outcome.undecided(c.source(), "backup copy vault outside the templates: its key cannot be seen"));
                } else if (c.key().isPresent()) { // no key of ours: MEDSAAS-ENC-1 says so
                    Resource v = c.target().get();
                    compare(out, v, "vault key", g.destinationRegion(v, c.key().get()), "copy vault", Regions.of(v));
                }
            } else if (!c.source().type().equals("AWS::S3::Bucket") && c.key().isPresent()) {
                JsonNode key = c.key().get();
                // a key id or alias that is not an ARN is looked up by AWS in the copy's own region
                Optional<String> keyRegion = g.destinationRegion(c.source(), key)
                        .or(() -> key.isTextual() && !key.asText().startsWith("arn:") ? c.region() : Optional.empty());
                compare(out, c.source(), c.what() + " key", keyRegion, c.what(), c.region());
            }
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            boolean replica = db.properties().has("SourceDBInstanceIdentifier") || db.properties().has("SourceDBClusterIdentifier")
                    || db.properties().has("ReplicationSourceIdentifier");
            if (replica && db.properties().has("KmsKeyId")) {
                compare(out, db, "replica key", g.destinationRegion(db, db.property("KmsKeyId")), "replica", Regions.of(db));
            } else if (replica) {
                out.add(Outcome.fail(db, "read replica names no KMS key of its own region (KmsKeyId)"));
            }
        }
        return out;
    }

    private static void compare(List<Outcome> out, Resource r, String keyWhat, Optional<String> keyRegion,
                                String copyWhat, Optional<String> copyRegion) {
        if (keyRegion.isEmpty() || copyRegion.isEmpty()) {
            out.add(Outcome.undecided(r, "the templates do not say the region of the " + (keyRegion.isEmpty() ? keyWhat : copyWhat)));
        } else if (keyRegion.get().equals(copyRegion.get())) {
            out.add(Outcome.pass(r, keyWhat + " in " + keyRegion.get() + ", the " + copyWhat + "'s region"));
        } else {
            out.add(Outcome.fail(r, keyWhat + " in " + keyRegion.get() + " but the " + copyWhat + " is in " + copyRegion.get()));
        }
    }
}
