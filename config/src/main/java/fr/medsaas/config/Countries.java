package fr.medsaas.config;

import java.util.List;
import java.util.stream.Stream;

/** Countries CloudFront may serve (REG-4), as ISO 3166-1 alpha-2 codes: plain data. */
public final class Countries {
    /** The 27 member states of the European Union. */
    public static final List<String> EU = List.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** The European Economic Area: the EU, Iceland, Liechtenstein and Norway. */
    public static final List<String> EEA = Stream.concat(EU.stream(), Stream.of("IS", "LI", "NO")).sorted().toList();

    /**
     * Where viewers may be served from: the EEA, whose law is the GDPR, and Switzerland, which
     * the European Commission recognises as giving adequate protection and which the source's
     * allowlist names.
     */
    public static final List<String> VIEWER_ALLOWED = Stream.concat(EEA.stream(), Stream.of("CH")).sorted().toList();

    private Countries() {
    }

    /** True for a country CloudFront may serve. */
    public static boolean isViewerAllowed(String code) {
        return VIEWER_ALLOWED.contains(code);
    }
}
