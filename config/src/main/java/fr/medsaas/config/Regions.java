package fr.medsaas.config;

import java.util.List;

/** What we know of AWS regions for residency rules (REG-3), as plain data. */
public final class Regions {
    /**
     * Commercial AWS regions located in an EU member state. London (eu-west-2) and Zurich
     * (eu-central-2) are in Europe but not in the EU, so they are refused for health data.
     */
    public static final List<String> EU = List.of(
            "eu-west-3", "eu-central-1", "eu-west-1", "eu-north-1", "eu-south-1", "eu-south-2");

    /** The only region where AWS accepts a CLOUDFRONT-scope web ACL. */
    public static final String CLOUDFRONT_WAF = "us-east-1";

    private Regions() {
    }

    /** True for a region inside the EU. */
    public static boolean isEu(String region) {
        return EU.contains(region);
    }
}
