package fr.medsaas.compliance.cost;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.References;
import fr.medsaas.compliance.assembly.ResourceId;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.cost.CostReport.Line;
import fr.medsaas.compliance.cost.CostReport.Topic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the HDS hardening adds or saves a month (HARD-9, HARD-10), read from an assembly's priced
 * lines: the monitoring of each region other than the primary, the data perimeter and the
 * endpoints and NAT gateways around it, the organisation guardrails, and what the locks in
 * compliance mode commit. It prices nothing itself: each figure is a sum of lines of the estimate.
 */
final class HardeningCosts {
    /** The types of a region's threat detection and configuration recording. */
    static final Set<String> MONITORING = Set.of("AWS::GuardDuty::Detector", "AWS::Config::ConfigurationRecorder",
            "AWS::Config::ConfigRule", "AWS::SecurityHub::Hub");

    private final CloudAssembly assembly;
    private final References refs;
    private final List<Line> lines;
    private final PriceTable prices;
    private final String primary;

    HardeningCosts(CloudAssembly assembly, References refs, List<Line> lines, PriceTable prices, String primary) {
        this.assembly = assembly;
        this.refs = refs;
        this.lines = lines;
        this.prices = prices;
        this.primary = primary;
    }

    /**
     * The primary region of an assembly: the one holding the audit trail (a multi-region trail
     * lives in the home region), or else the one with the most resources.
     */
    static String primaryRegion(CloudAssembly assembly) {
        for (StackTemplate s : assembly.stacks()) {
            if (!s.logicalIdsOfType("AWS::CloudTrail::Trail").isEmpty()) {
                return s.region();
            }
        }
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        assembly.stacks().forEach(s -> counts.merge(s.region(), s.resourceCount(), Integer::sum));
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElse("");
    }

    List<Topic> topics() {
        List<Topic> out = new ArrayList<>(otherRegionsMonitoring());
        out.add(perimeter());
        out.add(guardrails());
        out.add(locks());
        out.add(protectionPlans());
        return out;
    }

    /** HARD-9: a region other than the primary with its own detector, recorder, rules or hub. */
    private List<Topic> otherRegionsMonitoring() {
        Set<String> regions = new TreeSet<>();
        for (StackTemplate s : assembly.stacks()) {
            if (!s.region().equals(primary) && s.resources().values().stream()
                    .anyMatch(r -> MONITORING.contains(r.path("Type").asText()))) {
                regions.add(s.region());
            }
        }
        List<Topic> out = new ArrayList<>();
        for (String region : regions) {
            Set<ResourceId> ids = new LinkedHashSet<>();
            int forwarding = 0;
            for (StackTemplate s : assembly.stacks()) {
                if (!s.region().equals(region)) {
                    continue;
                }
                for (var e : s.resources().entrySet()) {
                    String type = e.getValue().path("Type").asText();
                    if (MONITORING.contains(type)) {
                        ids.add(new ResourceId(s.stackName(), e.getKey()));
                    }
                    if ("AWS::Config::DeliveryChannel".equals(type)) {
                        // The delivery bucket and its key are part of the recording.
                        ids.addAll(refs.in(s.stackName(), e.getValue().path("Properties")));
                    }
                    if ("AWS::Events::Rule".equals(type) && e.getValue().path("Properties").path("Targets").toString()
                            .contains(":events:" + primary + ":")) {
                        forwarding++;
                    }
                }
            }
            List<Line> of = lines.stream().filter(l -> ids.contains(new ResourceId(l.stack(), l.logicalId()))).toList();
            List<String> details = new ArrayList<>();
            of.forEach(l -> details.add(detail(l)));
            if (forwarding > 0) {
                details.add(forwarding + " EventBridge rules forward its findings and key events to the alerts of " + primary
                        + ": no price of their own; the few events a month they carry are not priced");
            }
            out.add(new Topic("Monitoring of " + region + ", beside " + primary + " (HARD-9): GuardDuty, AWS Config "
                    + "and its delivery bucket and key, Security Hub", sum(of), details));
        }
        return out;
    }

    /**
     * HARD-9: GuardDuty's protection plans beyond S3 protection, line by line and region by region:
     * RDS protection, runtime monitoring of the Fargate tasks, malware scanning of the uploads. The
     * agent's endpoint, which GuardDuty creates, is not billed (AWS: "no additional cost for the
     * usage of the VPC endpoint"); the agent's sidecar shares its task's CPU and memory.
     */
    private Topic protectionPlans() {
        List<Line> of = lines.stream().filter(l -> l.priceId().startsWith("guardduty.rds")
                || l.priceId().startsWith("guardduty.runtime") || l.priceId().startsWith("guardduty.malware")).toList();
        List<String> details = new ArrayList<>();
        of.forEach(l -> details.add(detail(l) + " (" + l.region() + ")"));
        if (of.isEmpty()) {
            details.add("none: no detector of the assembly turns them on and no bucket has a malware protection plan");
        } else if (of.stream().anyMatch(l -> l.priceId().startsWith("guardduty.runtime"))) {
            details.add("GuardDuty's guardduty-data endpoint for the agent: created and not billed by GuardDuty; the "
                    + "agent's sidecar runs within its task's CPU and memory, no line of its own");
        }
        return new Topic("GuardDuty protection plans (HARD-9): RDS protection, runtime monitoring of Fargate, malware "
                + "scanning of the uploads", sum(of), details);
    }

    /** HARD-10: conditions in policies cost nothing; the endpoints they name and the NAT gateways are already counted. */
    private Topic perimeter() {
        List<String> details = new ArrayList<>();
        details.add("conditions on the task role's S3 and KMS use (aws:SourceVpc, kms:ViaService): no price");
        double endpoints = 0;
        List<String> names = new ArrayList<>();
        for (StackTemplate s : assembly.stacks()) {
            for (String id : s.logicalIdsOfType("AWS::EC2::VPCEndpoint")) {
                JsonNode p = s.resources().get(id).path("Properties");
                double cost = sum(lines.stream().filter(l -> l.stack().equals(s.stackName()) && l.logicalId().equals(id)).toList());
                endpoints += cost;
                names.add(service(p.path("ServiceName")) + " (" + p.path("VpcEndpointType").asText("Gateway")
                        + String.format(Locale.ROOT, ") %.2f", cost));
            }
        }
        details.add(names.isEmpty() ? "no VPC endpoint: the perimeter has no endpoint to name"
                : String.format(Locale.ROOT, "the platform's VPC endpoints, counted in their stack, none added by the perimeter "
                        + "(the task role's S3 and KMS calls come through s3 and kms) (%.2f): %s", endpoints, String.join(", ", names)));
        List<Line> nat = lines.stream().filter(l -> l.type().equals("AWS::EC2::NatGateway")).toList();
        long gateways = nat.stream().map(l -> l.stack() + "/" + l.logicalId()).distinct().count();
        boolean interfaceEndpoints = names.stream().anyMatch(n -> n.contains("(Interface)"));
        if (gateways > 0 && interfaceEndpoints) {
            details.add(String.format(Locale.ROOT, "not saved: %d NAT gateways with their addresses and traffic, %.2f, kept in "
                    + "this pass although every AWS call of the tasks goes through endpoints (docs/security-model.md)",
                    gateways, sum(nat)));
        } else if (gateways > 0) {
            details.add(String.format(Locale.ROOT, "%d NAT gateways with their addresses and traffic, %.2f: needed, the tasks "
                    + "reach the AWS APIs without an interface endpoint through them", gateways, sum(nat)));
        }
        return new Topic("Data perimeter of the task role (HARD-10): policy conditions, no resource of its own", 0, details);
    }

    /** HARD-9: the policies `medsaas guardrails` writes are attached in AWS Organizations, outside the assembly. */
    private Topic guardrails() {
        double perPolicy = prices.find("organizations.policy", "global").map(PriceTable.Row::usd).orElse(0.0);
        return new Topic("Organisation guardrails (HARD-9, medsaas guardrails): service and resource control policies",
                0, List.of(String.format(Locale.ROOT, "organizations.policy: %s USD a policy: AWS Organizations does not "
                        + "charge for them; they are attached outside the assembly", CostEstimator.fmt(perPolicy))));
    }

    /** HARD-9: compliance-mode locks have no price, but they fix how long storage is paid for. */
    private Topic locks() {
        List<String> details = new ArrayList<>();
        for (StackTemplate s : assembly.stacks()) {
            for (var e : s.resources().entrySet()) {
                JsonNode r = e.getValue();
                JsonNode p = r.path("Properties");
                double storage = sum(lines.stream().filter(l -> l.stack().equals(s.stackName())
                        && l.logicalId().equals(e.getKey())).toList());
                String type = r.path("Type").asText();
                JsonNode retention = p.path("ObjectLockConfiguration").path("Rule").path("DefaultRetention");
                if ("AWS::S3::Bucket".equals(type) && retention.has("Mode")) {
                    String mode = retention.path("Mode").asText();
                    String days = retention.has("Days") ? retention.path("Days").asText() + " days"
                            : retention.path("Years").asText() + " years";
                    details.add(String.format(Locale.ROOT, "%s (%s, %s): Object Lock %s, each object kept %s%s; its storage, "
                                    + "%.2f a month at this usage, is paid for that long", e.getKey(), s.stackName(), s.region(), mode,
                            days, "COMPLIANCE".equals(mode) ? " and nobody, root included, deletes it earlier"
                                    : ", earlier only with s3:BypassGovernanceRetention", storage));
                }
                JsonNode lock = p.path("LockConfiguration");
                if ("AWS::Backup::BackupVault".equals(type) && lock.has("MinRetentionDays")) {
                    boolean compliance = lock.has("ChangeableForDays");
                    details.add(String.format(Locale.ROOT, "%s (%s, %s): vault lock in %s mode, recovery points kept at least %s "
                                    + "days%s; its storage, %.2f a month at this usage, is paid for that long", e.getKey(),
                            s.stackName(), s.region(), compliance ? "compliance" : "governance",
                            lock.path("MinRetentionDays").asText(), compliance ? ", the lock and the vault beyond anyone's "
                                    + "reach " + lock.path("ChangeableForDays").asText() + " days after it is set"
                                    : ", removable by those the vault policy allows", storage));
                }
            }
        }
        if (details.isEmpty()) {
            details.add("no Object Lock and no vault lock in this assembly");
        }
        return new Topic("Locks in compliance mode (HARD-9): no price of their own, but storage they forbid cutting short",
                0, details);
    }

    private static String service(JsonNode serviceName) {
        StringBuilder text = new StringBuilder();
        collectText(serviceName, text);
        String s = text.toString();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static void collectText(JsonNode n, StringBuilder out) {
        if (n.isTextual()) {
            out.append(n.asText());
        } else if (n.isContainerNode() && !n.has("Ref")) {
            n.forEach(c -> collectText(c, out));
        }
    }

    private static String detail(Line l) {
        return String.format(Locale.ROOT, "%s %s: %s, %.2f", l.logicalId(), l.priceId(), l.what(), l.monthlyUsd());
    }

    private static double sum(List<Line> of) {
        return of.stream().mapToDouble(Line::monthlyUsd).sum();
    }
}
