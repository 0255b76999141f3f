package fr.medsaas.compliance.rules.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.ArrayList;
import java.util.List;

/**
 * No store is public: every bucket blocks all four kinds of public access and no bucket policy
 * allows everyone without a condition; no database is publicly accessible.
 */
public final class NoPublicStore implements Rule {
    private static final List<String> BLOCKS = List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
            "RestrictPublicBuckets");

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource b : g.ofType("AWS::S3::Bucket")) {
            JsonNode pab = b.property("PublicAccessBlockConfiguration");
            List<String> off = BLOCKS.stream().filter(k -> !Stores.isTrue(pab.path(k))).toList();
            List<String> open = new ArrayList<>();
            for (Resource p : g.referrers(b, "AWS::S3::BucketPolicy")) {
                for (JsonNode s : p.property("PolicyDocument").path("Statement")) {
                    if ("Allow".equals(s.path("Effect").asText()) && isEveryone(s.path("Principal"))
                            && s.path("Condition").isMissingNode()) {
                        open.add(p.logicalId() + " allows everyone " + s.path("Action"));
                    }
                }
            }
            List<String> problems = new ArrayList<>(open);
            if (!off.isEmpty()) {
                problems.add(0, "public access not blocked: " + String.join(", ", off) + " not true");
            }
            out.add(problems.isEmpty() ? Outcome.pass(b, "public access blocked") : Outcome.fail(b, String.join("; ", problems)));
        }
        for (Resource db : g.ofType("AWS::RDS::DBInstance")) {
            out.add(Stores.isTrue(db.property("PubliclyAccessible")) ? Outcome.fail(db, "PubliclyAccessible is true")
                    : Outcome.pass(db, "not publicly accessible"));
        }
        return out;
    }

    private static boolean isEveryone(JsonNode principal) {
        return "*".equals(principal.asText()) || "*".equals(principal.path("AWS").asText())
                || principal.path("AWS").toString().contains("\"*\"");
    }
}
