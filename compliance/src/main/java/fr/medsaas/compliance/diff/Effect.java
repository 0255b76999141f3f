package fr.medsaas.compliance.diff;

/** What a deployment would do to one resource. */
public enum Effect {
    /** Deleted: it leaves the stack and CloudFormation deletes it (with a Snapshot policy, after a snapshot). */
    DELETED("deleted"),
    /** Replaced: a new resource is made and the old one deleted (or kept, with UpdateReplacePolicy Retain). */
    REPLACED("replaced"),
    /** May be replaced: a changed property replaces the resource in some cases only (the schema says it depends). */
    MAY_BE_REPLACED("may be replaced"),
    /** Unknown: a custom resource's handler, or a type the specification does not know, decides. */
    UNKNOWN("unknown"),
    /** Orphaned: it leaves the stack, but its Retain policy keeps it (not data loss). */
    ORPHANED("orphaned"),
    /** Updated in place. */
    UPDATED("updated in place"),
    /** Added. */
    ADDED("added");

    private final String label;

    Effect(String label) {
        this.label = label;
    }

    /** How the text output names it. */
    public String label() {
        return label;
    }
}
