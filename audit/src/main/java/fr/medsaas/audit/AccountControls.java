package fr.medsaas.audit;

import fr.medsaas.config.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The account-wide controls: the trail (logging, validation, data events on every health-data
 * bucket), the services this build cannot read yet (Config, GuardDuty, Backup: reported as
 * "could not check" with the reason), and the residency sweep over every enabled region.
 */
final class AccountControls {
    /** Why Config, GuardDuty and Backup are not read yet; see docs/audit.md. */
    static final String NO_CLIENT = "not read by this version: the AWS SDK modules for this service (config, guardduty, "
            + "backup, resourcegroupstaggingapi) are not available to the build yet (docs/audit.md)";

    private final AwsAccess aws;
    private final Inventory inventory;
    private final Findings findings;
    private final Progress progress;
    private final String primary;
    private final String backupRegion;
    private final String edge;
    private final String stackPrefix;

    AccountControls(AwsAccess aws, Inventory inventory, Findings findings, Progress progress, String primary,
                    String backupRegion, String edge, String stackPrefix) {
        this.aws = aws;
        this.inventory = inventory;
        this.findings = findings;
        this.progress = progress;
        this.primary = primary;
        this.backupRegion = backupRegion;
        this.edge = edge;
        this.stackPrefix = stackPrefix;
    }

    void run() {
        trail();
        for (String region : List.of(primary, backupRegion)) {
            findings.on("account", region, Control.LIVE_5, Status.COULD_NOT_CHECK, NO_CLIENT);
            findings.on("account", region, Control.LIVE_6, Status.COULD_NOT_CHECK, NO_CLIENT);
            findings.on("account", region, Control.LIVE_7, Status.COULD_NOT_CHECK, NO_CLIENT);
        }
        findings.on("account", primary, Control.BCK_1, Status.COULD_NOT_CHECK, NO_CLIENT);
        residency();
    }

    // ---- CloudTrail

    private void trail() {
        progress.step(primary, "cloudtrail", "trails");
        var ct = aws.cloudTrail(primary);
        AwsAccess.Read<List<Trail>> trails = aws.read(() -> ct.describeTrails(r -> r.includeShadowTrails(true)).trailList());
        if (trails.failed()) {
            findings.on("account", primary, Control.TRC_1, Status.COULD_NOT_CHECK, trails.unreadable());
            return;
        }
        if (trails.value().isEmpty()) {
            findings.on("account", primary, Control.TRC_1, Status.FAIL, "no trail found in " + primary);
            return;
        }
        List<String> healthBuckets = inventory.ofType("AWS::S3::Bucket").stream().filter(DeployedResource::healthData)
                .map(DeployedResource::physicalId).toList();
        for (Trail t : trails.value()) {
            String arn = t.trailARN() == null ? t.name() : t.trailARN();
            AwsAccess.Read<GetTrailStatusResponse> status = aws.read(() -> ct.getTrailStatus(r -> r.name(arn)));
            AwsAccess.Read<GetEventSelectorsResponse> selectors = aws.read(() -> ct.getEventSelectors(r -> r.trailName(arn)));
            if (status.failed() || selectors.failed()) {
                findings.on(arn, primary, Control.TRC_1, Status.COULD_NOT_CHECK,
                        status.failed() ? status.unreadable() : selectors.unreadable());
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (!Boolean.TRUE.equals(status.value().isLogging())) {
                problems.add("not logging (stopped)");
            }
            if (!Boolean.TRUE.equals(t.logFileValidationEnabled())) {
                problems.add("log file validation off");
            }
            for (String bucket : healthBuckets) {
                if (!coversDataEvents(selectors.value(), bucket)) {
                    problems.add("no S3 data events on health-data bucket " + bucket);
                }
            }
            findings.on(arn, primary, Control.TRC_1, problems.isEmpty() ? Status.PASS : Status.FAIL, problems.isEmpty()
                    ? "logging, validated, data events on " + healthBuckets : String.join("; ", problems));
        }
    }

    /** Whether the trail's selectors log S3 object-level events of this bucket. */
    static boolean coversDataEvents(GetEventSelectorsResponse s, String bucket) {
        String bucketArn = "arn:aws:s3:::" + bucket;
        for (EventSelector e : s.eventSelectors()) {
            for (DataResource d : e.dataResources()) {
                if ("AWS::S3::Object".equals(d.type()) && d.values().stream().anyMatch(
                        v -> v.equals("arn:aws:s3") || v.equals("arn:aws:s3:::") || v.startsWith(bucketArn + "/")
                                || v.equals(bucketArn))) {
                    return true;
                }
            }
        }
        for (AdvancedEventSelector a : s.advancedEventSelectors()) {
            boolean s3Objects = false;
            boolean arnMatches = true;
            for (AdvancedFieldSelector f : a.fieldSelectors()) {
                if ("resources.type".equals(f.field()) && f.equalsValue().contains("AWS::S3::Object")) {
                    s3Objects = true;
                }
                if ("resources.ARN".equals(f.field())) {
                    arnMatches = f.startsWith().stream().anyMatch(bucketArn::startsWith)
                            || f.startsWith().stream().anyMatch(p -> p.startsWith(bucketArn))
                            || f.equalsValue().stream().anyMatch(p -> p.startsWith(bucketArn));
                }
            }
            if (s3Objects && arnMatches) {
                return true;
            }
        }
        return false;
    }

    // ---- Residency sweep

    /**
     * MEDSAAS-RES-1 over every enabled region: a stack of this environment outside the EEA is a
     * finding, except the edge region's EdgeFirewall and EdgeLogging stacks (no data, REG-3).
     */
    private void residency() {
        progress.step(primary, "ec2", "enabled regions");
        var ec2 = aws.ec2(primary);
        AwsAccess.Read<List<Region>> regions = aws.read(() -> ec2.describeRegions().regions());
        if (regions.failed()) {
            findings.on("account", primary, Control.RES_1, Status.COULD_NOT_CHECK, "enabled regions unreadable: " + regions.unreadable());
            return;
        }
        for (Region r : regions.value()) {
            String name = r.regionName();
            if (Regions.isEu(name)) {
                continue;
            }
            progress.step(name, "cloudformation", "sweep for " + stackPrefix + "*");
            var cfn = aws.cloudFormation(name);
            AwsAccess.Read<List<Stack>> stacks = aws.read(() -> cfn.describeStacksPaginator().stacks().stream().toList());
            if (stacks.failed()) {
                findings.on("account", name, Control.RES_1, Status.COULD_NOT_CHECK, stacks.unreadable());
                continue;
            }
            List<String> outside = stacks.value().stream()
                    .filter(s -> s.stackName().startsWith(stackPrefix) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .map(Stack::stackName)
                    .filter(s -> !(name.equals(edge) && allowedAtEdge(s)))
                    .toList();
            findings.on("account", name, Control.RES_1, outside.isEmpty() ? Status.PASS : Status.FAIL, outside.isEmpty()
                    ? "no stack of the environment outside the EEA" + (name.equals(edge) ? " but the edge's (no data, REG-3)" : "")
                    : "stacks of the environment outside the EEA: " + outside);
        }
    }

    private boolean allowedAtEdge(String stackName) {
        return Set.of(stackPrefix + "EdgeFirewall", stackPrefix + "EdgeLogging").contains(stackName);
    }
}
