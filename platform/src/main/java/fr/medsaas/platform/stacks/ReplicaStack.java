package fr.medsaas.platform.stacks;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.EnvironmentConfig;
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
import software.constructs.Construct;

/**
 * What the backup region holds (REG-2), under keys of that region: its S3 and backup keys, the
 * vault that receives the copies of the Backup stack's recovery points (BCK-1, BCK-3), and the
 * media replica bucket (S3-5) that CloudFront fails over to (CF-5), with its access-log bucket.
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
                "medsaas " + config.name() + ": keys, backup vault and media replica of the backup region "
                        + "(REG-2, BCK-1, BCK-3, S3-5, CF-5)");
        BackupConfig backup = config.backup();
        String region = config.regions().backup();
        this.keys = new PlatformKeys(this, "Keys", PlatformKeysProps.backupRegion(config.namePrefix(), region, PlatformPrincipals.of(config)));
        this.vault = new LockedBackupVault(this, "Vault", new LockedBackupVaultProps(BackupWiring.vaultName(config),
                keys.key(KeyPurpose.BACKUP), backup.lockMode(), backup.lockChangeableForDays(), backup.lockMinRetentionDays(),
                backup.lockMaxRetentionDays(), BackupWiring.deployRoleArn(region)));
        LogBucket accessLogs = new LogBucket(this, "AccessLogs",
                new LogBucketProps(BackupWiring.replicaAccessLogsBucketName(config), config.logging().retentionDays(), null));
        this.replicaBucket = new MediaBucket(this, "ReplicaBucket", new MediaBucketProps(backup.replicaBucketName(),
                keys.key(KeyPurpose.S3), accessLogs.bucket(), List.of(config.regions().primary(), region),
                config.media().noncurrentVersionDays()));
        replicaBucket.allowCloudFrontOfThisAccount();
        new fr.medsaas.platform.constructs.compliance.SecurityEventForwarding(this, "SecurityEvents", config.namePrefix(),
                config.regions().primary());
        replicaBucket.acknowledgeNoReplication("This bucket is the replica of the media bucket in " + region
                + " (S3-5, REG-2); replicating it again would put health data in a third place or back in the source.");
    }

    /** The keys of the backup region: S3 (the replica) and backup (the vault). */
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
