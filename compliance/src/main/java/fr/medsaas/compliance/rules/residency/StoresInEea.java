package fr.medsaas.compliance.rules.residency;

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
 * Every store, copy, backup vault, key and log destination is in an EEA region. The named
 * exceptions sit in us-east-1 because CloudFront requires it and hold no data: a CloudFront web
 * ACL (its rules) and the log-delivery settings of CloudFront (source, destination, delivery),
 * whose logs land in a bucket that this rule and MEDSAAS-RES-2 place in the EEA.
 */
public final class StoresInEea implements Rule {
    /** Types that may sit in us-east-1 for CloudFront and hold no data. */
    static final List<String> EDGE_SETTINGS = List.of("AWS::WAFv2::WebACL", "AWS::Logs::DeliverySource",
            "AWS::Logs::DeliveryDestination", "AWS::Logs::Delivery");

    @Override
    public List<Outcome> check(ResourceGraph graph) {
        List<Outcome> out = new ArrayList<>();
        for (Resource r : graph.resources()) {
            boolean store = Stores.TYPES.contains(r.type());
            if (!store && !EDGE_SETTINGS.contains(r.type())) {
                continue;
            }
            Optional<String> region = Regions.of(r);
            if (region.isEmpty()) {
                out.add(Outcome.undecided(r, "the template does not say its region (give --region, or check the assembly)"));
            } else if (Regions.inEea(region.get())) {
                out.add(Outcome.pass(r, "in " + region.get()));
            } else if (!store && region.get().equals("us-east-1") && edgeException(r)) {
                out.add(Outcome.pass(r, "named exception: CloudFront's " + r.type().substring(5)
                        + " must be in us-east-1 and holds no data"));
            } else {
                out.add(Outcome.fail(r, "in " + region.get() + ", outside the EEA"));
            }
        }
        return out;
    }

    private static boolean edgeException(Resource r) {
        if (r.type().equals("AWS::WAFv2::WebACL")) {
            return "CLOUDFRONT".equals(r.property("Scope").asText("CLOUDFRONT"));
        }
        return true;
    }
}
