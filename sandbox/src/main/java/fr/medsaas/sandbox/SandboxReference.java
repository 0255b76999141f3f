package fr.medsaas.sandbox;

/**
 * The tables of docs/sandbox.md, generated from {@link EmulatedTypes} and {@link MotoDefect} so
 * that the documentation never drifts from the code (a test compares them).
 */
public final class SandboxReference {
    /** Marks the start of the generated part in docs/sandbox.md. */
    public static final String START = "<!-- sandbox-reference:start (generated from EmulatedTypes and MotoDefect; "
            + "SandboxReferenceTest keeps it in step) -->";
    /** Marks its end. */
    public static final String END = "<!-- sandbox-reference:end -->";

    private SandboxReference() {
    }

    /** The generated Markdown: emulated types, left-out types, moto's defects. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("### Emulated: created in the emulator, read back by the tests\n\n");
        sb.append("| type | note |\n|---|---|\n");
        for (EmulatedTypes.Row r : EmulatedTypes.rows()) {
            if (r.emulated()) {
                sb.append("| `").append(r.type()).append("` | ").append(r.note()).append(" |\n");
            }
        }
        sb.append("\n### Left out: listed by `deploy --local`, references to them get placeholders\n\n");
        sb.append("| type | why |\n|---|---|\n");
        sb.append("| `").append(EmulatedTypes.CUSTOM_PREFIX).append("*` | ")
                .append(EmulatedTypes.whyLeftOut(EmulatedTypes.CUSTOM_PREFIX + "Any")).append(" |\n");
        for (EmulatedTypes.Row r : EmulatedTypes.rows()) {
            if (!r.emulated()) {
                sb.append("| `").append(r.type()).append("` | ").append(r.note()).append(" |\n");
            }
        }
        sb.append("| any other type | ").append(EmulatedTypes.UNLISTED_REASON).append(" |\n");
        sb.append("\n### moto 5.2.1 defects met, and what the sandbox does\n\n");
        sb.append("| id | type | defect | workaround |\n|---|---|---|---|\n");
        for (MotoDefect d : MotoDefect.values()) {
            String where = d.resourceType().isEmpty() ? "every stack"
                    : "`" + d.resourceType() + "`" + (d.property().isEmpty() ? "" : " `" + d.property() + "`");
            sb.append("| `").append(d.id()).append("` | ").append(where).append(" | ").append(d.defect())
                    .append(" | ").append(d.workaround()).append(" |\n");
        }
        return sb.toString();
    }

    /** {@code text} with the part between the markers replaced by {@link #markdown()}. */
    public static String update(String text) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the markers of the generated sandbox reference are missing");
        }
        return text.substring(0, start + START.length()) + "\n" + markdown() + text.substring(end);
    }
}
