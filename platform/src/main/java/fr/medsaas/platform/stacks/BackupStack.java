package fr.medsaas.platform.stacks;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.backup.BackupServiceRole;
import fr.medsaas.platform.constructs.backup.BackupServiceRoleProps;
import fr.medsaas.platform.constructs.backup.DailyBackupPlan;
import fr.medsaas.platform.constructs.backup.DailyBackupPlanProps;
import fr.medsaas.platform.constructs.backup.LockedBackupVault;
import fr.medsaas.platform.constructs.backup.LockedBackupVaultProps;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * AWS Backup in the primary region (BCK-1, BCK-3): a locked vault under the backup key, a daily
 * plan kept the configured days and copied to the backup region's vault (Replica stack), the
 * database and the media bucket selected by ARN, and the role AWS Backup acts with.
 *
 * <p>Selection by ARN, not by tag: the two stores are named by configuration, so their ARNs are
 * known without a reference; a tag selection would back up whatever someone tags later (and
 * miss a store whose tag is removed), and the plan would no longer say what it protects.
 */
public final class BackupStack extends PlatformStack {
    private final LockedBackupVault vault;
    private final DailyBackupPlan plan;

    public BackupStack(Construct scope, EnvironmentConfig config, BackupStackInputs inputs) {
        super(scope, config, "Backup", config.regions().primary(),
                "medsaas " + config.name() + ": AWS Backup vault and daily plan, copied to " + config.regions().backup()
                        + " (BCK-1, BCK-3)");
        BackupConfig backup = config.backup();
        String primary = config.regions().primary();
        addStackDependency(inputs.data(), "the plan selects the database by ARN");
        addStackDependency(inputs.media(), "the plan selects the media bucket by ARN");
        this.vault = new LockedBackupVault(this, "Vault", new LockedBackupVaultProps(BackupWiring.vaultName(config),
                inputs.keys().key(KeyPurpose.BACKUP), backup.lockMode(), backup.lockChangeableForDays(), backup.lockMinRetentionDays(),
                backup.lockMaxRetentionDays(), BackupWiring.deployRoleArn(primary)));
        String copyKeyArn = EdgeWiring.acrossRegions(inputs.replica().keys().key(KeyPurpose.BACKUP).getKeyArn());
        BackupServiceRole role = new BackupServiceRole(this, "Role", new BackupServiceRoleProps(
                BackupWiring.databaseArn(config), config.media().bucketName(),
                inputs.keys().key(KeyPurpose.RDS).getKeyArn(), inputs.keys().key(KeyPurpose.S3).getKeyArn(),
                inputs.keys().key(KeyPurpose.BACKUP).getKeyArn(), copyKeyArn, BackupWiring.copyVaultArn(config),
                primary, config.regions().backup(),
                PlatformPrincipals.of(config).backupRoleName()));
        this.plan = new DailyBackupPlan(this, "Plan", new DailyBackupPlanProps(config.physicalName("daily-backup"),
                vault.vault(),
                backup.copyToBackupRegion() ? Optional.of(BackupWiring.copyVaultArn(config)) : Optional.empty(),
                backup.retentionDays(), List.of(BackupWiring.databaseArn(config), BackupWiring.bucketArn(config.media().bucketName())), role.role()));
    }

    /** The primary region's vault. */
    public LockedBackupVault vault() {
        return vault;
    }

    /** The daily plan and its selection. */
    public DailyBackupPlan plan() {
        return plan;
    }
}
