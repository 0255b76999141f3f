package fr.medsaas.compliance.stores;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Regions;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every copy of data the templates make, listed once as data: the copy specifications of the
 * store catalogue (S3 replication, global-table replicas, EFS replication, secret replicas,
 * Redshift snapshot copies) and AWS Backup copy actions. Residency and encryption rules loop
 * over this list.
 */
public final class Copies {
    private Copies() {
    }

    /**
     * One copy.
     *
     * @param source  the store copied (the backup plan, for a backup copy action)
     * @param what    for a person ("global-table replica", "backup copy vault")
     * @param target  the resource that receives the copy, when the templates hold it
     * @param region  where the copy is, when anything says it (its resource, a literal region, an ARN, its key's ARN)
     * @param key     the KMS key of the copy as written, when the copy names one
     * @param keyPath where a key would be written for this kind of copy; empty when the copy's target carries it
     */
    public record Copy(Resource source, String what, Optional<Resource> target, Optional<String> region,
                       Optional<JsonNode> key, String keyPath) {
    }

    /** Every copy in the graph, store by store, then backup plan by backup plan. */
    public static List<Copy> of(ResourceGraph g) {
        List<Copy> out = new ArrayList<>();
        for (StoreType t : StoreCatalogue.rows()) {
            if (t.copies().isEmpty()) {
                continue;
            }
            for (Resource r : g.ofType(t.type())) {
                for (StoreType.CopySpec spec : t.copies()) {
                    for (JsonNode c : JsonPaths.all(r.properties(), spec.list())) {
                        out.addAll(copy(g, r, spec, c));
                    }
                }
            }
        }
        for (Resource plan : g.ofType("AWS::Backup::BackupPlan")) {
            for (JsonNode rule : plan.property("BackupPlan").path("BackupPlanRule")) {
                for (JsonNode action : rule.path("CopyActions")) {
                    JsonNode arn = action.path("DestinationBackupVaultArn");
                    Optional<Resource> vault = g.destination(plan, arn);
                    out.add(new Copy(plan, "backup copy vault", vault, g.destinationRegion(plan, arn),
                            vault.flatMap(fr.medsaas.compliance.rules.Stores::customerKey), ""));
                }
            }
        }
        return out;
    }

    private static List<Copy> copy(ResourceGraph g, Resource r, StoreType.CopySpec spec, JsonNode c) {
        Optional<JsonNode> key = spec.key().isEmpty() ? Optional.empty()
                : fr.medsaas.compliance.rules.Stores.customer(JsonPaths.first(c, spec.key()));
        if (!spec.region().isEmpty()) {
            JsonNode region = JsonPaths.first(c, spec.region());
            if (region.isMissingNode()) {
                return List.of(); // no copy of this kind (Redshift without DestinationRegion)
            }
            Optional<String> where = region.isTextual() && !region.asText().isBlank() ? Optional.of(region.asText())
                    : Optional.empty();
            if (where.isPresent() && where.equals(Regions.of(r)) && spec.what().equals("global-table replica")) {
                return List.of(); // the global table's own replica: the store itself, judged as one
            }
            return List.of(new Copy(r, spec.what(), Optional.empty(), where, key, spec.key()));
        }
        JsonNode target = JsonPaths.first(c, spec.target());
        if (target.isMissingNode()) {
            return List.of();
        }
        Optional<Resource> to = g.destination(r, target);
        Optional<String> where = g.destinationRegion(r, target);
        if (where.isEmpty() && key.isPresent()) {
            where = g.regionOf(r, key.get()); // a replica key lives in its copy's region
        }
        return List.of(new Copy(r, spec.what(), to, where, key, spec.key()));
    }
}
