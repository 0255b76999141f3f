package fr.medsaas.compliance.stores;

import java.util.List;
import java.util.Optional;

/**
 * What one CloudFormation type says about data protection: one row of {@link StoreCatalogue},
 * read by the rules, the residency table, the diff guard and {@code docs/rules.md} alike. Paths
 * are in the {@link JsonPaths} language, from the resource's {@code Properties}.
 *
 * @param type       the CloudFormation type
 * @param word       what it is, for a person ("database", "bucket", ...)
 * @param kind       what it holds
 * @param stateful   whether replacing it loses data
 * @param name       the property that names it; empty when the type has none
 * @param encryption how it says it is encrypted and with which key; empty when it holds no data to encrypt
 * @param tags       where its tags are ({@code Tags}, {@code FileSystemTags}, {@code Replicas[].Tags}, ...)
 * @param retention  the properties that bound how long its data or its backups are kept; empty when none
 * @param copies     the properties that make a copy of it elsewhere, and how each says its region
 */
public record StoreType(String type, String word, Kind kind, boolean stateful, String name,
                        Optional<Encryption> encryption, String tags, String retention, List<CopySpec> copies) {

    /** What a store holds. */
    public enum Kind {
        DATABASE, CACHE, FILES, OBJECTS, STREAM, MESSAGES, SECRET, LOGS, BACKUPS, IMAGES, KEY, DESTINATION;

        /** Databases, caches and file systems: stores of data by nature, which say whether it is health data. */
        public boolean database() {
            return this == DATABASE || this == CACHE || this == FILES;
        }

        /** Whether it can hold health data (keys and log destinations hold none). */
        public boolean holdsData() {
            return this != KEY && this != DESTINATION;
        }
    }

    /** What happens when no key of ours is named. */
    public enum Otherwise {
        UNENCRYPTED("unencrypted"), AWS_OWNED("AWS-owned key"), AWS_MANAGED("AWS-managed key"),
        NOT_POSSIBLE("cannot be encrypted at rest");

        private final String label;

        Otherwise(String label) {
            this.label = label;
        }

        /** For a person. */
        public String label() {
            return label;
        }
    }

    /**
     * How a type says it is encrypted at rest.
     *
     * @param when      the condition under which it is encrypted with a KMS key ({@link JsonPaths#holds}); empty when always
     * @param key       the path of the customer-managed key; empty when it cannot name one
     * @param otherwise what protects it when the condition fails or no key is named
     * @param inTransit the condition that says transit encryption is on, when the type has one; empty otherwise
     */
    public record Encryption(String when, String key, Otherwise otherwise, String inTransit) {
    }

    /**
     * One way a store is copied elsewhere.
     *
     * @param what    for a person ("global-table replica")
     * @param list    the path of the copies (each element one copy), e.g. {@code Replicas[]}
     * @param region  the path, inside one copy, of its region as a literal; empty when it names a resource instead
     * @param target  the path, inside one copy, of the resource or ARN it copies to; empty when it names a region
     * @param key     the path, inside one copy, of the copy's KMS key; empty when the copy names none
     */
    public record CopySpec(String what, String list, String region, String target, String key) {
    }
}
