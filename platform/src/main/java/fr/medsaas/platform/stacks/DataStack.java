package fr.medsaas.platform.stacks;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.data.ApplicationSecrets;
import fr.medsaas.platform.constructs.data.ApplicationSecretsProps;
import fr.medsaas.platform.constructs.data.DatabaseRoles;
import fr.medsaas.platform.constructs.data.DatabaseRolesProps;
import fr.medsaas.platform.constructs.data.PostgresDatabase;
import fr.medsaas.platform.constructs.data.PostgresDatabaseProps;
import fr.medsaas.platform.constructs.data.RedisReplicationGroup;
import fr.medsaas.platform.constructs.data.RedisReplicationGroupProps;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.network.PlatformSecurityGroups;
import fr.medsaas.platform.constructs.network.TieredVpc;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The data tier: PostgreSQL (DB-1..9), Redis (RD-1..4) and the application's secrets (SEC-1).
 * Stateful and rarely changed, so that the stacks that change often cannot replace it.
 *
 * <p>Keys: the RDS key for the database (DB-4); the secrets key for the credentials the platform
 * holds (master password, AUTH token) and for Redis at rest; the data key for the secrets the
 * application reads, the same key its task role uses (ECS-5).
 */
public final class DataStack extends PlatformStack {
    private final PostgresDatabase postgres;
    private final DatabaseRoles roles;
    private final RedisReplicationGroup redis;
    private final ApplicationSecrets secrets;

    public DataStack(Construct scope, EnvironmentConfig config, DataStackInputs in) {
        super(scope, config, "Data", config.regions().primary(),
                "medsaas " + config.name() + ": RDS PostgreSQL, ElastiCache Redis and the application's secrets (DB, RD, SEC-1)");
        int retention = config.logging().retentionDays();
        PlatformKeys keys = in.keys();
        TieredVpc vpc = in.vpc();
        PlatformSecurityGroups groups = in.securityGroups();
        String secretPrefix = config.namePrefix();
        PlatformPrincipals principals = PlatformPrincipals.of(config);
        this.postgres = new PostgresDatabase(this, "Postgres", new PostgresDatabaseProps(config.data().postgres(),
                new PostgresDatabaseProps.Names(BackupWiring.databaseIdentifier(config), config.physicalName("db-subnet-group"),
                        secretPrefix + "/postgres-master"),
                new PostgresDatabaseProps.Placement(vpc.vpc(), vpc.dbSubnets(), vpc.appSubnets(), groups.database(),
                        groups.dbRotation()),
                PostgresDatabaseProps.Keys.builder()
                        .storage(keys.key(KeyPurpose.RDS)).secret(keys.key(KeyPurpose.SECRETS)).logs(keys.logs()).build(),
                retention));
        this.roles = new DatabaseRoles(this, "DatabaseRoles", new DatabaseRolesProps(postgres,
                config.data().postgres().databaseName(), secretPrefix, config.physicalName("db-roles"), vpc.vpc(),
                vpc.appSubnets(), groups.dbRoles(), groups.dbRotation(), keys.key(KeyPurpose.SECRETS), keys.logs(), retention,
                principals));
        this.redis = new RedisReplicationGroup(this, "Redis", new RedisReplicationGroupProps(config.data().redis(),
                new RedisReplicationGroupProps.Names(config.physicalName("redis"), config.physicalName("redis-subnet-group"),
                        secretPrefix + "/redis-auth-token"),
                new RedisReplicationGroupProps.Placement(vpc.vpc(), vpc.dbSubnets(), groups.redis()),
                RedisReplicationGroupProps.Keys.builder().atRest(keys.key(KeyPurpose.SECRETS)).logs(keys.logs()).build(),
                retention));
        this.secrets = new ApplicationSecrets(this, "Secrets", new ApplicationSecretsProps(secretPrefix,
                new ApplicationSecretsProps.BuilderFunction(config.physicalName("secrets-builder"), vpc.vpc(),
                        vpc.appSubnets(), groups.secretsBuilder(), retention),
                ApplicationSecretsProps.SecretKeys.builder()
                        .data(keys.data()).source(keys.key(KeyPurpose.SECRETS)).logs(keys.logs()).build(),
                new ApplicationSecretsProps.DatabaseSource(roles.appUser(), roles.appRotation(),
                        postgres.instance().getDbInstanceEndpointAddress(), PostgresDatabase.PORT,
                        config.data().postgres().databaseName()),
                new ApplicationSecretsProps.RedisSource(redis.authToken(), redis.primaryAddress(), RedisReplicationGroup.PORT),
                // By name, not by reference: the App stack is deployed after this one.
                List.of(config.physicalName("cluster") + "/" + AppStack.WEB_SERVICE,
                        config.physicalName("cluster") + "/" + AppStack.WORKER_SERVICE),
                principals));
        BackupConfig backup = config.backup();
        Acknowledge.rules(postgres.instance(),
                "BCK-1: the daily AWS Backup plan of the " + config.stackName("Backup") + " stack selects this instance "
                        + "by ARN, keeps each recovery point " + backup.retentionDays() + " days"
                        + (backup.copyToBackupRegion() ? " and copies it to " + config.regions().backup() : "")
                        + "; cdk-nag looks for a selection in this stack only. RDS automated backups (DB-6) run besides.",
                "HIPAA.Security-RDSInBackupPlan", "NIST.800.53.R5-RDSInBackupPlan");
    }

    /** PostgreSQL. */
    public PostgresDatabase postgres() {
        return postgres;
    }

    /** The application and migration roles inside PostgreSQL (HARD-6). */
    public DatabaseRoles databaseRoles() {
        return roles;
    }

    /** Redis. */
    public RedisReplicationGroup redis() {
        return redis;
    }

    /** DATABASE_URL, for the App stack (ECS-2). */
    public ISecret databaseUrl() {
        return secrets.databaseUrl();
    }

    /** REDIS_URL, for the App stack (ECS-2). */
    public ISecret redisUrl() {
        return secrets.redisUrl();
    }

    /** FIELD_ENCRYPTION_KEY, for the App stack (ECS-2, SEC-1). */
    public ISecret encryptionKey() {
        return secrets.encryptionKey();
    }
}
