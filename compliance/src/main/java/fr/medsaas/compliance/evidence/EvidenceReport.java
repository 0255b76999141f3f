package fr.medsaas.compliance.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence an HDS or RGPD auditor asks for (CMPL-3, CMPL-5), built from one assembly and one
 * run of every pack; every status comes from the templates, none is written by hand. Language-free:
 * the writers put it into words.
 *
 * @param summary          what the report was made from
 * @param controls         our rules (automated) then the items the operator proves (manual)
 * @param references       the controls grouped by reference (HDS EXI, RGPD article, CNIL, our ids)
 * @param acknowledgements every acknowledgement in the templates' {@code cdk_nag} metadata
 * @param residency        where the data lives and what crosses the EEA border
 * @param diagramSvg       the architecture diagram, an SVG document; empty when not asked (JSON, Markdown)
 * @param cost             the monthly estimate
 * @param audit            the live audit, when one was given
 * @param comparison       what changed since an earlier report, when one was given
 */
public record EvidenceReport(Summary summary, List<Control> controls, List<ReferenceGroup> references,
                             List<Ack> acknowledgements, Residency residency, Optional<String> diagramSvg, CostSummary cost,
                             Optional<LiveAudit> audit, Optional<Comparison> comparison) {

    /** The version of the JSON schema ({@code docs/report-schema.json}) this model is written to. */
    public static final String SCHEMA_VERSION = "2.0";

    /**
     * What the report was made from.
     *
     * @param environment    the environment (from {@code --env}, else the stacks' names)
     * @param generatedAt    when
     * @param toolVersion    medsaas's version
     * @param gitCommit      the infrastructure's commit, or {@code unknown}
     * @param packs          the rule packs that ran, with their versions
     * @param assemblySha256 SHA-256 over manifest.json and every template, in manifest order
     * @param stacks         stacks in the assembly
     * @param resources      resources in the assembly
     * @param counts         controls per status
     */
    public record Summary(String environment, Instant generatedAt, String toolVersion, String gitCommit,
                          List<Pack> packs, String assemblySha256, int stacks, int resources,
                          Map<ControlStatus, Integer> counts) {
    }

    /**
     * A rule pack and its version.
     *
     * @param name    its name
     * @param version its version
     * @param where   when it ran: {@code synthesis} (cdk-nag) or {@code report} (ours, again now)
     */
    public record Pack(String name, String version, String where) {
    }

    /**
     * One control: a rule of our pack, or an item only the operator can prove.
     *
     * @param id         the rule id ({@code MEDSAAS-RES-1}) or manual item id ({@code MAN-ISMS})
     * @param automated  whether the templates prove it
     * @param level      the rule's level ({@code error}, {@code warning}); {@code manual} for manual items
     * @param status     its status
     * @param references what it answers (HDS EXI, RGPD article, CNIL, our ids)
     * @param evidence   every answer of the rule, resource by resource (empty for manual items)
     */
    public record Control(String id, boolean automated, String level, ControlStatus status, List<String> references,
                          List<Evidence> evidence) {
    }

    /**
     * One answer of a rule, and the resource that proves or breaks it.
     *
     * @param ruleStatus     the rule's answer: compliant, non-compliant, not-applicable, cannot-decide
     * @param stack          the stack, empty for an answer about the whole assembly
     * @param region         its region
     * @param logicalId      the resource
     * @param type           its type
     * @param constructPath  its construct path
     * @param proof          what the rule saw (the property and value that prove it, or what is wrong)
     * @param acknowledgment the reason of its acknowledgement, if acknowledged
     * @param nagFindings    the cdk-nag (and other packs') findings acknowledged on the same resource
     */
    public record Evidence(String ruleStatus, String stack, String region, String logicalId, String type,
                           String constructPath, String proof, Optional<String> acknowledgment, List<Ack> nagFindings) {
    }

    /**
     * The controls citing one reference.
     *
     * @param reference  {@code HDS EXI 28}, {@code RGPD art. 32(1)(a)}, {@code CNIL journalisation}, {@code REG-1}
     * @param family     {@code HDS}, {@code RGPD}, {@code CNIL} or {@code MEDSAAS}
     * @param status     the worst status of its automated controls, manual when it has none
     * @param controlIds the controls
     */
    public record ReferenceGroup(String reference, String family, ControlStatus status, List<String> controlIds) {
    }

    /**
     * An acknowledgement written next to a resource.
     *
     * @param rule          the rule acknowledged
     * @param pack          the pack of the rule (its id's prefix)
     * @param stack         the stack
     * @param logicalId     the resource
     * @param type          its type
     * @param constructPath its construct path
     * @param reason        the reason, as written
     */
    public record Ack(String rule, String pack, String stack, String logicalId, String type, String constructPath,
                      String reason) {
    }

    /**
     * Where data lives (CMPL-5, HDS EXI 28, 31).
     *
     * @param stores              every store and copy
     * @param crossings           what crosses the EEA border
     * @param healthDataOutsideEea whether a store of health data is in a region outside the EEA (edge caches apart:
     *                             they are crossings of their own)
     */
    public record Residency(List<Store> stores, List<Crossing> crossings, boolean healthDataOutsideEea) {
    }

    /**
     * One store or copy.
     *
     * @param stack      the stack
     * @param logicalId  the resource
     * @param type       its type
     * @param name       the name it is given in the template, else its logical id
     * @param region     its region ({@code unknown} when the template does not say)
     * @param inEea      whether the region is in the EEA
     * @param healthData whether it is tagged as health data
     * @param key        the customer key ({@code stack/logicalId}), or empty when none
     * @param retention  how long it keeps data, as the template says: comma-separated {@code what days} terms
     *                   ({@code logs 365}, {@code objects 365}, {@code versions 30}, {@code backups 30},
     *                   {@code snapshots 15}, {@code points 35}, {@code copies 35}) or one word
     *                   ({@code never}, {@code no-expiry}, {@code cache}); empty when the template says nothing
     * @param readers    who can read it, as the templates name them
     */
    public record Store(String stack, String logicalId, String type, String name, String region, boolean inEea,
                        boolean healthData, Optional<String> key, Optional<String> retention, List<String> readers) {
    }

    /**
     * Something that crosses the EEA border.
     *
     * @param kind      {@code resource-outside-eea}, {@code edge-locations} or {@code provider-law}
     * @param stack     the stack, empty for the provider
     * @param logicalId the resource, empty for the provider
     * @param type      its type
     * @param region    its region, or where it reaches
     * @param detail    what the template says (price class, type)
     * @param holdsData whether it stores data (a store type, or an edge cache of a health-data origin), as
     *                  opposed to settings or transit
     */
    public record Crossing(String kind, String stack, String logicalId, String type, String region, String detail,
                           boolean holdsData) {
    }

    /**
     * The cost estimate, summed.
     *
     * @param priceDate the price table's date
     * @param currency  its currency
     * @param totalUsd  the monthly total
     * @param byStack   the monthly total of each stack
     * @param notPriced resources that cost money and have no price here
     */
    public record CostSummary(String priceDate, String currency, double totalUsd, Map<String, Double> byStack,
                              int notPriced) {
    }

    /**
     * A live audit's results ({@code medsaas audit --format json}).
     *
     * @param environment   its environment
     * @param at            when it ran
     * @param counts        PASS, FAIL, COULD_NOT_CHECK
     * @param findings      its findings
     * @param operations    how many read-only operations it called
     */
    public record LiveAudit(String environment, String at, Map<String, Integer> counts, List<AuditFinding> findings,
                            int operations) {
    }

    /**
     * One finding of the live audit.
     *
     * @param ruleId  the rule (shared with the check)
     * @param status  PASS, FAIL, COULD_NOT_CHECK
     * @param where   the stack and logical id, or the physical id
     * @param region  the region
     * @param message what it saw
     */
    public record AuditFinding(String ruleId, String status, String where, String region, String message) {
    }

    /**
     * What changed since an earlier report.
     *
     * @param previousAt       when the earlier report was made
     * @param previousSha256   its assembly's SHA-256
     * @param newFindings      findings now that it did not have ({@code rule stack/logicalId status})
     * @param resolvedFindings findings it had that are gone
     * @param newAcknowledgements acknowledgements now that it did not have
     * @param removedAcknowledgements acknowledgements it had that are gone
     */
    public record Comparison(String previousAt, String previousSha256, List<String> newFindings,
                             List<String> resolvedFindings, List<String> newAcknowledgements,
                             List<String> removedAcknowledgements) {
    }
}
