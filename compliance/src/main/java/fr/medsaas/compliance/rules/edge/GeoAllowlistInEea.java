package fr.medsaas.compliance.rules.edge;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every CloudFront distribution serves only an allowlist of countries inside the EEA and Switzerland. */
public final class GeoAllowlistInEea implements Rule {
    /** EU-27, Iceland, Liechtenstein, Norway (the EEA), and Switzerland. */
    public static final Set<String> EEA_AND_CH = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO", "CH");

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource d : g.ofType("AWS::CloudFront::Distribution")) {
            JsonNode geo = d.property("DistributionConfig").path("Restrictions").path("GeoRestriction");
            String type = geo.path("RestrictionType").asText("none");
            if (!type.equals("whitelist")) {
                out.add(Outcome.fail(d, "no country allowlist (RestrictionType " + type + ")"));
                continue;
            }
            List<String> outside = new ArrayList<>();
            geo.path("Locations").forEach(l -> {
                if (!EEA_AND_CH.contains(l.asText())) {
                    outside.add(l.asText());
                }
            });
            out.add(outside.isEmpty() ? Outcome.pass(d, "allowlist " + geo.path("Locations"))
                    : Outcome.fail(d, "allowlist includes countries outside the EEA and CH: " + outside));
        }
        return out;
    }
}
