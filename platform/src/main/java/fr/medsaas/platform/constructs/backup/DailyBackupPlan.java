package fr.medsaas.platform.constructs.backup;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.backup.BackupPlan;
import software.amazon.awscdk.services.backup.BackupPlanCopyActionProps;
import software.amazon.awscdk.services.backup.BackupPlanRule;
import software.amazon.awscdk.services.backup.BackupPlanRuleProps;
import software.amazon.awscdk.services.backup.BackupResource;
import software.amazon.awscdk.services.backup.BackupSelectionOptions;
import software.amazon.awscdk.services.backup.BackupVault;
import software.amazon.awscdk.services.events.CronOptions;
import software.amazon.awscdk.services.events.Schedule;
import software.constructs.Construct;

/**
 * BCK-1: one daily rule, kept the configured days, copied (when asked) to the backup region's
 * vault and kept there as long; the resources selected by ARN, backed up with the given role
 * and no policy added to it. It starts at 05:00 UTC, after the database's own backup window
 * (03:00-04:00) and the weekly maintenance window (Sunday 04:00-05:00) of DB-6.
 */
public final class DailyBackupPlan extends Construct {
    /** The hour (UTC) the daily rule starts at. */
    public static final String START_HOUR = "5";

    private final BackupPlan plan;

    public DailyBackupPlan(Construct scope, String id, DailyBackupPlanProps props) {
        super(scope, id);
        Duration keep = Duration.days(props.retentionDays());
        BackupPlanRuleProps.Builder rule = BackupPlanRuleProps.builder()
                .ruleName("Daily")
                .backupVault(props.vault())
                .scheduleExpression(Schedule.cron(CronOptions.builder().minute("0").hour(START_HOUR).build()))
                .startWindow(Duration.hours(1))
                .completionWindow(Duration.days(1))
                .deleteAfter(keep)
                // DB-9: a recovery point of health data says so, as the stores it comes from.
                .recoveryPointTags(Map.of("DataType", "medical-sensitive"));
        props.copyVaultArn().ifPresent(arn -> rule.copyActions(List.of(BackupPlanCopyActionProps.builder()
                .destinationBackupVault(BackupVault.fromBackupVaultArn(this, "CopyVault", arn))
                .deleteAfter(keep)
                .build())));
        this.plan = BackupPlan.Builder.create(this, "Resource")
                .backupPlanName(props.planName())
                .backupPlanRules(List.of(new BackupPlanRule(rule.build())))
                .build();
        plan.addSelection("Selection", BackupSelectionOptions.builder()
                .backupSelectionName(props.planName() + "-selection")
                .resources(props.resourceArns().stream().map(BackupResource::fromArn).toList())
                .role(props.role())
                // The role's rights are written out where it is made; nothing is attached here.
                .disableDefaultBackupPolicy(true)
                .allowRestores(false)
                .build());
    }

    /** The plan. */
    public BackupPlan plan() {
        return plan;
    }
}
