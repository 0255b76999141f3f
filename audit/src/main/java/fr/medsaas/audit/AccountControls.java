package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.config.EnvironmentConfig;
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
 * bucket), AWS Config's recorder, GuardDuty, backup copies and vault locks, and the residency
 * sweep over every enabled region.
 */
final class AccountControls {
    private final AwsAccess aws;
    private final Inventory inventory;
    private final Findings findings;
    private final Progress progress;
    private final String primary;
    private final String backupRegion;
    private final String edge;
    private final String stackPrefix;
    private final String environmentTag;
    private final String project;
    private final java.util.Map<String, String> bucketRegions = new java.util.HashMap<>();

    AccountControls(AwsAccess aws, Inventory inventory, Findings findings, Progress progress, EnvironmentConfig config) {
        this.aws = aws;
        this.inventory = inventory;
        this.findings = findings;
        this.progress = progress;
        this.primary = config.regions().primary();
        this.backupRegion = config.regions().backup();
        this.edge = config.regions().edge();
        this.stackPrefix = config.stackName("");
        this.environmentTag = config.environmentTag();
        this.project = config.project();
        this.protection = config.compliance().guardDutyProtection();
    }

    private final fr.medsaas.config.GuardDutyProtectionConfig protection;

    void run() {
        trail();
        for (String region : List.of(primary, backupRegion)) {
            recorder(region);
            guardDuty(region);
            vaults(region);
        }
        backupCopy();
        residency();
    }

    // ---- AWS Config, GuardDuty, AWS Backup (signed JSON reads: no SDK module in the build)

    private void recorder(String region) {
        progress.step(region, "config", "recorder status");
        SignedJsonReads.Answer a = aws.signed().target("Config", "config", region, "StarlingDoveService",
                "DescribeConfigurationRecorderStatus", "{}");
        if (!a.ok()) {
            findings.on("account", region, Control.LIVE_5, Status.COULD_NOT_CHECK, a.unreadable());
            return;
        }
        JsonNode list = a.json().path("ConfigurationRecordersStatus");
        if (list.isEmpty()) {
            findings.on("account", region, Control.LIVE_5, Status.FAIL, "no configuration recorder in " + region);
            return;
        }
        for (JsonNode r : list) {
            boolean on = r.path("recording").asBoolean(false);
            findings.on(r.path("name").asText("recorder"), region, Control.LIVE_5, on ? Status.PASS : Status.FAIL,
                    on ? "recording" : "not recording (stopped)");
        }
    }

    private void guardDuty(String region) {
        progress.step(region, "guardduty", "detectors");
        SignedJsonReads.Answer a = aws.signed().get("GuardDuty", "guardduty", region, "ListDetectors", "/detector");
        if (!a.ok()) {
            findings.on("account", region, Control.LIVE_6, Status.COULD_NOT_CHECK, a.unreadable());
            return;
        }
        JsonNode ids = a.json().path("detectorIds");
        if (ids.isEmpty()) {
            findings.on("account", region, Control.LIVE_6, Status.FAIL, "no GuardDuty detector in " + region);
            return;
        }
        for (JsonNode id : ids) {
            SignedJsonReads.Answer d = aws.signed().get("GuardDuty", "guardduty", region, "GetDetector", "/detector/" + id.asText());
            if (!d.ok()) {
                findings.on(id.asText(), region, Control.LIVE_6, Status.COULD_NOT_CHECK, d.unreadable());
                continue;
            }
            String status = d.json().path("status").asText("");
            List<String> missing = missingFeatures(d.json(), protection.rdsProtection(),
                    protection.runtimeMonitoring() && region.equals(primary));
            findings.on(id.asText(), region, Control.LIVE_6, "ENABLED".equals(status) && missing.isEmpty() ? Status.PASS : Status.FAIL,
                    "detector " + (status.isEmpty() ? "status unknown" : status)
                            + (missing.isEmpty() ? "" : ", but not on: " + String.join(", ", missing)));
        }
    }

    /**
     * HARD-9: the protection plans a detector of the region should have on (GetDetector's
     * {@code features}): S3 protection always, RDS protection and, where the tasks run, runtime
     * monitoring with GuardDuty managing the Fargate agent, as configured. A detector that lists no
     * features at all (an older API answer) is not faulted: nothing can be said of them.
     */
    static List<String> missingFeatures(JsonNode detector, boolean rds, boolean runtime) {
        JsonNode features = detector.path("features");
        if (!features.isArray() || features.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        features.forEach(f -> byName.put(f.path("name").asText(), f));
        List<String> missing = new java.util.ArrayList<>();
        java.util.function.Predicate<JsonNode> on = f -> f != null && "ENABLED".equals(f.path("status").asText());
        if (!on.test(byName.get("S3_DATA_EVENTS"))) {
            missing.add("S3_DATA_EVENTS");
        }
        if (rds && !on.test(byName.get("RDS_LOGIN_EVENTS"))) {
            missing.add("RDS_LOGIN_EVENTS");
        }
        if (runtime) {
            JsonNode rm = byName.get("RUNTIME_MONITORING");
            boolean agent = false;
            if (on.test(rm)) {
                for (JsonNode c : rm.path("additionalConfiguration")) {
                    agent |= "ECS_FARGATE_AGENT_MANAGEMENT".equals(c.path("name").asText())
                            && "ENABLED".equals(c.path("status").asText());
                }
            }
            if (!agent) {
                missing.add("RUNTIME_MONITORING with ECS_FARGATE_AGENT_MANAGEMENT");
            }
        }
        return missing;
    }

    private void vaults(String region) {
        progress.step(region, "backup", "vaults");
        SignedJsonReads.Answer a = aws.signed().get("Backup", "backup", region, "ListBackupVaults", "/backup-vaults/");
        if (!a.ok()) {
            findings.on("account", region, Control.LIVE_7, Status.COULD_NOT_CHECK, a.unreadable());
            return;
        }
        JsonNode list = a.json().path("BackupVaultList");
        if (list.isEmpty()) {
            findings.on("account", region, Control.LIVE_7, Status.FAIL, "no backup vault in " + region);
            return;
        }
        for (JsonNode v : list) {
            boolean locked = v.path("Locked").asBoolean(false);
            findings.on(v.path("BackupVaultName").asText(), region, Control.LIVE_7, locked ? Status.PASS : Status.FAIL,
                    locked ? "vault lock on (min " + v.path("MinRetentionDays").asText("?") + ", max "
                            + v.path("MaxRetentionDays").asText("?") + " days)" : "no vault lock");
        }
    }

    private void backupCopy() {
        progress.step(primary, "backup", "plans");
        SignedJsonReads.Answer a = aws.signed().get("Backup", "backup", primary, "ListBackupPlans", "/backup/plans/");
        if (!a.ok()) {
            findings.on("account", primary, Control.BCK_1, Status.COULD_NOT_CHECK, a.unreadable());
            return;
        }
        JsonNode plans = a.json().path("BackupPlansList");
        if (plans.isEmpty()) {
            findings.on("account", primary, Control.BCK_1, Status.FAIL, "no backup plan in " + primary);
            return;
        }
        for (JsonNode p : plans) {
            String id = p.path("BackupPlanId").asText();
            SignedJsonReads.Answer plan = aws.signed().get("Backup", "backup", primary, "GetBackupPlan", "/backup/plans/" + id + "/");
            if (!plan.ok()) {
                findings.on(p.path("BackupPlanName").asText(id), primary, Control.BCK_1, Status.COULD_NOT_CHECK, plan.unreadable());
                continue;
            }
            boolean copies = copiesTo(plan.json().path("BackupPlan"), backupRegion);
            findings.on(p.path("BackupPlanName").asText(id), primary, Control.BCK_1, copies ? Status.PASS : Status.FAIL,
                    copies ? "copied to a vault in " + backupRegion : "no copy action to a vault in " + backupRegion);
        }
    }

    /** Whether a backup plan (GetBackupPlan's BackupPlan) has a copy action to a vault of this region. */
    static boolean copiesTo(JsonNode plan, String region) {
        for (JsonNode rule : plan.path("Rules")) {
            for (JsonNode copy : rule.path("CopyActions")) {
                String[] arn = copy.path("DestinationBackupVaultArn").asText("").split(":");
                if (arn.length > 3 && region.equals(arn[3])) {
                    return true;
                }
            }
        }
        return false;
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
     * MEDSAAS-RES-1 over every enabled region outside the EU: a stack named for this environment,
     * or a resource carrying its Environment and Project tags (the tagging API), is a finding,
     * except at the edge region the EdgeFirewall and EdgeLogging stacks and what they hold (the
     * CloudFront web ACL and log-delivery settings: no data, REG-3).
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
            progress.step(name, "sweep", "stacks " + stackPrefix + "* and resources tagged Environment=" + environmentTag);
            List<String> outside = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            var cfn = aws.cloudFormation(name);
            AwsAccess.Read<List<Stack>> stacks = aws.read(() -> cfn.describeStacksPaginator().stacks().stream().toList());
            if (stacks.failed()) {
                unreadable.add("stacks: " + stacks.unreadable());
            } else {
                stacks.value().stream()
                        .filter(s -> s.stackName().startsWith(stackPrefix) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                        .map(Stack::stackName)
                        .filter(s -> !(name.equals(edge) && allowedAtEdge(s)))
                        .forEach(s -> outside.add("stack " + s));
            }
            String token = "";
            do {
                String body = "{\"TagFilters\":[{\"Key\":\"Environment\",\"Values\":[\"" + environmentTag
                        + "\"]},{\"Key\":\"Project\",\"Values\":[\"" + project + "\"]}],\"PaginationToken\":\"" + token + "\"}";
                SignedJsonReads.Answer a = aws.signed().target("ResourceGroupsTaggingAPI", "tagging", name,
                        "ResourceGroupsTaggingAPI_20170126", "GetResources", body);
                if (!a.ok()) {
                    unreadable.add("tagged resources: " + a.unreadable());
                    break;
                }
                for (JsonNode m : a.json().path("ResourceTagMappingList")) {
                    String arn = m.path("ResourceARN").asText();
                    if (arn.startsWith("arn:aws:s3:::") && !bucketIn(arn.substring("arn:aws:s3:::".length()), name, unreadable)) {
                        continue;
                    }
                    if (!(name.equals(edge) && allowedArnAtEdge(arn))) {
                        outside.add(arn);
                    }
                }
                token = a.json().path("PaginationToken").asText("");
            } while (!token.isEmpty());
            if (!outside.isEmpty()) {
                findings.on("account", name, Control.RES_1, Status.FAIL, "of the environment outside the EEA: " + outside);
            } else if (!unreadable.isEmpty()) {
                findings.on("account", name, Control.RES_1, Status.COULD_NOT_CHECK, String.join("; ", unreadable));
            } else {
                findings.on("account", name, Control.RES_1, Status.PASS, "nothing of the environment outside the EEA"
                        + (name.equals(edge) ? " but the edge's web ACL and log delivery (no data, REG-3)" : ""));
            }
        }
    }

    /**
     * Whether a bucket the tagging API listed in {@code region} is located there (bucket ARNs name
     * no region, and some endpoints list every bucket in every region): GetBucketLocation decides.
     */
    private boolean bucketIn(String bucket, String region, List<String> unreadable) {
        String location = bucketRegions.computeIfAbsent(bucket, b -> {
            var s3 = aws.s3(primary);
            AwsAccess.Read<String> loc = aws.read(() -> s3.getBucketLocation(r -> r.bucket(b)).locationConstraintAsString());
            if (loc.failed()) {
                return "?" + loc.unreadable();
            }
            // An empty location constraint means us-east-1.
            return loc.absent() || loc.value().isEmpty() ? "us-east-1" : loc.value();
        });
        if (location.startsWith("?")) {
            unreadable.add("location of bucket " + bucket + ": " + location.substring(1));
            return false;
        }
        return location.equals(region);
    }

    /** The edge's own resources: its two stacks, the CLOUDFRONT web ACL, CloudFront's log-delivery settings. */
    private boolean allowedArnAtEdge(String arn) {
        return arn.contains(":wafv2:") || arn.matches("arn:aws[^:]*:logs:[^:]*:[^:]*:delivery.*")
                || arn.contains(":stack/" + stackPrefix + "EdgeFirewall/") || arn.contains(":stack/" + stackPrefix + "EdgeLogging/");
    }

    private boolean allowedAtEdge(String stackName) {
        return Set.of(stackPrefix + "EdgeFirewall", stackPrefix + "EdgeLogging").contains(stackName);
    }
}
