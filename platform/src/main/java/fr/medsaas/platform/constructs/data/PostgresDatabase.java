package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.PostgresConfig;
import fr.medsaas.config.PostgresVersions;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.rds.CaCertificate;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.rds.SubnetGroup;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.RotationSchedule;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.secretsmanager.SingleUserHostedRotationOptions;
import software.constructs.Construct;

/**
 * PostgreSQL on RDS as DB-1..9 want it: the configured version and size on encrypted gp3 with
 * autoscaling, Multi-AZ on the isolated tier, never public; the master password generated into
 * Secrets Manager and rotated; 30 days of backups in the source's windows, deletion protection
 * and a final snapshot; Performance Insights and enhanced monitoring; TLS forced; connections
 * logged and exported to encrypted, retained log groups.
 */
public final class PostgresDatabase extends Construct {
    /** The log group RDS enhanced monitoring writes to: one per account and region, named by RDS. */
    public static final String ENHANCED_MONITORING_LOG_GROUP = "RDSOSMetrics";
    /** The PostgreSQL port of SG-3 and of DATABASE_URL. */
    public static final int PORT = 5432;
    /** The master user, as in the source. */
    public static final String MASTER_USERNAME = "postgres";
    /** The source's backup window, UTC (DB-6). */
    public static final String BACKUP_WINDOW = "03:00-04:00";
    /** The source's maintenance window, UTC (DB-6). */
    public static final String MAINTENANCE_WINDOW = "sun:04:00-sun:05:00";
    /** Every log type PostgreSQL on RDS can export (DB-8). */
    public static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");
    /** How often the master password is rotated (DB-3). */
    public static final Duration ROTATION_PERIOD = Duration.days(30);
    /**
     * Parameters of DB-8: TLS only, every connection and disconnection in the log; and HARD-6's audit
     * of schema changes: pgaudit loaded beside RDS's default pg_stat_statements, logging the DDL class
     * of every session (the master's, the migrations'), without statement parameters. Its ROLE class
     * stays off: AWS's hosted rotation sets passwords in clear in ALTER ROLE, which it would log.
     */
    public static final Map<String, String> PARAMETERS = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Map.of(
            "rds.force_ssl", "1", "log_connections", "1", "log_disconnections", "1",
            "shared_preload_libraries", "pg_stat_statements,pgaudit", "pgaudit.log", "ddl", "pgaudit.log_parameter", "0")));

    private final DatabaseInstance instance;
    private final ISecret masterSecret;
    private final RotationSchedule rotation;

    public PostgresDatabase(Construct scope, String id, PostgresDatabaseProps props) {
        super(scope, id);
        PostgresConfig c = props.config();
        IInstanceEngine engine = DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                .version(PostgresEngineVersion.of(c.version(), PostgresVersions.majorOf(c.version())))
                .build());

        Secret secret = Secret.Builder.create(this, "MasterSecret")
                .secretName(props.names().masterSecretName())
                .description("Master user of PostgreSQL " + props.names().instanceIdentifier() + " (DB-3), rotated every "
                        + ROTATION_PERIOD.toDays().intValue() + " days")
                .encryptionKey(props.keys().secret())
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + MASTER_USERNAME + "\"}")
                        .generateStringKey("password")
                        .passwordLength(SecretCharacters.PASSWORD_LENGTH)
                        .excludeCharacters(SecretCharacters.URL_UNSAFE)
                        .build())
                // A snapshot restored after the stack is gone keeps this password.
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();

        // Pre-created so that RDS exports into encrypted, retained groups (OBS-1), not groups of its own.
        List<EncryptedLogGroup> logGroups = new ArrayList<>();
        for (String type : LOG_EXPORTS) {
            logGroups.add(new EncryptedLogGroup(this, Character.toUpperCase(type.charAt(0)) + type.substring(1) + "Logs",
                    new EncryptedLogGroupProps("/aws/rds/instance/" + props.names().instanceIdentifier() + "/" + type,
                            props.keys().logs(), props.logRetentionDays())));
        }
        // Statements in error are logged with their text, which may hold health data (DB-9).
        Tags.of(logGroups.get(0)).add("DataType", "medical-sensitive");
        if (c.osMetricsLogGroup().creates()) {
            // Enhanced monitoring (DB-7) writes to the region's RDSOSMetrics group, creating it unencrypted and
            // kept forever when it is missing: made here first, as OBS-1 wants every log group (issue 25).
            logGroups.add(new EncryptedLogGroup(this, "OsMetricsLogs", new EncryptedLogGroupProps(
                    ENHANCED_MONITORING_LOG_GROUP, props.keys().logs(), props.logRetentionDays())));
        }

        ParameterGroup parameters = ParameterGroup.Builder.create(this, "Parameters")
                .engine(engine)
                .description("TLS forced, connections and disconnections logged (DB-8)")
                .parameters(PARAMETERS)
                .build();

        SubnetGroup subnetGroup = SubnetGroup.Builder.create(this, "SubnetGroup")
                .subnetGroupName(props.names().subnetGroupName())
                .description("Subnet group for medical SaaS database")
                .vpc(props.placement().vpc())
                .vpcSubnets(props.placement().dbSubnets())
                .build();

        this.instance = DatabaseInstance.Builder.create(this, "Resource")
                .instanceIdentifier(props.names().instanceIdentifier())
                .engine(engine)
                .instanceType(new InstanceType(c.instanceClass().substring("db.".length())))
                .credentials(Credentials.fromSecret(secret))
                .databaseName(c.databaseName())
                .port(PORT)
                .vpc(props.placement().vpc())
                .subnetGroup(subnetGroup)
                .securityGroups(List.of(props.placement().securityGroup()))
                .publiclyAccessible(false)
                // HARD-2: operators connect with 15-minute IAM tokens, each connection attributable.
                .iamAuthentication(true)
                .multiAz(c.multiAz())
                .storageType(StorageType.GP3)
                .allocatedStorage(c.allocatedStorageGiB())
                .maxAllocatedStorage(c.maxAllocatedStorageGiB())
                .storageEncrypted(true)
                .storageEncryptionKey(props.keys().storage())
                .backupRetention(Duration.days(c.backupRetentionDays()))
                .preferredBackupWindow(BACKUP_WINDOW)
                .preferredMaintenanceWindow(MAINTENANCE_WINDOW)
                .deletionProtection(c.deletionProtection())
                .copyTagsToSnapshot(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .enablePerformanceInsights(true)
                .performanceInsightRetention(performanceInsightRetention(c.performanceInsightsRetentionDays()))
                .performanceInsightEncryptionKey(props.keys().storage())
                .monitoringInterval(Duration.seconds(60))
                .monitoringRole(monitoringRole())
                .parameterGroup(parameters)
                .cloudwatchLogsExports(LOG_EXPORTS)
                // Security patches in the maintenance window; the configured version is the floor.
                .autoMinorVersionUpgrade(true)
                .caCertificate(CaCertificate.RDS_CA_RSA2048_G1)
                .build();
        logGroups.forEach(g -> instance.getNode().addDependency(g));
        Tags.of(instance).add("DataType", "medical-sensitive");

        this.masterSecret = instance.getSecret();
        String rotationFunction = props.names().instanceIdentifier() + "-rotation";
        // The rotation function is made by Secrets Manager's transform; its log group is made here,
        // encrypted and retained, before the function's first run (OBS-1).
        EncryptedLogGroup rotationLogs = new EncryptedLogGroup(this, "RotationLogs", new EncryptedLogGroupProps(
                "/aws/lambda/" + rotationFunction, props.keys().logs(), props.logRetentionDays()));
        this.rotation = masterSecret.addRotationSchedule("Rotation", RotationScheduleOptions.builder()
                .hostedRotation(HostedRotation.postgreSqlSingleUser(SingleUserHostedRotationOptions.builder()
                        .functionName(rotationFunction)
                        .vpc(props.placement().vpc())
                        .vpcSubnets(props.placement().functionSubnets())
                        .securityGroups(List.of(props.placement().rotationSecurityGroup()))
                        // Rotated passwords go into DATABASE_URL too.
                        .excludeCharacters(SecretCharacters.URL_UNSAFE)
                        .build()))
                .automaticallyAfter(ROTATION_PERIOD)
                .build());
        rotation.getNode().addDependency(rotationLogs);
        acknowledge(c);
    }

    private Role monitoringRole() {
        Role role = Role.Builder.create(this, "MonitoringRole")
                .assumedBy(new ServicePrincipal("monitoring.rds.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("RDS enhanced monitoring of PostgreSQL, every 60 s (DB-7)")
                .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole")))
                .build();
        Acknowledge.rule(role, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]",
                "DB-7: AWS's own policy for RDS enhanced monitoring, kept current by AWS; it lets the monitoring "
                        + "service write OS metrics to the RDSOSMetrics log group and nothing else; the role trusts "
                        + "only monitoring.rds.amazonaws.com acting for this account.");
        return role;
    }

    private void acknowledge(PostgresConfig c) {
        Acknowledge.rule(instance, "AwsSolutions-RDS11",
                "SG-3 and the source fix port 5432; a non-default port hides nothing from a client already inside "
                        + "rds-sg, which admits only the application groups and the rotation function, over TLS only (DB-8).");
        if (!c.multiAz()) {
            Acknowledge.rules(instance,
                    "Outside prod only (the configuration refuses single-AZ in prod, DB-5): a development database "
                            + "without a standby, to halve its cost; encryption, TLS, backups and logs are as in prod.",
                    "AwsSolutions-RDS3", "HIPAA.Security-RDSMultiAZSupport", "NIST.800.53.R5-RDSMultiAZSupport");
        }
        if (!c.deletionProtection()) {
            Acknowledge.rules(instance,
                    "Outside prod only (the configuration refuses it in prod, DB-6): a development database that can "
                            + "be torn down; deleting the stack still leaves a final snapshot.",
                    "AwsSolutions-RDS10", "HIPAA.Security-RDSInstanceDeletionProtectionEnabled",
                    "NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled");
        }
    }

    /** The CDK value of a retention the configuration accepted: 7, 31 x months, or 731 days. */
    static PerformanceInsightRetention performanceInsightRetention(int days) {
        if (days == 7) {
            return PerformanceInsightRetention.DEFAULT;
        }
        if (days == 731) {
            return PerformanceInsightRetention.LONG_TERM;
        }
        if (days % 31 == 0 && days / 31 >= 1 && days / 31 <= 23) {
            return PerformanceInsightRetention.valueOf("MONTHS_" + days / 31);
        }
        throw new IllegalArgumentException("Performance Insights cannot keep " + days + " days (7, 31 x 1..23, or 731)");
    }

    /** The instance. */
    public DatabaseInstance instance() {
        return instance;
    }

    /** The master secret, attached to the instance: username, password, host, port (DB-3). */
    public ISecret masterSecret() {
        return masterSecret;
    }

    /** The master password's rotation schedule (DB-3). */
    public RotationSchedule rotation() {
        return rotation;
    }
}
