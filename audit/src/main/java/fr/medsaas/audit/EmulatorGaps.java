package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulator does not hold although the deployed templates declare it, as the sandbox
 * wrote it in each emulator template's metadata ({@link #METADATA}): resources left out (with the
 * logical IDs they name) and declared properties that moto ignores. A FAIL that one of those
 * explains is reported {@link Status#NOT_EMULATED}, never a PASS; any other FAIL stays a FAIL.
 * Read only when the audit runs against an endpoint override: a real account never gets it.
 */
final class EmulatorGaps {
    /** The template metadata key the sandbox writes (EmulatorTemplates.NOT_EMULATED_METADATA). */
    static final String METADATA = "MedSaasSandboxNotEmulated";

    /** An account-wide control that fails with "no X in REGION" when the resource that makes X is left out. */
    private record Missing(String type, String messagePrefix) {
    }

    private static final Map<String, Missing> ACCOUNT_WIDE = Map.of(
            Control.TRC_1.id(), new Missing("AWS::CloudTrail::Trail", "no trail found in "),
            Control.LIVE_5.id(), new Missing("AWS::Config::ConfigurationRecorder", "no configuration recorder in "),
            Control.LIVE_6.id(), new Missing("AWS::GuardDuty::Detector", "no GuardDuty detector in "),
            Control.LIVE_7.id(), new Missing("AWS::Backup::BackupVault", "no backup vault in "),
            Control.BCK_1.id(), new Missing("AWS::Backup::BackupPlan", "no backup plan in "));

    /** A left-out resource of a stack. */
    private record LeftOut(String stack, String region, String logicalId, String type, String reason, Map<String, String> names) {
    }

    /** A declared property moto ignores on a kept resource. */
    private record Ignored(String stack, String logicalId, String property, String defect) {
    }

    private final List<LeftOut> leftOut = new ArrayList<>();
    private final List<Ignored> ignored = new ArrayList<>();

    private EmulatorGaps() {
    }

    /** The gaps the sandbox recorded in the stacks' templates; none when no template carries the metadata. */
    static EmulatorGaps of(Inventory inventory) {
        return of(inventory.stacks());
    }

    /** The gaps recorded in these stacks' templates. */
    static EmulatorGaps of(List<Inventory.DeployedStack> stacks) {
        EmulatorGaps g = new EmulatorGaps();
        for (Inventory.DeployedStack s : stacks) {
            JsonNode mark = s.template().path("Metadata").path(METADATA);
            for (JsonNode l : mark.path("LeftOut")) {
                Map<String, String> names = new java.util.HashMap<>();
                l.path("Names").fields().forEachRemaining(n -> names.put(n.getKey(), n.getValue().asText()));
                g.leftOut.add(new LeftOut(s.name(), s.region(), l.path("LogicalId").asText(), l.path("Type").asText(),
                        l.path("Reason").asText(), names));
            }
            for (JsonNode i : mark.path("IgnoredByMoto")) {
                g.ignored.add(new Ignored(s.name(), i.path("LogicalId").asText(), i.path("Property").asText(),
                        i.path("Defect").asText()));
            }
        }
        return g;
    }

    /** Whether any template carried the sandbox's metadata. */
    boolean any() {
        return !leftOut.isEmpty() || !ignored.isEmpty();
    }

    /** Why this FAIL comes from what the emulator does not hold; empty for a real failure. */
    Optional<String> explain(AuditFinding f) {
        if (f.status() != Status.FAIL) {
            return Optional.empty();
        }
        Missing missing = ACCOUNT_WIDE.get(f.ruleId());
        if (missing != null && f.stackName().isEmpty() && f.message().startsWith(missing.messagePrefix())) {
            boolean anyRegion = f.ruleId().equals(Control.TRC_1.id());
            return leftOut.stream().filter(l -> l.type().equals(missing.type()) && (anyRegion || l.region().equals(f.region())))
                    .findFirst().map(l -> l.stack() + " declares " + l.type() + " " + l.logicalId() + ", not emulated: "
                            + l.reason());
        }
        if (f.ruleId().equals(Control.PUB_1.id()) && f.message().equals(ResourceControls.NO_PUBLIC_ACCESS_BLOCK)) {
            return ignoredOn(f, "PublicAccessBlockConfiguration");
        }
        if ((f.ruleId().equals(Control.TLS_1.id()) || f.ruleId().equals(Control.LIVE_1.id()))
                && f.message().startsWith(ResourceControls.NO_BUCKET_POLICY)) {
            return leftOut.stream().filter(l -> l.stack().equals(f.stackName()) && l.type().equals("AWS::S3::BucketPolicy")
                    && f.logicalId().equals(l.names().get("Bucket"))).findFirst()
                    .map(l -> "its AWS::S3::BucketPolicy " + l.logicalId() + " is not emulated: " + l.reason());
        }
        if (f.ruleId().equals(Control.LIVE_9.id()) && f.message().equals(ResourceControls.EGRESS_BEYOND + "all traffic to 0.0.0.0/0")) {
            return ignoredOn(f, "SecurityGroupEgress").map(why -> "the template declares inline egress, so AWS removes the "
                    + "default allow-all rule; " + why);
        }
        return Optional.empty();
    }

    private Optional<String> ignoredOn(AuditFinding f, String property) {
        return ignored.stream().filter(i -> i.stack().equals(f.stackName()) && i.logicalId().equals(f.logicalId())
                && i.property().equals(property)).findFirst()
                .map(i -> "the template declares " + property + ", which moto ignores (" + i.defect() + ")");
    }

    /** {@code all} with each FAIL that a gap explains turned into NOT_EMULATED, its message saying which gap. */
    List<AuditFinding> apply(List<AuditFinding> all) {
        List<AuditFinding> out = new ArrayList<>();
        for (AuditFinding f : all) {
            out.add(explain(f).map(why -> new AuditFinding(f.ruleId(), Status.NOT_EMULATED, f.message() + " (" + why + ")",
                    f.physicalId(), f.region(), f.stackName(), f.logicalId(), f.constructPath(), f.references())).orElse(f));
        }
        return out;
    }
}
