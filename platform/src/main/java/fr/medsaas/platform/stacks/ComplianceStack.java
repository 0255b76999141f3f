package fr.medsaas.platform.stacks;

import fr.medsaas.config.ComplianceConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.compliance.AuditTrail;
import fr.medsaas.platform.constructs.compliance.AuditTrailProps;
import fr.medsaas.platform.constructs.compliance.ConfigRecording;
import fr.medsaas.platform.constructs.compliance.ConfigRecordingProps;
import fr.medsaas.platform.constructs.compliance.ConfigRules;
import fr.medsaas.platform.constructs.compliance.SecurityEventRules;
import fr.medsaas.platform.constructs.compliance.SecurityEventRulesProps;
import fr.medsaas.platform.constructs.compliance.ThreatDetection;
import fr.medsaas.platform.constructs.compliance.ThreatDetectionProps;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.constructs.Construct;

/**
 * The Compliance stack (CMP-1..3, CMP-5, OBS-5): the audit trail and its locked bucket, AWS
 * Config's recorder and rules, GuardDuty and Security Hub, and the EventBridge rules that send
 * security events to the alerts topic. Everything it stores stays in the primary region: the
 * multi-region trail delivers every region's events here. Where the account already has the
 * region's Config recorder or GuardDuty detector, configuration says so and only the rules and
 * routing are created.
 */
public final class ComplianceStack extends PlatformStack {
    private final AuditTrail trail;

    public ComplianceStack(Construct scope, EnvironmentConfig config, ComplianceStackInputs in) {
        super(scope, config, "Compliance", config.regions().primary(),
                "medsaas " + config.name() + ": CloudTrail, AWS Config, GuardDuty, Security Hub, security events "
                        + "(CMP-1..3, CMP-5, OBS-5)");
        ComplianceConfig c = config.compliance();
        int retention = config.logging().retentionDays();
        // Bucket names are global: the account id makes them unique without a configuration field.
        String account = Aws.ACCOUNT_ID;
        LogBucket accessLogs = new LogBucket(this, "AuditAccessLogs",
                new LogBucketProps(config.physicalName("audit-access-logs-") + account, retention, null));
        this.trail = new AuditTrail(this, "Trail", new AuditTrailProps(config.physicalName("audit-trail"),
                config.physicalName("audit-trail-") + account, accessLogs.bucket(),
                "/aws/cloudtrail/" + config.physicalName("audit-trail"), in.keys().key(KeyPurpose.AUDIT),
                in.keys().logs(), retention, c.trailObjectLock(),
                config.backup().mediaReplication()
                        ? java.util.List.of(config.media().bucketName(), config.backup().replicaBucketName())
                        : java.util.List.of(config.media().bucketName()),
                in.alertsTopicArn(),
                config.namePrefix()));
        // ACC-1: the named auditor decrypts and validates the trail (break-glass, docs/access-paths.md).
        new fr.medsaas.platform.constructs.compliance.AuditorRole(this, "Auditor",
                fr.medsaas.platform.constructs.iam.PlatformPrincipals.of(config).auditorRoleName(), trail.bucket(),
                in.keys().key(KeyPurpose.AUDIT));
        new ConfigRecording(this, "Config", new ConfigRecordingProps(config.namePrefix(), ConfigRules.of(config),
                c.configRecorder().creates()
                        ? Optional.of(new ConfigRecordingProps.Recorder(config.physicalName("aws-config-") + account,
                                accessLogs.bucket(), in.keys().key(KeyPurpose.AUDIT), retention,
                                fr.medsaas.platform.constructs.iam.PlatformPrincipals.of(config).configRoleName(), true))
                        : Optional.empty()));
        new ThreatDetection(this, "ThreatDetection", new ThreatDetectionProps(c.guardDuty().creates(), c.securityHub(),
                c.guardDutyProtection().rdsProtection(), c.guardDutyProtection().runtimeMonitoring()));
        new SecurityEventRules(this, "SecurityEvents", new SecurityEventRulesProps(config.namePrefix(), in.alertsTopicArn()));
    }

    /** The audit trail. */
    public AuditTrail trail() {
        return trail;
    }
}
