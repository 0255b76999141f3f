package fr.medsaas.platform.constructs.backup;

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
 * compliance, prod's default: immutable after its cooling-off window {@code ChangeableForDays},
 * HARD-9), an access policy that denies to everyone deleting a recovery point, shortening its
 * lifecycle, and removing the lock or the access policy, and setting them to everyone but the
 * deployment role; tagged {@code DataType=medical-sensitive} and retained.
 */
public final class LockedBackupVault extends Construct {
    /** Actions on recovery points the vault refuses to every principal. */
    public static final List<String> DENIED_RECOVERY_POINT_ACTIONS = List.of(
            "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle");
    /**
     * What CloudFormation calls to create or update a vault's lock and access policy as the template
     * declares them: only the deployment role may (HARD-9).
     */
    public static final List<String> PROTECTION_ACTIONS = List.of(
            "backup:PutBackupVaultLockConfiguration", "backup:PutBackupVaultAccessPolicy");
    /** Removing the lock or the access policy: refused to every principal, the deployment role included. */
    public static final List<String> REMOVAL_ACTIONS = List.of(
            "backup:DeleteBackupVaultLockConfiguration", "backup:DeleteBackupVaultAccessPolicy");

    private final BackupVault vault;

    public LockedBackupVault(Construct scope, String id, LockedBackupVaultProps props) {
        super(scope, id);
        LockConfiguration.Builder lock = LockConfiguration.builder()
                .minRetention(Duration.days(props.minRetentionDays()))
                .maxRetention(Duration.days(props.maxRetentionDays()));
        if (props.lockMode() == VaultLockMode.COMPLIANCE) {
            // A grace period turns the lock into compliance mode once it ends (HARD-9).
            lock.changeableFor(Duration.days(props.changeableForDays()));
        }
        this.vault = BackupVault.Builder.create(this, "Resource")
                .backupVaultName(props.vaultName())
                .encryptionKey(props.key())
                .lockConfiguration(lock.build())
                .accessPolicy(accessPolicy(props.deployRoleArn()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Tags.of(vault).add("DataType", "medical-sensitive");
    }

    /**
     * BCK-3. Recovery points: nobody deletes one or shortens its lifecycle (AWS Backup's own
     * expiry at the end of the retention is not a call of a principal, and still happens). The
     * lock and this policy: nobody removes them; only the role CloudFormation deploys with (its
     * exact ARN, the bootstrap's qualifier, not a pattern) sets them, which is all CloudFormation
     * needs to create and update them as declared, so that a change is a reviewed change of the
     * template; the root user and administrators included are refused otherwise (HARD-9).
     */
    static PolicyDocument accessPolicy(String deployRoleArn) {
        return PolicyDocument.Builder.create().statements(List.of(
                PolicyStatement.Builder.create()
                        .sid("DenyRecoveryPointDeletion")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(DENIED_RECOVERY_POINT_ACTIONS)
                        .resources(List.of("*"))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("DenyLockAndPolicyRemoval")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(REMOVAL_ACTIONS)
                        .resources(List.of("*"))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("DenyProtectionChangesOutsideDeployments")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(PROTECTION_ACTIONS)
                        .resources(List.of("*"))
                        .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", deployRoleArn)))
                        .build())).build();
    }

    /** The vault. */
    public IBackupVault vault() {
        return vault;
    }
}
