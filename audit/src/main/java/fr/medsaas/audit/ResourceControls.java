package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.rules.access.KeyPolicyNames;
import fr.medsaas.compliance.rules.access.PolicyStatements;
import fr.medsaas.compliance.rules.network.InlineEgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;

/**
 * The controls on each deployed resource: buckets, log groups, databases, caches, keys and
 * security groups, each read live and compared with what the control (and, for drift, the
 * deployed template) asks.
 */
final class ResourceControls {
    /** PUB-1's answer on a bucket with no public access block at all. */
    static final String NO_PUBLIC_ACCESS_BLOCK = "no public access block on the bucket";
    /** How TLS-1's and LIVE-1's answers start on a bucket with no policy at all. */
    static final String NO_BUCKET_POLICY = "no bucket policy";
    /** How LIVE-9's answer starts when a group has egress the template does not declare. */
    static final String EGRESS_BEYOND = "egress not in the deployed template: ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETENTION_MIN = 365;
    private static final int RETENTION_MAX = 1095;

    private final AwsAccess aws;
    private final Inventory inventory;
    private final Findings findings;
    private final Progress progress;
    private final List<String> workloadRegions;

    ResourceControls(AwsAccess aws, Inventory inventory, Findings findings, Progress progress, List<String> workloadRegions) {
        this.aws = aws;
        this.inventory = inventory;
        this.findings = findings;
        this.progress = progress;
        this.workloadRegions = workloadRegions;
    }

    void run() {
        List<DeployedResource> buckets = inventory.ofType("AWS::S3::Bucket");
        buckets.stream().map(DeployedResource::region).distinct()
                .forEach(r -> progress.step(r, "s3", buckets.stream().filter(b -> b.region().equals(r)).count() + " buckets"));
        buckets.forEach(this::bucket);
        List<DeployedResource> logGroups = inventory.ofType("AWS::Logs::LogGroup");
        logGroups.stream().map(DeployedResource::region).distinct()
                .forEach(r -> progress.step(r, "logs", logGroups.stream().filter(b -> b.region().equals(r)).count() + " log groups"));
        logGroups.forEach(this::logGroup);
        inventory.ofType("AWS::RDS::DBInstance").forEach(this::database);
        inventory.ofType("AWS::ElastiCache::ReplicationGroup").forEach(this::cache);
        List<DeployedResource> keys = inventory.ofType("AWS::KMS::Key");
        keys.stream().map(DeployedResource::region).distinct().forEach(r -> progress.step(r, "kms", "keys"));
        keys.forEach(this::key);
        List<DeployedResource> groups = inventory.ofType("AWS::EC2::SecurityGroup");
        groups.stream().map(DeployedResource::region).distinct().forEach(r -> progress.step(r, "ec2", "security groups"));
        groups.forEach(this::securityGroup);
    }

    // ---- S3

    private void bucket(DeployedResource b) {
        var s3 = aws.s3(b.region());
        AwsAccess.Read<ServerSideEncryptionConfiguration> enc = aws.read(() -> s3.getBucketEncryption(
                r -> r.bucket(b.physicalId())).serverSideEncryptionConfiguration(),
                Set.of("ServerSideEncryptionConfigurationNotFoundError"));
        ServerSideEncryptionByDefault sse = enc.ok() && !enc.value().rules().isEmpty()
                ? enc.value().rules().get(0).applyServerSideEncryptionByDefault() : null;
        if (b.healthData()) {
            if (enc.failed()) {
                findings.couldNotCheck(b, Control.ENC_1, enc.unreadable());
            } else if (sse == null) {
                findings.on(b, Control.ENC_1, Status.FAIL, "no default encryption on the bucket");
            } else if (!"aws:kms".equals(sse.sseAlgorithmAsString()) || sse.kmsMasterKeyID() == null) {
                findings.on(b, Control.ENC_1, Status.FAIL, "default encryption is " + sse.sseAlgorithmAsString()
                        + ", not SSE-KMS with a customer-managed key");
            } else {
                customerKey(b, Control.ENC_1, sse.kmsMasterKeyID(), "bucket");
            }
        }
        String declared = b.properties().path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText("");
        if (!declared.isEmpty() && !enc.failed()) {
            String live = sse == null ? "none" : sse.sseAlgorithmAsString();
            findings.on(b, Control.DRIFT_2, declared.equals(live) ? Status.PASS : Status.FAIL,
                    "default encryption " + live + (declared.equals(live) ? " as deployed" : ", deployed as " + declared));
        }

        AwsAccess.Read<PublicAccessBlockConfiguration> pab = aws.read(() -> s3.getPublicAccessBlock(
                r -> r.bucket(b.physicalId())).publicAccessBlockConfiguration(), Set.of("NoSuchPublicAccessBlockConfiguration"));
        if (pab.failed()) {
            findings.couldNotCheck(b, Control.PUB_1, pab.unreadable());
        } else if (pab.absent()) {
            findings.on(b, Control.PUB_1, Status.FAIL, NO_PUBLIC_ACCESS_BLOCK);
        } else {
            PublicAccessBlockConfiguration p = pab.value();
            List<String> off = new ArrayList<>();
            if (!Boolean.TRUE.equals(p.blockPublicAcls())) {
                off.add("BlockPublicAcls");
            }
            if (!Boolean.TRUE.equals(p.ignorePublicAcls())) {
                off.add("IgnorePublicAcls");
            }
            if (!Boolean.TRUE.equals(p.blockPublicPolicy())) {
                off.add("BlockPublicPolicy");
            }
            if (!Boolean.TRUE.equals(p.restrictPublicBuckets())) {
                off.add("RestrictPublicBuckets");
            }
            findings.on(b, Control.PUB_1, off.isEmpty() ? Status.PASS : Status.FAIL,
                    off.isEmpty() ? "all four public access blocks on" : "public access block off: " + String.join(", ", off));
        }

        AwsAccess.Read<String> policy = aws.read(() -> s3.getBucketPolicy(r -> r.bucket(b.physicalId())).policy(),
                Set.of("NoSuchBucketPolicy"));
        if (policy.failed()) {
            findings.couldNotCheck(b, Control.TLS_1, policy.unreadable());
            return;
        }
        JsonNode doc = parse(policy.ok() ? policy.value() : "{}");
        boolean tls = deniesInsecureTransport(doc);
        findings.on(b, Control.TLS_1, tls ? Status.PASS : Status.FAIL, policy.absent() ? NO_BUCKET_POLICY + ": TLS not enforced"
                : tls ? "the bucket policy denies aws:SecureTransport=false" : "the bucket policy does not deny aws:SecureTransport=false");
        if (b.healthData()) {
            boolean regions = deniesOtherRegions(doc, workloadRegions);
            findings.on(b, Control.LIVE_1, regions ? Status.PASS : Status.FAIL, regions
                    ? "the bucket policy denies requests outside " + workloadRegions
                    : (policy.absent() ? NO_BUCKET_POLICY + ": " : "") + "no Deny on aws:RequestedRegion outside "
                            + workloadRegions + " in the bucket policy");
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<JsonNode> denyStatements(JsonNode policy) {
        return PolicyStatements.of(policy).stream().filter(s -> "Deny".equals(s.path("Effect").asText())).toList();
    }

    /** A Deny statement on {@code aws:SecureTransport = false}. */
    static boolean deniesInsecureTransport(JsonNode policy) {
        for (JsonNode s : denyStatements(policy)) {
            JsonNode v = s.path("Condition").path("Bool").path("aws:SecureTransport");
            if ("false".equals(v.asText()) || (v.isArray() && v.size() == 1 && "false".equals(v.get(0).asText()))) {
                return true;
            }
        }
        return false;
    }

    /** A Deny statement on {@code aws:RequestedRegion} not among (a subset of) the workload's regions. */
    static boolean deniesOtherRegions(JsonNode policy, List<String> allowed) {
        for (JsonNode s : denyStatements(policy)) {
            JsonNode v = s.path("Condition").path("StringNotEquals").path("aws:RequestedRegion");
            if (v.isMissingNode()) {
                continue;
            }
            Set<String> listed = new HashSet<>();
            (v.isArray() ? v : List.of(v)).forEach(n -> listed.add(n.asText()));
            if (!listed.isEmpty() && allowed.containsAll(listed)) {
                return true;
            }
        }
        return false;
    }

    // ---- CloudWatch Logs

    private void logGroup(DeployedResource g) {
        var logs = aws.logs(g.region());
        AwsAccess.Read<List<LogGroup>> read = aws.read(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix(g.physicalId()))
                .logGroups());
        if (read.failed()) {
            findings.couldNotCheck(g, Control.LIVE_2, read.unreadable());
            findings.couldNotCheck(g, Control.RET_1, read.unreadable());
            return;
        }
        LogGroup lg = read.value().stream().filter(l -> g.physicalId().equals(l.logGroupName())).findFirst().orElse(null);
        if (lg == null) {
            findings.on(g, Control.LIVE_2, Status.FAIL, "the log group is gone");
            return;
        }
        findings.on(g, Control.LIVE_2, lg.kmsKeyId() == null ? Status.FAIL : Status.PASS,
                lg.kmsKeyId() == null ? "not encrypted with a KMS key" : "encrypted with " + lg.kmsKeyId());
        Integer days = lg.retentionInDays();
        findings.on(g, Control.RET_1, retentionStatus(days), days == null ? "never expires"
                : "kept " + days + " days (allowed " + RETENTION_MIN + ".." + RETENTION_MAX + ")");
        JsonNode declared = g.properties().path("RetentionInDays");
        if (declared.canConvertToInt()) {
            boolean same = days != null && days == declared.asInt();
            findings.on(g, Control.DRIFT_2, same ? Status.PASS : Status.FAIL, "retention " + (days == null ? "never expires" : days + " days")
                    + (same ? " as deployed" : ", deployed as " + declared.asInt() + " days"));
        }
    }

    static Status retentionStatus(Integer days) {
        return days != null && days >= RETENTION_MIN && days <= RETENTION_MAX ? Status.PASS : Status.FAIL;
    }

    // ---- RDS and ElastiCache

    private void database(DeployedResource d) {
        progress.step(d.region(), "rds", d.physicalId());
        var rds = aws.rds(d.region());
        AwsAccess.Read<List<DBInstance>> read = aws.read(() -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(d.physicalId()))
                .dbInstances(), Set.of("DBInstanceNotFound", "DBInstanceNotFoundFault"));
        if (read.failed() || read.absent() || read.value().isEmpty()) {
            String why = read.failed() ? read.unreadable() : "the instance is not found";
            findings.couldNotCheck(d, Control.ENC_1, why);
            findings.couldNotCheck(d, Control.PUB_1, why);
            return;
        }
        DBInstance db = read.value().get(0);
        if (!Boolean.TRUE.equals(db.storageEncrypted()) || db.kmsKeyId() == null) {
            findings.on(d, Control.ENC_1, Status.FAIL, "storage not encrypted with a KMS key");
        } else {
            customerKey(d, Control.ENC_1, db.kmsKeyId(), "database");
        }
        findings.on(d, Control.PUB_1, Boolean.TRUE.equals(db.publiclyAccessible()) ? Status.FAIL : Status.PASS,
                Boolean.TRUE.equals(db.publiclyAccessible()) ? "publicly accessible" : "not publicly accessible");
    }

    private void cache(DeployedResource c) {
        progress.step(c.region(), "elasticache", c.physicalId());
        var ec = aws.elastiCache(c.region());
        AwsAccess.Read<List<ReplicationGroup>> read = aws.read(() -> ec.describeReplicationGroups(
                r -> r.replicationGroupId(c.physicalId())).replicationGroups(), Set.of("ReplicationGroupNotFoundFault"));
        if (read.failed() || read.absent() || read.value().isEmpty()) {
            String why = read.failed() ? read.unreadable() : "the replication group is not found";
            findings.couldNotCheck(c, Control.ENC_1, why);
            findings.couldNotCheck(c, Control.TLS_1, why);
            return;
        }
        ReplicationGroup g = read.value().get(0);
        if (!Boolean.TRUE.equals(g.atRestEncryptionEnabled()) || g.kmsKeyId() == null) {
            findings.on(c, Control.ENC_1, Status.FAIL, "not encrypted at rest with a KMS key");
        } else {
            customerKey(c, Control.ENC_1, g.kmsKeyId(), "cache");
        }
        findings.on(c, Control.TLS_1, Boolean.TRUE.equals(g.transitEncryptionEnabled()) ? Status.PASS : Status.FAIL,
                Boolean.TRUE.equals(g.transitEncryptionEnabled()) ? "in-transit encryption on" : "in-transit encryption off");
    }

    /** ENC-1's second half: the store's key is customer-managed and enabled. */
    private void customerKey(DeployedResource r, Control c, String keyId, String what) {
        var kms = aws.kms(r.region());
        AwsAccess.Read<KeyMetadata> key = aws.read(() -> kms.describeKey(k -> k.keyId(keyId)).keyMetadata());
        if (key.failed()) {
            findings.couldNotCheck(r, c, "the " + what + "'s key " + keyId + " is unreadable: " + key.unreadable());
        } else if (key.value().keyManager() != KeyManagerType.CUSTOMER) {
            findings.on(r, c, Status.FAIL, "the " + what + " is encrypted with an AWS-managed key, not a customer-managed one");
        } else {
            findings.on(r, c, Status.PASS, "encrypted with customer-managed key " + key.value().keyId());
        }
    }

    // ---- KMS

    private void key(DeployedResource k) {
        var kms = aws.kms(k.region());
        AwsAccess.Read<KeyMetadata> meta = aws.read(() -> kms.describeKey(r -> r.keyId(k.physicalId())).keyMetadata());
        if (meta.failed()) {
            findings.couldNotCheck(k, Control.LIVE_3, meta.unreadable());
            return;
        }
        AwsAccess.Read<Boolean> rotation = aws.read(() -> kms.getKeyRotationStatus(r -> r.keyId(k.physicalId())).keyRotationEnabled());
        if (rotation.failed()) {
            findings.couldNotCheck(k, Control.LIVE_3, rotation.unreadable());
            return;
        }
        List<String> problems = new ArrayList<>();
        if (meta.value().keyState() != KeyState.ENABLED) {
            problems.add("key state " + meta.value().keyStateAsString());
        }
        if (!Boolean.TRUE.equals(rotation.value())) {
            problems.add("rotation off");
        }
        findings.on(k, Control.LIVE_3, problems.isEmpty() ? Status.PASS : Status.FAIL,
                problems.isEmpty() ? "enabled, rotation on" : String.join("; ", problems));
        AwsAccess.Read<String> policy = aws.read(() -> kms.getKeyPolicy(r -> r.keyId(k.physicalId()).policyName("default")).policy());
        if (policy.failed()) {
            findings.couldNotCheck(k, Control.KEY_1, policy.unreadable());
            return;
        }
        List<String> wide = KeyPolicyNames.problems(parse(policy.value()));
        findings.on(k, Control.KEY_1, wide.isEmpty() ? Status.PASS : Status.FAIL,
                wide.isEmpty() ? "the account root administers only; every use names its roles" : String.join("; ", wide));
    }

    // ---- EC2 security groups

    /** One rule by address range, ingress or egress: protocol, ports, CIDR. */
    record CidrRule(String protocol, Integer fromPort, Integer toPort, String cidr) {
        /** As an ingress rule: "tcp 5432 from 0.0.0.0/0". */
        String describe() {
            return ports() + " from " + cidr;
        }

        /** As an egress rule: "all traffic to 0.0.0.0/0". */
        String describeEgress() {
            return ports() + " to " + cidr;
        }

        private String ports() {
            return "-1".equals(protocol) ? "all traffic" : protocol + " " + (Objects.equals(fromPort, toPort)
                    ? String.valueOf(fromPort) : fromPort + "-" + toPort);
        }
    }

    private void securityGroup(DeployedResource g) {
        var ec2 = aws.ec2(g.region());
        AwsAccess.Read<List<SecurityGroup>> read = aws.read(() -> ec2.describeSecurityGroups(r -> r.groupIds(g.physicalId()))
                .securityGroups(), Set.of("InvalidGroup.NotFound"));
        if (read.failed() || read.absent() || read.value().isEmpty()) {
            findings.couldNotCheck(g, Control.LIVE_4, read.failed() ? read.unreadable() : "the security group is not found");
            return;
        }
        Set<CidrRule> declared = declaredCidrIngress(inventory, g);
        List<String> beyond = liveCidrRules(read.value().get(0).ipPermissions()).stream()
                .filter(i -> !declared.contains(i)).map(CidrRule::describe).toList();
        findings.on(g, Control.LIVE_4, beyond.isEmpty() ? Status.PASS : Status.FAIL, beyond.isEmpty()
                ? "no ingress by address range beyond the deployed template (" + declared.size() + " declared)"
                : "ingress not in the deployed template: " + String.join("; ", beyond));
        // HARD-8: a group deployed without inline egress carries AWS's default allow-all rule.
        Set<CidrRule> declaredOut = declaredCidrEgress(inventory, g);
        List<String> beyondOut = liveCidrRules(read.value().get(0).ipPermissionsEgress()).stream()
                .filter(i -> !declaredOut.contains(i)).map(CidrRule::describeEgress).toList();
        boolean noInline = Boolean.FALSE.equals(InlineEgress.declared(g.properties()));
        findings.on(g, Control.LIVE_9, beyondOut.isEmpty() ? Status.PASS : Status.FAIL, beyondOut.isEmpty()
                ? "no egress by address range beyond the deployed template (" + declaredOut.size() + " declared)"
                : EGRESS_BEYOND + String.join("; ", beyondOut)
                        + (noInline ? " (the template declares no inline egress, so AWS kept its default allow-all rule)" : ""));
    }

    static List<CidrRule> liveCidrRules(List<IpPermission> permissions) {
        List<CidrRule> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            for (IpRange r : p.ipRanges()) {
                out.add(new CidrRule(protocol(p.ipProtocol()), p.fromPort(), p.toPort(), r.cidrIp()));
            }
            for (Ipv6Range r : p.ipv6Ranges()) {
                out.add(new CidrRule(protocol(p.ipProtocol()), p.fromPort(), p.toPort(), r.cidrIpv6()));
            }
        }
        return out;
    }

    private static String protocol(String p) {
        String s = p == null ? "-1" : p.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> s;
        };
    }

    /** The ingress by CIDR the deployed template declares for this group (inline, or AWS::EC2::SecurityGroupIngress). */
    static Set<CidrRule> declaredCidrIngress(Inventory inventory, DeployedResource g) {
        return declaredCidr(inventory, g, "SecurityGroupIngress");
    }

    /** The egress by CIDR the deployed template declares for this group (inline, or AWS::EC2::SecurityGroupEgress). */
    static Set<CidrRule> declaredCidrEgress(Inventory inventory, DeployedResource g) {
        return declaredCidr(inventory, g, "SecurityGroupEgress");
    }

    /** The rules by CIDR of one direction, {@code property} being both the inline list and the separate type's name. */
    private static Set<CidrRule> declaredCidr(Inventory inventory, DeployedResource g, String property) {
        Set<CidrRule> out = new HashSet<>();
        for (JsonNode rule : g.properties().path(property)) {
            addDeclared(rule, out);
        }
        for (DeployedResource r : inventory.ofType("AWS::EC2::" + property)) {
            JsonNode target = r.properties().path("GroupId");
            boolean ours = g.logicalId().equals(target.path("Fn::GetAtt").path(0).asText())
                    || g.physicalId().equals(target.asText());
            if (r.stackName().equals(g.stackName()) && ours) {
                addDeclared(r.properties(), out);
            }
        }
        return out;
    }

    private static void addDeclared(JsonNode rule, Set<CidrRule> out) {
        String proto = protocol(rule.path("IpProtocol").asText("-1"));
        Integer from = "-1".equals(proto) ? null : rule.path("FromPort").asInt();
        Integer to = "-1".equals(proto) ? null : rule.path("ToPort").asInt();
        if (rule.hasNonNull("CidrIp")) {
            out.add(new CidrRule(proto, from, to, rule.path("CidrIp").asText()));
        }
        if (rule.hasNonNull("CidrIpv6")) {
            out.add(new CidrRule(proto, from, to, rule.path("CidrIpv6").asText()));
        }
    }
}
