package fr.medsaas.platform.constructs.backup;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The role AWS Backup acts with (BCK-1), least privilege: AWS's managed backup policies grant
 * every database, every bucket and every key of the account; this one names the one database,
 * the one bucket and the keys they and the vaults use, from the statements AWS documents for a
 * customer-managed copy of those policies (RDS snapshots, S3 backups, copies). It cannot restore:
 * a restore is an operator's act with a role of its own (docs/disaster-recovery.md).
 */
public final class BackupServiceRole extends Construct {
    private static final List<String> VAULT_KEY_ACTIONS = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");

    private final ManagedPolicyRole role;

    public BackupServiceRole(Construct scope, String id, BackupServiceRoleProps p) {
        super(scope, id);
        this.role = new ManagedPolicyRole(this, "Resource", new ServicePrincipal("backup.amazonaws.com"),
                "AWS Backup: daily backups of the database and the media bucket, copied to " + p.backupRegion() + " (BCK-1)",
                java.util.Optional.of(p.roleName()));
        String account = Aws.ACCOUNT_ID;
        String partition = Aws.PARTITION;
        String bucketArn = "arn:" + partition + ":s3:::" + p.bucketName();
        List<String> snapshots = List.of(
                "arn:" + partition + ":rds:" + p.primaryRegion() + ":" + account + ":snapshot:awsbackup:*",
                "arn:" + partition + ":rds:" + p.backupRegion() + ":" + account + ":snapshot:awsbackup:*");
        role.allow(
                statement("RdsInstance", List.of("rds:DescribeDBInstances", "rds:ListTagsForResource",
                        "rds:CreateDBSnapshot", "rds:AddTagsToResource"), List.of(p.databaseArn())),
                statement("RdsBackupSnapshots", List.of("rds:CreateDBSnapshot", "rds:DescribeDBSnapshots",
                        "rds:CopyDBSnapshot", "rds:DeleteDBSnapshot", "rds:ModifyDBSnapshotAttribute",
                        "rds:AddTagsToResource", "rds:ListTagsForResource"), snapshots),
                statement("S3Bucket", List.of("s3:GetInventoryConfiguration", "s3:PutInventoryConfiguration",
                        "s3:ListBucketVersions", "s3:ListBucket", "s3:GetBucketVersioning", "s3:GetBucketNotification",
                        "s3:PutBucketNotification", "s3:GetBucketLocation", "s3:GetBucketTagging", "s3:GetBucketAcl"),
                        List.of(bucketArn)),
                statement("S3Objects", List.of("s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl",
                        "s3:GetObjectVersionAcl", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"),
                        List.of(bucketArn + "/*")),
                statement("S3BackupEvents", List.of("events:DescribeRule", "events:EnableRule", "events:PutRule",
                        "events:DeleteRule", "events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule",
                        "events:DisableRule"),
                        List.of("arn:" + partition + ":events:" + p.primaryRegion() + ":" + account + ":rule/AwsBackupManagedRule*")),
                statement("ListingWithoutResourceLevelPermissions", List.of("s3:ListAllMyBuckets", "events:ListRules",
                        "cloudwatch:GetMetricData", "tag:GetResources"), List.of("*")),
                viaService("S3KeyThroughS3", List.of("kms:Decrypt", "kms:DescribeKey"), p.s3KeyArn(),
                        List.of("s3." + p.primaryRegion() + ".amazonaws.com")),
                viaService("RdsKeyThroughRds", List.of("kms:Decrypt", "kms:DescribeKey", "kms:ReEncrypt*",
                        "kms:GenerateDataKey*"), p.rdsKeyArn(), List.of("rds." + p.primaryRegion() + ".amazonaws.com")),
                grant("RdsKeyGrantsForRds", p.rdsKeyArn(), List.of("rds." + p.primaryRegion() + ".amazonaws.com")),
                viaService("BackupKey", VAULT_KEY_ACTIONS, p.backupKeyArn(), vaultServices(p.primaryRegion())),
                grant("BackupKeyGrants", p.backupKeyArn(), vaultServices(p.primaryRegion())),
                viaService("CopyBackupKey", VAULT_KEY_ACTIONS, p.copyBackupKeyArn(), vaultServices(p.backupRegion())),
                grant("CopyBackupKeyGrants", p.copyBackupKeyArn(), vaultServices(p.backupRegion())),
                // AWSBackupServiceRolePolicyForBackup: a copy job describes its destination vault, then copies into it.
                statement("CopyIntoTheBackupRegion", List.of("backup:DescribeBackupVault", "backup:CopyIntoBackupVault"),
                        List.of(p.copyVaultArn())));
        Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[Resource::*]",
                "s3:ListAllMyBuckets, events:ListRules, cloudwatch:GetMetricData and tag:GetResources have no resource-level "
                        + "permissions (Service Authorization Reference); AWS Backup's S3 backups and its resource selection call "
                        + "them. They list, they read no data.");
        for (String wildcard : List.of(
                "Resource::arn:<AWS::Partition>:rds:" + p.primaryRegion() + ":<AWS::AccountId>:snapshot:awsbackup:*",
                "Resource::arn:<AWS::Partition>:rds:" + p.backupRegion() + ":<AWS::AccountId>:snapshot:awsbackup:*",
                "Resource::arn:<AWS::Partition>:events:" + p.primaryRegion() + ":<AWS::AccountId>:rule/AwsBackupManagedRule*",
                "Resource::arn:<AWS::Partition>:s3:::" + p.bucketName() + "/*",
                "Action::kms:ReEncrypt*", "Action::kms:GenerateDataKey*")) {
            Acknowledge.rule(role.policy(), "AwsSolutions-IAM5[" + wildcard + "]",
                    "Least privilege for AWS Backup: the snapshots AWS Backup names awsbackup:*, the EventBridge rules it "
                            + "names AwsBackupManagedRule*, the objects of the one media bucket, and the key operations "
                            + "RDS and AWS Backup make through kms:ViaService on the named keys only.");
        }
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(resources).build();
    }

    /** Key operations, only when the named services make them on the role's behalf. */
    private static PolicyStatement viaService(String sid, List<String> actions, String keyArn, List<String> services) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(List.of(keyArn))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", services))).build();
    }

    /** Grants on a key, only for AWS resources and through the named services (HARD-4). */
    private static PolicyStatement grant(String sid, String keyArn, List<String> services) {
        return PolicyStatement.Builder.create().sid(sid).actions(List.of("kms:CreateGrant")).resources(List.of(keyArn))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "StringEquals", Map.of("kms:ViaService", services),
                        "Bool", Map.of("kms:GrantIsForAWSResource", "true"))))
                .build();
    }

    /** A vault's key is used by AWS Backup, and by RDS when it copies a snapshot into that vault. */
    private static List<String> vaultServices(String region) {
        return List.of("backup." + region + ".amazonaws.com", "rds." + region + ".amazonaws.com");
    }

    /** The role, closed to automatic grants. */
    public IRole role() {
        return role.immutable();
    }
}
