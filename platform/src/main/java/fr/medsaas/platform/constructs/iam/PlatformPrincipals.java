package fr.medsaas.platform.constructs.iam;

import fr.medsaas.config.EnvironmentConfig;
import java.util.List;

/**
 * The roles of an environment that use its keys and read its secrets (HARD-7), named from the
 * configuration so that the Keys stack, deployed first, can name them. Plain data.
 *
 * <p>Roles with a fixed name ({@code <prefix>-ecs-task-role}, ...) are given that name by the
 * construct that makes them ({@link #ecsTaskRoleName()}, ...). Two principals are named by a
 * pattern instead, and say so: CloudFormation's execution role of the CDK bootstrap (the
 * deployer, which creates the encrypted resources and resolves the secrets' dynamic references),
 * and the roles made without a fixed name inside the Data stack, which are those of the
 * master password's hosted rotation (the Secrets Manager transform makes them in a nested stack
 * named after the Data stack).
 *
 * @param namePrefix    the environment's name prefix
 * @param dataStackName the Data stack's name ({@code MedSaas-<env>-Data})
 * @param region        the primary region (the deployer's role is per region)
 * @param malwareScan   whether GuardDuty scans the media bucket's uploads with its role (HARD-9)
 */
public record PlatformPrincipals(String namePrefix, String dataStackName, String region, boolean malwareScan) {
    /** The CDK bootstrap's default qualifier: the deployer's role is {@code cdk-<qualifier>-cfn-exec-role-...}. */
    public static final String BOOTSTRAP_QUALIFIER = "hnb659fds";
    private static final String ROLE = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/";

    /** The principals of an environment. */
    public static PlatformPrincipals of(EnvironmentConfig config) {
        return new PlatformPrincipals(config.namePrefix(), config.stackName("Data"), config.regions().primary(),
                config.compliance().guardDutyProtection().malwareProtection());
    }

    /** The ECS execution role's name: pulls images, writes logs, reads the application's secrets. */
    public String ecsExecutionRoleName() {
        return namePrefix + "-ecs-execution-role";
    }

    /** The ECS task role's name: the application's own rights. */
    public String ecsTaskRoleName() {
        return namePrefix + "-ecs-task-role";
    }

    /** The secrets builder's role name. */
    public String secretsBuilderRoleName() {
        return namePrefix + "-secrets-builder-role";
    }

    /** The database-roles function's role name (HARD-6). */
    public String databaseRolesRoleName() {
        return namePrefix + "-db-roles-role";
    }

    /** The execution role of the migration task definition (HARD-6). */
    public String migrationExecutionRoleName() {
        return namePrefix + "-ecs-migration-execution-role";
    }

    /** CloudFormation, deploying with the CDK bootstrap's execution role of the primary region. */
    public RolePattern deployer() {
        return deployerIn(region);
    }

    /** CloudFormation, deploying with the CDK bootstrap's execution role of {@code stackRegion}. */
    public RolePattern deployerIn(String stackRegion) {
        return new RolePattern("CloudFormation (CDK bootstrap execution role)",
                ROLE + "cdk-" + BOOTSTRAP_QUALIFIER + "-cfn-exec-role-${AWS::AccountId}-" + stackRegion);
    }

    /** AWS Backup's role (BCK-1), named so that it matches {@link #backupRoles()}. */
    public String backupRoleName() {
        return namePrefix + "-backup-role";
    }

    /** The media bucket's replication role (S3-5). */
    public String replicationRoleName() {
        return namePrefix + "-media-replication-role";
    }

    /** AWS Config's recorder role (CMP-3). */
    public String configRoleName() {
        return configRoleName(namePrefix);
    }

    /** AWS Config's recorder role of the environment whose name prefix is {@code namePrefix}. */
    public static String configRoleName(String namePrefix) {
        return namePrefix + "-config-role";
    }

    /**
     * AWS Config's recorder role in {@code recorderRegion}: the primary region's keeps its name,
     * another region's carries the region, since role names are global (HARD-9).
     */
    public String configRoleNameIn(String recorderRegion) {
        return recorderRegion.equals(region) ? configRoleName() : configRoleName() + "-" + recorderRegion;
    }

    /** A role of the delivery pipeline (CI-1..CI-3): {@code <prefix>-delivery-<part>-role}. */
    public String deliveryRoleName(String part) {
        return namePrefix + "-delivery-" + part + "-role";
    }

    /** The media bucket's replication role. */
    public RolePattern replication() {
        return new RolePattern("S3 replication role (media bucket to its replica)", ROLE + replicationRoleName());
    }

    /** AWS Config's recorder role. */
    public RolePattern config() {
        return new RolePattern("AWS Config recorder role", ROLE + configRoleName());
    }

    /** AWS Config's recorder role in {@code recorderRegion} ({@link #configRoleNameIn(String)}). */
    public RolePattern configIn(String recorderRegion) {
        return recorderRegion.equals(region) ? config()
                : new RolePattern("AWS Config recorder role of " + recorderRegion, ROLE + configRoleNameIn(recorderRegion));
    }

    /** The delivery pipeline's roles and its image build's, all named {@code <prefix>-delivery-*}. */
    public RolePattern delivery() {
        return new RolePattern("Delivery roles (pipeline, its actions, the image build; named <prefix>-delivery-*)",
                ROLE + namePrefix + "-delivery-*");
    }

    /** The ECS execution role. */
    public RolePattern ecsExecution() {
        return new RolePattern("ECS execution role (web, worker)", ROLE + ecsExecutionRoleName());
    }

    /** The ECS task role: the running application. */
    public RolePattern ecsTask() {
        return new RolePattern("ECS task role (web, worker application)", ROLE + ecsTaskRoleName());
    }

    /** The erasure role's name (RGPD art. 17, docs/erasure.md). */
    public String erasureRoleName() {
        return namePrefix + "-media-erasure";
    }

    /** The auditor's role name: reads and validates the trail (break-glass, docs/access-paths.md). */
    public String auditorRoleName() {
        return namePrefix + "-auditor";
    }

    /** The role GuardDuty's Malware Protection for S3 assumes to scan and tag the media bucket's uploads (HARD-9). */
    public String malwareScanRoleName() {
        return namePrefix + "-media-malware-scan";
    }

    /** GuardDuty's malware scan of the media bucket: reads new objects, tags them. */
    public RolePattern malwareScanRole() {
        return new RolePattern("GuardDuty malware scan role (media bucket uploads)", ROLE + malwareScanRoleName());
    }

    /** The erasure role: reads and deletes media object versions. */
    public RolePattern erasure() {
        return new RolePattern("Erasure role (media object versions, MFA)", ROLE + erasureRoleName());
    }

    /** The auditor role: reads and validates the trail. */
    public RolePattern auditor() {
        return new RolePattern("Auditor role (reads and validates the trail, MFA)", ROLE + auditorRoleName());
    }

    /** The secrets builder (SEC-1). */
    public RolePattern secretsBuilder() {
        return new RolePattern("Secrets builder function", ROLE + secretsBuilderRoleName());
    }

    /** The database-roles function (HARD-6). */
    public RolePattern databaseRoles() {
        return new RolePattern("Database roles function", ROLE + databaseRolesRoleName());
    }

    /** The migration task's execution role (HARD-6). */
    public RolePattern migrationExecution() {
        return new RolePattern("ECS migration task execution role", ROLE + migrationExecutionRoleName());
    }

    /** The master password's hosted rotation: roles made without a fixed name in the Data stack. */
    public RolePattern masterRotation() {
        return new RolePattern("Password rotations (hosted, in the Data stack)", ROLE + dataStackName + "-*");
    }

    /** AWS Backup, through its service-linked role. */
    public RolePattern backupService() {
        return new RolePattern("AWS Backup (service-linked role)",
                ROLE + "aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup");
    }

    /**
     * The roles the Backup stack makes ({@link #backupRoleName()}), and the restore role an
     * operator makes for a restore (docs/disaster-recovery.md), all named {@code <prefix>-backup...}.
     */
    public RolePattern backupRoles() {
        return new RolePattern("Backup roles (named <prefix>-backup*)", ROLE + namePrefix + "-backup*");
    }

    /** Every pattern, for tests and the security model. */
    public List<RolePattern> all() {
        List<RolePattern> all = new java.util.ArrayList<>(List.of(deployer(), ecsExecution(), ecsTask(), secretsBuilder(),
                databaseRoles(), masterRotation(), migrationExecution(), backupService(), backupRoles(), replication(),
                config(), delivery(), erasure(), auditor()));
        if (malwareScan) {
            all.add(malwareScanRole());
        }
        return List.copyOf(all);
    }
}
