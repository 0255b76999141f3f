package fr.medsaas.platform.constructs.backup;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.backup.IBackupVault;
import software.amazon.awscdk.services.iam.IRole;

/**
 * What the daily backup plan is built from.
 *
 * @param planName      the plan's name
 * @param vault         the vault of the primary region that receives each recovery point
 * @param copyVaultArn  the vault of the backup region that receives a copy of each; empty: no copy
 * @param retentionDays days each recovery point, and its copy, is kept
 * @param resourceArns  the resources selected, by ARN
 * @param role          the role AWS Backup acts with; its rights are written out by its owner
 */
public record DailyBackupPlanProps(String planName, IBackupVault vault, Optional<String> copyVaultArn, int retentionDays,
                                   List<String> resourceArns, IRole role) {
    public DailyBackupPlanProps {
        resourceArns = List.copyOf(resourceArns);
    }
}
