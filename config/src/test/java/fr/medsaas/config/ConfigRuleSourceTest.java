package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One source per rule (CFG-1): for every configuration field the validator checks, a bad value
 * is refused with a message that starts with the field's {@code @Doc} rule, the very text of the
 * README's configuration table; the message may then say what makes this value wrong here.
 */
class ConfigRuleSourceTest {
    private static final String CERT_ARN = "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000";
    private static final String CERT = "app: { certificateArn: " + CERT_ARN + " }\n";

    /** Field path, then a prod configuration that breaks its rule. */
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("name", "name: nowhere\n");
        CASES.put("environmentTag", "name: prod\nenvironmentTag: 'two words'\n");
        CASES.put("project", "name: prod\nproject: 1medical\n");
        CASES.put("namePrefix", "name: prod\nnamePrefix: medical-\n");
        CASES.put("tags.Project", "name: prod\ntags: { Project: other }\n");
        CASES.put("regions.primary", "name: prod\nregions: { primary: us-east-1 }\n");
        CASES.put("regions.backup", "name: prod\nregions: { backup: eu-west-3 }\n");
        CASES.put("regions.edge", "name: prod\nregions: { edge: eu-west-1 }\n");
        CASES.put("network.vpcCidr", "name: prod\nnetwork: { vpcCidr: 10.0.0.0/12 }\n");
        CASES.put("network.availabilityZones[1]", "name: prod\nnetwork: { availabilityZones: [eu-west-3a, eu-west-3a, eu-west-3b] }\n");
        CASES.put("network.publicSubnetCidrs", "name: prod\nnetwork: { publicSubnetCidrs: [10.0.1.0/24, 10.0.2.0/24] }\n");
        CASES.put("network.appSubnetCidrs[0]", "name: prod\nnetwork: { appSubnetCidrs: [10.0.1.0/24, 10.0.11.0/24, 10.0.12.0/24] }\n");
        CASES.put("network.dbSubnetCidrs[2]", "name: prod\nnetwork: { dbSubnetCidrs: [10.0.20.0/24, 10.0.21.0/24, 10.9.22.0/24] }\n");
        CASES.put("network.natGateways", "name: prod\nnetwork: { natGateways: 4 }\n");
        CASES.put("network.interfaceEndpoints", "name: prod\nnetwork: { interfaceEndpoints: false }\n");
        CASES.put("network.s3PrefixListId", "name: prod\nnetwork: { s3PrefixListId: s3 }\n");
        CASES.put("network.appEgressCidrs[0]", "name: prod\nnetwork: { appEgressCidrs: [0.0.0.0/0] }\n");
        CASES.put("logging.retentionDays", "name: prod\nlogging: { retentionDays: 30 }\n");
        CASES.put("app.certificateArn", "name: prod\napp: { certificateArn: not-an-arn }\n");
        CASES.put("app.djangoSettingsModule", app("djangoSettingsModule: 'config settings'"));
        CASES.put("app.web.image.repository", app("web: { image: { repository: Medical } }"));
        CASES.put("app.web.image.tag", app("web: { image: { tag: .hidden } }"));
        CASES.put("app.web.image.digest", app("web: { image: { digest: 'sha256:abc' } }"));
        CASES.put("app.web.cpu", app("web: { cpu: 300 }"));
        CASES.put("app.web.memoryMiB", app("web: { memoryMiB: 100 }"));
        CASES.put("app.web.desiredCount", app("web: { desiredCount: 10 }"));
        CASES.put("app.web.minCapacity", app("web: { minCapacity: 1, desiredCount: 1 }"));
        CASES.put("app.web.maxCapacity", app("web: { maxCapacity: 200 }"));
        CASES.put("app.web.targetCpuPercent", app("web: { targetCpuPercent: 95 }"));
        CASES.put("data.postgres.version", "name: prod\ndata: { postgres: { version: '9.6' } }\n");
        CASES.put("data.postgres.instanceClass", "name: prod\ndata: { postgres: { instanceClass: large } }\n");
        CASES.put("data.postgres.allocatedStorageGiB", "name: prod\ndata: { postgres: { allocatedStorageGiB: 10 } }\n");
        CASES.put("data.postgres.maxAllocatedStorageGiB", "name: prod\ndata: { postgres: { maxAllocatedStorageGiB: 101 } }\n");
        CASES.put("data.postgres.multiAz", "name: prod\ndata: { postgres: { multiAz: false } }\n");
        CASES.put("data.postgres.backupRetentionDays", "name: prod\ndata: { postgres: { backupRetentionDays: 7 } }\n");
        CASES.put("data.postgres.performanceInsightsRetentionDays", "name: prod\ndata: { postgres: { performanceInsightsRetentionDays: 8 } }\n");
        CASES.put("data.postgres.deletionProtection", "name: prod\ndata: { postgres: { deletionProtection: false } }\n");
        CASES.put("data.postgres.databaseName", "name: prod\ndata: { postgres: { databaseName: postgres } }\n");
        CASES.put("data.redis.engineVersion", "name: prod\ndata: { redis: { engineVersion: '9.9' } }\n");
        CASES.put("data.redis.nodeType", "name: prod\ndata: { redis: { nodeType: large } }\n");
        CASES.put("data.redis.numNodes", "name: prod\ndata: { redis: { numNodes: 7 } }\n");
        CASES.put("data.redis.snapshotRetentionDays", "name: prod\ndata: { redis: { snapshotRetentionDays: 1 } }\n");
        CASES.put("data.redis.multiAz", "name: prod\ndata: { redis: { multiAz: false } }\n");
        CASES.put("media.bucketName", "name: prod\nmedia: { bucketName: Media.Bucket }\n");
        CASES.put("media.geoAllowlist[0]", "name: prod\nmedia: { geoAllowlist: [US] }\n");
        CASES.put("media.signingPublicKeyPem", "name: prod\nmedia: { signingPublicKeyPem: no-such-file.pem }\n");
        CASES.put("media.domainNames[0]", "name: prod\nmedia: { domainNames: [Media_Example] }\n");
        CASES.put("media.certificateArn", "name: prod\nmedia: { certificateArn: "
                + "'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000' }\n");
        // Issue 20 (defence in depth), issue 10 (observability, compliance), issue 11 (backup).
        CASES.put("app.web.user", app("web: { user: '0' }"));
        CASES.put("app.firewall.uploadPaths", app("firewall: { uploadPaths: [] }"));
        CASES.put("app.firewall.loginPath", app("firewall: { loginPath: 'no slash' }"));
        CASES.put("app.firewall.loginRateLimit", app("firewall: { loginRateLimit: 5 }"));
        CASES.put("media.noncurrentVersionDays", "name: prod\nmedia: { noncurrentVersionDays: 0 }\n");
        CASES.put("observability.alertEmails[0]", "name: prod\nobservability: { alertEmails: ['on-call team'] }\n");
        CASES.put("observability.alertHttpsEndpoint", "name: prod\nobservability: { alertHttpsEndpoint: 'http://hooks.example.org' }\n");
        for (String alarm : List.of("loadBalancer5xx", "unhealthyTargets", "databaseCpuPercent", "databaseFreeStorageGiB",
                "databaseConnections", "cacheEngineCpuPercent", "cacheMemoryPercent", "serviceCpuPercent",
                "serviceMemoryPercent", "webAclBlockedRequests", "patientDataAccessBandWidth")) {
            CASES.put("observability.alarms." + alarm, "name: prod\nobservability: { alarms: { " + alarm + ": 0 } }\n");
        }
        CASES.put("observability.alarms.cacheEvictions", "name: prod\nobservability: { alarms: { cacheEvictions: -1 } }\n");
        CASES.put("backup.retentionDays", "name: prod\nbackup: { retentionDays: 7 }\n");
        CASES.put("backup.copyToBackupRegion", "name: prod\nbackup: { copyToBackupRegion: false }\n");
        CASES.put("backup.lockMinRetentionDays", "name: prod\nbackup: { lockMinRetentionDays: 0 }\n");
        CASES.put("backup.lockMaxRetentionDays", "name: prod\nbackup: { lockMaxRetentionDays: 10 }\n");
        CASES.put("backup.replicaBucketName", "name: prod\nbackup: { replicaBucketName: Media.Replica }\n");
        CASES.put("backup.mediaReplication", "name: prod\nbackup: { mediaReplication: false }\n");
        // Issue 12 (delivery).
        CASES.put("delivery.source", "name: prod\ndelivery: { source: 'ftp://example.org/code.zip' }\n");
        CASES.put("delivery.repository", "name: prod\ndelivery: { repository: 'no slash' }\n");
        CASES.put("delivery.branch", "name: prod\ndelivery: { branch: 'two words' }\n");
        CASES.put("delivery.imagesKept", "name: prod\ndelivery: { imagesKept: 0 }\n");
        CASES.put("delivery.untaggedImageExpiryDays", "name: prod\ndelivery: { untaggedImageExpiryDays: 0 }\n");
        CASES.put("delivery.artifactExpiryDays", "name: prod\ndelivery: { artifactExpiryDays: 0 }\n");
        CASES.put("backup.lockMode", "name: prod\nbackup: { lockMode: governance }\n");
        CASES.put("backup.lockChangeableForDays", "name: prod\nbackup: { lockChangeableForDays: 2 }\n");
        CASES.put("compliance.trailObjectLock", "name: prod\ncompliance: { trailObjectLock: governance }\n");
        CASES.put("compliance.guardDutyProtection.rdsProtection",
                "name: prod\ncompliance: { guardDutyProtection: { rdsProtection: false } }\n");
        CASES.put("compliance.guardDutyProtection.runtimeMonitoring",
                "name: prod\ncompliance: { guardDutyProtection: { runtimeMonitoring: false } }\n");
        CASES.put("compliance.guardDutyProtection.malwareProtection",
                "name: prod\ncompliance: { guardDutyProtection: { malwareProtection: false } }\n");
        CASES.put("delivery.manualApproval", "name: prod\ndelivery: { manualApproval: false }\n");
    }

    /** Fields whose rule the loader enforces by their type alone: a boolean, a list of strings, an enum. */
    private static final List<String> TYPE_ONLY = List.of("app.ecsExec",
            "app.loadBalancerDeletionProtection", "app.web.command", "app.web.readonlyRootFilesystem", "data.redis.engine",
            "data.postgres.osMetricsLogGroup", "compliance.configRecorder", "compliance.guardDuty",
            "compliance.securityHub", "compliance.backupRegion.configRecorder", "compliance.backupRegion.guardDuty",
            "compliance.backupRegion.securityHub",
            "backup.replicationTimeControl", "delivery.notifyAlerts");

    private static String app(String inside) {
        return "name: prod\napp: { certificateArn: " + CERT_ARN + ", " + inside + " }\n";
    }

    static Stream<Arguments> cases() {
        return CASES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Requirement("CFG-1")
    void refusalStartsWithTheDocumentedRule(String field, String yaml) {
        String text = yaml.contains("app:") ? yaml : yaml + CERT;
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(text, "case.yaml"));
        assertThat(e).as(field + " was accepted").isNotNull();
        String rule = ConfigRules.of(field);
        assertThat(e.problems()).as(field).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.rule()).startsWith(rule);
        });
        assertThat(ConfigReference.markdown()).as("the README table shows the same rule").contains(rule.replace("|", "\\|"));
    }

    @Test
    @Requirement("CFG-1")
    void everyFieldWithARuleHasACase() {
        List<String> covered = CASES.keySet().stream().map(f -> f.replaceAll("\\[\\d+]", "").replaceAll("^tags\\..*", "tags"))
                .toList();
        List<String> missing = new ArrayList<>();
        for (String leaf : leaves(EnvironmentConfig.class, "")) {
            // The worker's fields are the web's record, checked by the same code.
            String asWeb = leaf.replace("app.worker.", "app.web.");
            if (!covered.contains(asWeb) && !TYPE_ONLY.contains(asWeb)) {
                missing.add(leaf);
            }
        }
        assertThat(missing).as("fields with a documented rule and no refusal case here").isEmpty();
    }

    private static List<String> leaves(Class<?> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isRecord()) {
                out.addAll(leaves(c.getType(), prefix + c.getName() + "."));
            } else {
                out.add(prefix + c.getName());
            }
        }
        return out;
    }
}
