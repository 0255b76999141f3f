package fr.medsaas.compliance.rules.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores say whether they hold health data: every database carries a {@code DataType} tag, and
 * every copy of a health-data store (replica bucket, backup copy vault, RDS replica) carries
 * {@code DataType=medical-sensitive} as its source does.
 */
public final class HealthDataTagged implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource r : g.resources()) {
            if (Stores.DATABASES.contains(r.type())) {
                String value = r.tags().get(Stores.DATA_TYPE);
                out.add(value != null ? Outcome.pass(r, "DataType=" + value)
                        : Outcome.fail(r, "database without a DataType tag: say whether it holds health data"));
            }
        }
        for (Resource src : Stores.healthData(g)) {
            for (JsonNode rule : src.property("ReplicationConfiguration").path("Rules")) {
                g.destination(src, rule.path("Destination").path("Bucket")).ifPresent(copy -> out.add(copyTagged(copy, src)));
            }
            if (src.properties().has("SourceDBInstanceIdentifier")) {
                continue;
            }
            for (Resource replica : g.referrers(src)) {
                if (replica.type().startsWith("AWS::RDS::") && replica.properties().has("SourceDBInstanceIdentifier")) {
                    out.add(copyTagged(replica, src));
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static Outcome copyTagged(Resource copy, Resource source) {
        return Stores.isHealthData(copy) ? Outcome.pass(copy, "copy of " + source.logicalId() + " tagged as health data")
                : Outcome.fail(copy, "copy of health-data store " + source.logicalId() + " without DataType=medical-sensitive");
    }
}
