package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import software.amazon.awscdk.Aws;

/**
 * Names and ARNs the Backup, Replica, Data and Media stacks agree on, built from configuration so
 * that no stack needs another's output for them (and no reference crosses a region).
 */
public final class BackupWiring {
    private BackupWiring() {
    }

    /** The vault's name, the same in the primary and the backup region. */
    public static String vaultName(EnvironmentConfig config) {
        return config.physicalName("backup-vault");
    }

    /** The backup region's vault, by ARN. */
    public static String copyVaultArn(EnvironmentConfig config) {
        return "arn:" + Aws.PARTITION + ":backup:" + config.regions().backup() + ":" + Aws.ACCOUNT_ID
                + ":backup-vault:" + vaultName(config);
    }

    /** The PostgreSQL instance's identifier, which the Data stack gives it. */
    public static String databaseIdentifier(EnvironmentConfig config) {
        return config.physicalName("postgres");
    }

    /** The PostgreSQL instance, by ARN: its identifier is fixed by configuration. */
    public static String databaseArn(EnvironmentConfig config) {
        return "arn:" + Aws.PARTITION + ":rds:" + config.regions().primary() + ":" + Aws.ACCOUNT_ID + ":db:"
                + databaseIdentifier(config);
    }

    /** A bucket, by ARN. */
    public static String bucketArn(String bucketName) {
        return "arn:" + Aws.PARTITION + ":s3:::" + bucketName;
    }

    /** The replica bucket's access-log bucket: {@code <replica>-access-logs}. */
    public static String replicaAccessLogsBucketName(EnvironmentConfig config) {
        return config.backup().replicaBucketName() + "-access-logs";
    }

    /**
     * The role CloudFormation deploys with in a region, as the CDK bootstrap names it with our
     * qualifier ({@code cdk-hnb659fds-cfn-exec-role-<account>-<region>}): the only principal
     * allowed to set a vault's lock and access policy (BCK-3, HARD-9). Exact, not a pattern: a
     * second bootstrap with another qualifier gets no exemption.
     */
    public static String deployRoleArn(String region) {
        return "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/cdk-"
                + fr.medsaas.platform.constructs.iam.PlatformPrincipals.BOOTSTRAP_QUALIFIER + "-cfn-exec-role-"
                + Aws.ACCOUNT_ID + "-" + region;
    }
}
