package fr.medsaas.platform.constructs.keys;

import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.iam.RolePattern;
import java.util.List;
import java.util.Optional;

/**
 * Who may use each key, and how (HARD-7, KMS-2): the roles named one by one, each use through
 * the service it belongs to. Plain data, read by {@link PlatformKeys} and by the security model.
 *
 * <p>The account root keeps administration only (no cryptographic action, no grant), so an IAM
 * policy of the account, however wide, does not open a key: only the roles named here can use
 * one. Services acting as themselves (CloudWatch Logs, CloudFront, CloudTrail, CloudWatch alarms,
 * EventBridge, CodeStar Notifications) are named by their service principal in
 * {@link PlatformKeys}, with {@code aws:SourceArn}, {@code aws:SourceAccount},
 * {@code kms:EncryptionContext} or {@code kms:ViaService} where AWS documents them.
 */
public final class KeyUses {
    /** Envelope encryption through a service. */
    public static final List<String> USE = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
    /** Reading objects encrypted under the key, through S3. */
    public static final List<String> DECRYPT = List.of("kms:Decrypt", "kms:DescribeKey");
    /** Reading and writing objects encrypted under the key, through S3. */
    public static final List<String> READ_WRITE = List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey");
    /** Writing objects under the key (S3 replication into the replica bucket). */
    public static final List<String> ENCRYPT = List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey");

    private KeyUses() {
    }

    /**
     * The uses of the key of one purpose in one region: the primary region's nine keys, or the
     * backup region's S3 and backup keys (REG-2) and its AWS Config delivery key (HARD-9), whose users differ.
     *
     * @param primary whether {@code region} is the primary region
     */
    public static List<KeyUse> of(KeyPurpose purpose, PlatformPrincipals p, String region, boolean primary) {
        RolePattern deployer = p.deployerIn(region);
        if (!primary) {
            return switch (purpose) {
                // S3-5: replication writes the replica objects; CloudFormation creates the bucket.
                case S3 -> List.of(via("s3", ENCRYPT, List.of(p.replication()), false),
                        // HARD-11: the erasure role reads the replica's versions it erases, as in the
                        // primary region (docs/erasure.md); its IAM policy already names this key.
                        new KeyUse("AllowErasureToReadThroughS3", Optional.of("s3"), DECRYPT,
                                List.of(p.erasure()), false));
                // BCK-2: AWS Backup copies each recovery point into this region's vault with the
                // backup role; the restore role of docs/disaster-recovery.md matches the same pattern.
                case BACKUP -> vault(deployer, p);
                // HARD-9: that region's AWS Config recorder delivers its snapshots and history,
                // encrypted, to its own bucket there; no trail writes there.
                case AUDIT -> List.of(via("s3", READ_WRITE, List.of(p.configIn(region)), false));
                default -> throw new IllegalArgumentException(
                        "The backup region holds the S3, backup and audit keys only, not the " + purpose + " key");
            };
        }
        return switch (purpose) {
            case DATA -> List.of(
                    // CloudFormation creates the application's secrets, the builder writes them,
                    // the execution role reads them into the containers.
                    via("secretsmanager", USE, List.of(deployer, p.secretsBuilder(), p.ecsExecution()), false),
                    // Field-level encryption by the application itself.
                    new KeyUse("AllowTheApplication", Optional.empty(),
                            List.of("kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"), List.of(p.ecsTask()), false));
            // RDS storage, snapshots, Performance Insights; AWS Backup snapshots and copies them.
            case RDS -> List.of(via("rds", USE, List.of(deployer, p.backupService(), p.backupRoles()), true));
            // The application reads and writes the media objects; replication and AWS Backup read them.
            case S3 -> withMalwareScan(p, List.of(
                    via("s3", READ_WRITE, List.of(p.ecsTask()), false),
                    new KeyUse("AllowReplicationToReadThroughS3", Optional.of("s3"), DECRYPT,
                            List.of(p.replication()), false),
                    // AWS Backup reads the objects daily; a restore (docs/disaster-recovery.md) writes them back.
                    new KeyUse("AllowBackupAndRestoreThroughS3", Optional.of("s3"), READ_WRITE,
                            List.of(p.backupRoles()), false),
                    // RGPD art. 17: the erasure role reads the versions it erases (docs/erasure.md).
                    new KeyUse("AllowErasureToReadThroughS3", Optional.of("s3"), DECRYPT,
                            List.of(p.erasure()), false)));
            // Only CloudWatch Logs itself, in PlatformKeys.
            case LOGS -> List.of();
            case SECRETS -> List.of(
                    // The master password and the AUTH token: created by CloudFormation (which also
                    // resolves them into the instance and the group), read by the builder, rotated.
                    via("secretsmanager", USE, List.of(deployer, p.secretsBuilder(), p.databaseRoles(),
                            p.masterRotation(), p.migrationExecution()), false),
                    // ElastiCache at rest, set up by CloudFormation.
                    via("elasticache", USE, List.of(deployer), true));
            case BACKUP -> vault(deployer, p);
            // AWS Config delivers its snapshots and history, encrypted, to its bucket (CMP-3);
            // CloudTrail itself is named in PlatformKeys.
            case AUDIT -> List.of(via("s3", READ_WRITE, List.of(p.config()), false),
                    // The named auditor reads the trail's log and digest files to validate them
                    // (aws cloudtrail validate-logs), the break-glass path of docs/access-paths.md.
                    new KeyUse("AllowAuditorReadingTrail", Optional.of("s3"), DECRYPT,
                            List.of(p.auditor()), false));
            // Only the services that publish alerts, in PlatformKeys.
            case ALERTS -> List.of();
            case DELIVERY -> List.of(
                    // CI-1..CI-3: the pipeline's roles and the image build read and write artifacts.
                    // The key encrypts no health data: the roles keep the envelope actions their
                    // IAM policies name, as CodePipeline and CodeBuild document them.
                    via("s3", USE, List.of(p.delivery()), false),
                    // ECR encrypts the images with a grant that it creates when CloudFormation
                    // creates the repository; pushes and pulls then go through that grant.
                    via("ecr", List.of("kms:DescribeKey"), List.of(deployer), true));
        };
    }

    /**
     * HARD-9: GuardDuty's Malware Protection for S3 reads each new object through S3 and writes its
     * validation object, with the role the plan names: kms:Decrypt and kms:GenerateDataKey through
     * S3, as AWS documents the plan's role (malware-protection-s3-iam-policy-prerequisite).
     */
    private static List<KeyUse> withMalwareScan(PlatformPrincipals p, List<KeyUse> uses) {
        if (!p.malwareScan()) {
            return uses;
        }
        List<KeyUse> all = new java.util.ArrayList<>(uses);
        all.add(new KeyUse("AllowMalwareScanThroughS3", Optional.of("s3"), List.of("kms:Decrypt", "kms:GenerateDataKey"),
                List.of(p.malwareScanRole()), false));
        return List.copyOf(all);
    }

    /**
     * A backup vault's key: CloudFormation creates the vault, AWS Backup (its service-linked role
     * and the roles named {@code <prefix>-backup*}) encrypts recovery points through AWS Backup and,
     * for RDS snapshots, through RDS.
     */
    private static List<KeyUse> vault(RolePattern deployer, PlatformPrincipals p) {
        return List.of(
                via("backup", USE, List.of(deployer, p.backupService(), p.backupRoles()), true),
                via("rds", USE, List.of(p.backupService(), p.backupRoles()), true));
    }

    /**
     * The services through which named roles use the key of {@code purpose} ({@code rds}, as in
     * {@code rds.eu-west-3.amazonaws.com}), without the statements that only make grants.
     */
    public static java.util.Set<String> services(KeyPurpose purpose, PlatformPrincipals p, String region, boolean primary) {
        java.util.Set<String> services = new java.util.TreeSet<>();
        for (KeyUse use : of(purpose, p, region, primary)) {
            use.viaService().ifPresent(services::add);
        }
        return services;
    }

    private static KeyUse via(String service, List<String> actions, List<RolePattern> principals, boolean grants) {
        return new KeyUse("AllowUseThrough" + Character.toUpperCase(service.charAt(0)) + service.substring(1),
                Optional.of(service), actions, principals, grants);
    }
}
