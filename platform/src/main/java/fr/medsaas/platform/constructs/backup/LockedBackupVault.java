package fr.medsaas.platform.constructs.backup;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.VaultLockMode;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.backup.IBackupVault;
import software.amazon.awscdk.services.backup.LockConfiguration;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * An AWS Backup vault that refuses early deletion (BCK-1, BCK-3): encrypted with the backup key
 * of its region, a vault lock with minimum and maximum retention (governance: no grace period;
 * compliance: immutable after {@link BackupConfig#COMPLIANCE_GRACE_DAYS} days), an access policy
 * that denies deleting a recovery point or shortening its lifecycle to everyone, and changing
 * the lock or the access policy to everyone but the deployment role; tagged
 * {@code DataType=medical-sensitive} and retained.
 */
public final class LockedBackupVault extends Construct {
    /** Actions on recovery points the vault refuses to every principal. */
    public static final List<String> DENIED_RECOVERY_POINT_ACTIONS = List.of(
            "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle");
    /** Actions on the vault's own protection that only the deployment role may call. */
    public static final List<String> PROTECTION_ACTIONS = List.of(
            "backup:PutBackupVaultLockConfiguration", "backup:DeleteBackupVaultLockConfiguration",
            "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy");

    private final BackupVault vault;

    public LockedBackupVault(Construct scope, String id, LockedBackupVaultProps props) {
        super(scope, id);
        LockConfiguration.Builder lock = LockConfiguration.builder()
                .minRetention(Duration.days(props.minRetentionDays()))
                .maxRetention(Duration.days(props.maxRetentionDays()));
        if (props.lockMode() == VaultLockMode.COMPLIANCE) {
            // A grace period turns the lock into compliance mode once it ends.
            lock.changeableFor(Duration.days(BackupConfig.COMPLIANCE_GRACE_DAYS));
        }
        this.vault = BackupVault.Builder.create(this, "Resource")
                .backupVaultName(props.vaultName())
                .encryptionKey(props.key())
                .lockConfiguration(lock.build())
                .accessPolicy(accessPolicy(props.deployRoleArnPattern()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Tags.of(vault).add("DataType", "medical-sensitive");
    }

    /**
     * BCK-3. Recovery points: nobody deletes one or shortens its lifecycle (AWS Backup's own
     * expiry at the end of the retention is not a call of a principal, and still happens). The
     * lock and this policy: only the role CloudFormation deploys with may change them, so that a
     * change is a reviewed change of the template; the root user and administrators included
     * are refused otherwise.
     */
    static PolicyDocument accessPolicy(String deployRoleArnPattern) {
        return PolicyDocument.Builder.create().statements(List.of(
                PolicyStatement.Builder.create()
                        .sid("DenyRecoveryPointDeletion")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(DENIED_RECOVERY_POINT_ACTIONS)
                        .resources(List.of("*"))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("DenyProtectionChangesOutsideDeployments")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(PROTECTION_ACTIONS)
                        .resources(List.of("*"))
                        .conditions(Map.of("ArnNotLike", Map.of("aws:PrincipalArn", deployRoleArnPattern)))
                        .build())).build();
    }

    /** The vault. */
    public IBackupVault vault() {
        return vault;
    }
}
