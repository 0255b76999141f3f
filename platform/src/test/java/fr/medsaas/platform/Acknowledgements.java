package fr.medsaas.platform;

import java.util.Map;
import java.util.TreeMap;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/** The rule-pack acknowledgements recorded on one construct (by nag/Acknowledge), read back in tests. */
public final class Acknowledgements {
    private Acknowledgements() {
    }

    /** Qualified rule id ({@code AwsSolutions::AwsSolutions-CFR4}) to reason, for {@code construct} itself. */
    public static Map<String, String> of(IConstruct construct) {
        Map<String, String> out = new TreeMap<>();
        for (MetadataEntry entry : construct.getNode().getMetadata()) {
            if ("aws:cdk:acknowledged-rules".equals(entry.getType()) && entry.getData() instanceof Map<?, ?> data) {
                data.forEach((rule, reason) -> out.put(String.valueOf(rule), String.valueOf(reason)));
            }
        }
        return out;
    }
}
