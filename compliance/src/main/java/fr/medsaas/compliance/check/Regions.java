package fr.medsaas.compliance.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** AWS regions inside the European Economic Area (HDS EXI 28), and where a resource says it is. */
public final class Regions {
    /**
     * The commercial AWS regions on EEA soil: Frankfurt, Ireland, Paris, Stockholm, Milan, Spain.
     * London (UK) and Zurich (CH) are outside the EEA.
     */
    public static final Set<String> EEA = Set.of("eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1",
            "eu-south-1", "eu-south-2");

    private Regions() {
    }

    /** Whether {@code region} is in the EEA. */
    public static boolean inEea(String region) {
        return EEA.contains(region);
    }

    /**
     * Where a resource is: its stack's region, else the region a literal availability zone of
     * its own names (a lone template often says nothing else).
     */
    public static Optional<String> of(Resource r) {
        Optional<String> stack = r.region();
        if (stack.isPresent()) {
            return stack;
        }
        for (String field : new String[] {"AvailabilityZone", "AvailabilityZones", "PreferredAvailabilityZones"}) {
            JsonNode az = r.property(field);
            JsonNode first = az.isArray() ? az.path(0) : az;
            if (first.isTextual() && first.asText().matches("[a-z]{2}(-gov)?-[a-z]+-\\d[a-z]")) {
                String zone = first.asText();
                return Optional.of(zone.substring(0, zone.length() - 1));
            }
        }
        return Optional.empty();
    }
}
