package fr.medsaas.platform.stacks;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.BackupRegionMonitoringConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.compliance.ConfigRecording;
import fr.medsaas.platform.constructs.compliance.ConfigRecordingProps;
import fr.medsaas.platform.constructs.compliance.ConfigRules;
import fr.medsaas.platform.constructs.compliance.SecurityEventForwarding;
import fr.medsaas.platform.constructs.compliance.ThreatDetection;
import fr.medsaas.platform.constructs.compliance.ThreatDetectionProps;
import fr.medsaas.platform.constructs.backup.LockedBackupVault;
import fr.medsaas.platform.constructs.backup.LockedBackupVaultProps;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.PlatformKeysProps;
import fr.medsaas.platform.constructs.media.LogBucket;
import fr.medsaas.platform.constructs.media.LogBucketProps;
import fr.medsaas.platform.constructs.media.MediaBucket;
import fr.medsaas.platform.constructs.media.MediaBucketProps;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.constructs.Construct;

/**
 * What the backup region holds (REG-2), under keys of that region: its S3 and backup keys, the
 * vault that receives the copies of the Backup stack's recovery points (BCK-1, BCK-3), and the
 * media replica bucket (S3-5) that CloudFront fails over to (CF-5), with its access-log bucket;
 * and the watch over that region (HARD-9): AWS Config's recorder (the region's resources, not the
 * global ones the primary region records) with its rules and its delivery bucket under an audit
 * key of that region, GuardDuty with S3 protection, Security Hub, each unless the account has its
 * own ({@code compliance.backupRegion}), and the forwarding of their findings, of key deletions and
 * key-policy changes and of root activity to the primary region's bus, where the alerts are.
 *
 * <p>It depends on no other stack and deploys before the Media stack, which reads its S3 key's
 * ARN with {@code Fn::GetStackOutput} (see {@link EdgeWiring}). Its policies name no
 * distribution: CloudFront is allowed for this account's distributions, the distribution being
 * deployed after it.
 */
public final class ReplicaStack extends PlatformStack {
    private final PlatformKeys keys;
    private final LockedBackupVault vault;
    private final MediaBucket replicaBucket;

    public ReplicaStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, "Replica", config.regions().backup(),
                "medsaas " + config.name() + ": keys, backup vault, media replica, AWS Config, GuardDuty and Security Hub "
                        + "of the backup region (REG-2, BCK-1, BCK-3, S3-5, CF-5, HARD-9)");
        BackupConfig backup = config.backup();
        BackupRegionMonitoringConfig watch = config.compliance().backupRegion();
        String region = config.regions().backup();
        PlatformPrincipals principals = PlatformPrincipals.of(config);
        this.keys = new PlatformKeys(this, "Keys", PlatformKeysProps.backupRegion(config.namePrefix(), region, principals,
                watch.configRecorder().creates()));
        this.vault = new LockedBackupVault(this, "Vault", new LockedBackupVaultProps(BackupWiring.vaultName(config),
                keys.key(KeyPurpose.BACKUP), backup.lockMode(), backup.lockChangeableForDays(), backup.lockMinRetentionDays(),
                backup.lockMaxRetentionDays(), BackupWiring.deployRoleArn(region)));
        LogBucket accessLogs = new LogBucket(this, "AccessLogs",
                new LogBucketProps(BackupWiring.replicaAccessLogsBucketName(config), config.logging().retentionDays(), null));
        this.replicaBucket = new MediaBucket(this, "ReplicaBucket", new MediaBucketProps(backup.replicaBucketName(),
                keys.key(KeyPurpose.S3), accessLogs.bucket(), List.of(config.regions().primary(), region),
                config.media().noncurrentVersionDays()));
        replicaBucket.allowCloudFrontOfThisAccount();
        new SecurityEventForwarding(this, "SecurityEvents", config.namePrefix(),
                config.regions().primary());
        int retention = config.logging().retentionDays();
        // HARD-9: the region is watched as the primary one is; its global resources are not
        // recorded here, the primary region's recorder records them once.
        new ConfigRecording(this, "Config", new ConfigRecordingProps(config.namePrefix(), ConfigRules.backupRegion(config),
                watch.configRecorder().creates()
                        ? Optional.of(new ConfigRecordingProps.Recorder(
                                config.physicalName("aws-config-" + region + "-") + Aws.ACCOUNT_ID, accessLogs.bucket(),
                                keys.key(KeyPurpose.AUDIT), retention, principals.configRoleNameIn(region), false))
                        : Optional.empty()));
        // HARD-9: RDS protection as in the primary region (no database runs here, so it costs nothing,
        // but a database restored here from the vault's copies in a disaster is watched from its
        // first login). No runtime monitoring: no task runs in this region, and its agent's network
        // path (egress, endpoint policies) is built in the primary region's VPC only.
        new ThreatDetection(this, "ThreatDetection", new ThreatDetectionProps(watch.guardDuty().creates(), watch.securityHub(),
                config.compliance().guardDutyProtection().rdsProtection(), false));
        replicaBucket.acknowledgeNoReplication("This bucket is the replica of the media bucket in " + region
                + " (S3-5, REG-2); replicating it again would put health data in a third place or back in the source.");
    }

    /** The keys of the backup region: S3 (the replica), backup (the vault) and, with our recorder there, audit (AWS Config's delivery). */
    public PlatformKeys keys() {
        return keys;
    }

    /** The backup region's vault. */
    public LockedBackupVault vault() {
        return vault;
    }

    /** The media replica bucket. */
    public MediaBucket replicaBucket() {
        return replicaBucket;
    }
}
