package fr.medsaas.compliance.evidence;

import java.util.List;

/**
 * What HDS and the RGPD ask that no template can prove (contracts, ISMS, staff, procedures): listed
 * as manual so the auditor sees the whole referential. Their texts (what it is, what the operator
 * brings) are in the message bundles under {@code manual.<id>.title} and {@code manual.<id>.bring}.
 */
public final class ManualControls {
    /**
     * A manual item and the references it answers.
     *
     * @param id         stable id
     * @param references HDS EXI numbers and RGPD articles
     */
    public record Item(String id, List<String> references) {
    }

    /** Every manual item, in the order of the report. */
    public static final List<Item> ITEMS = List.of(
            new Item("MAN-ISMS", List.of("HDS EXI 04", "RGPD art. 32(1)(d)")),
            new Item("MAN-HOST", List.of("HDS EXI 04", "RGPD art. 28")),
            new Item("MAN-CONTRACT", List.of("HDS EXI 27", "HDS EXI 30", "RGPD art. 28")),
            new Item("MAN-TRANSFER", List.of("HDS EXI 05 H", "HDS EXI 29", "HDS EXI 30", "HDS EXI 31", "RGPD art. 44-46")),
            new Item("MAN-REVERSIBILITY", List.of("HDS EXI 27")),
            new Item("MAN-TRACES", List.of("HDS EXI 15", "HDS EXI 16", "CNIL journalisation")),
            new Item("MAN-RESTORE", List.of("HDS EXI 05 G", "RGPD art. 32(1)(c)", "RGPD art. 32(1)(d)")),
            new Item("MAN-STAFF", List.of("RGPD art. 32(4)", "RGPD art. 32(1)(b)")),
            new Item("MAN-REGISTER", List.of("RGPD art. 30", "RGPD art. 35")),
            new Item("MAN-BREACH", List.of("RGPD art. 33")),
            new Item("MAN-FRENCH", List.of("HDS EXI 07", "HDS EXI 08")));

    private ManualControls() {
    }
}
