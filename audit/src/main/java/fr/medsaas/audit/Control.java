package fr.medsaas.audit;

import java.util.List;

/**
 * The controls the audit answers, each with its ID and references. IDs of live twins are those
 * of {@code check}'s rule pack (see RULE-IDS in the issue tracker); the LIVE and DRIFT IDs exist
 * only in a live account.
 */
public enum Control {
    ENC_1("MEDSAAS-ENC-1", "customer-managed KMS key on every health-data store",
            List.of("DB-4", "RD-3", "S3-2", "HDS EXI 05 B.c", "RGPD 32(1)(a)")),
    TLS_1("MEDSAAS-TLS-1", "TLS enforced on every data path",
            List.of("S3-3", "RD-3", "HDS EXI 05 C", "RGPD 5(1)(f)")),
    PUB_1("MEDSAAS-PUB-1", "no public store", List.of("S3-3", "DB-5", "HDS EXI 05 C", "RGPD 32(1)(b)")),
    RET_1("MEDSAAS-RET-1", "log retention bounded within 365..1095 days",
            List.of("OBS-1", "CNIL journalisation", "RGPD 5(1)(e)", "HDS EXI 16")),
    TRC_1("MEDSAAS-TRC-1", "a trail logging, validated, with data events on every health-data bucket",
            List.of("CMP-2", "HDS EXI 05 D.c", "HDS EXI 15", "HDS EXI 16")),
    RES_1("MEDSAAS-RES-1", "every resource of the environment is in an EEA region",
            List.of("REG-3", "HDS EXI 28", "RGPD 44-46")),
    BCK_1("MEDSAAS-BCK-1", "backups copied to a second EEA region",
            List.of("BCK-1", "REG-2", "HDS EXI 05 G", "RGPD 32(1)(c)")),
    LIVE_1("MEDSAAS-LIVE-1", "health-data bucket policy denies requests outside the workload's regions",
            List.of("S3-4", "HDS EXI 28")),
    LIVE_2("MEDSAAS-LIVE-2", "log group encrypted with a KMS key", List.of("OBS-1", "RGPD 32(1)(a)")),
    LIVE_3("MEDSAAS-LIVE-3", "customer-managed key enabled with rotation on", List.of("KMS-1", "HDS EXI 05 B.c")),
    LIVE_4("MEDSAAS-LIVE-4", "no security-group ingress by CIDR beyond the deployed template (the SG chain)",
            List.of("SG-5", "HDS EXI 05 C", "RGPD 32(1)(b)")),
    LIVE_9("MEDSAAS-LIVE-9", "no security-group egress by CIDR beyond the deployed template (AWS's default allow-all included)",
            List.of("HARD-8", "SG-5", "NET-5", "HDS EXI 05 C", "RGPD 32(1)(b)")),
    LIVE_5("MEDSAAS-LIVE-5", "AWS Config recorder recording", List.of("CMP-1", "RGPD 32(1)(d)")),
    LIVE_6("MEDSAAS-LIVE-6", "GuardDuty detector enabled", List.of("CMP-3", "HDS EXI 05 F", "RGPD 33")),
    LIVE_7("MEDSAAS-LIVE-7", "backup vault locked", List.of("BCK-3", "HDS EXI 05 G")),
    KEY_1("MEDSAAS-KEY-1", "key policy names who may use the key; the account root administers only",
            List.of("HARD-7", "KMS-2", "HDS EXI 05 B.c", "HDS EXI 05 D", "RGPD 5(1)(f)", "RGPD 32(1)(b)")),
    DRIFT_1("MEDSAAS-DRIFT-1", "stack in sync with its template (CloudFormation drift detection)",
            List.of("AUD-1", "RGPD 32(1)(d)")),
    DRIFT_2("MEDSAAS-DRIFT-2", "properties that matter equal the deployed template's (own comparison)",
            List.of("AUD-1", "RGPD 32(1)(d)"));

    private final String id;
    private final String title;
    private final List<String> references;

    Control(String id, String title, List<String> references) {
        this.id = id;
        this.title = title;
        this.references = references;
    }

    /** The rule ID, e.g. MEDSAAS-PUB-1. */
    public String id() {
        return id;
    }

    /** What the control asserts. */
    public String title() {
        return title;
    }

    /** Requirement IDs, HDS EXI numbers, RGPD articles. */
    public List<String> references() {
        return references;
    }
}
