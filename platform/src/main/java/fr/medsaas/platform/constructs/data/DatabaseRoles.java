package fr.medsaas.platform.constructs.data;

import fr.medsaas.platform.constructs.iam.SecretReaders;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.secretsmanager.HostedRotation;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.MultiUserHostedRotationOptions;
import software.amazon.awscdk.services.secretsmanager.RotationSchedule;
import software.amazon.awscdk.services.secretsmanager.RotationScheduleOptions;
import software.constructs.Construct;

/**
 * The application never uses the master user (HARD-6). Inside PostgreSQL, a custom resource
 * (a Java function, module {@code dbroles}) makes three roles: an owner of the application's
 * schema that cannot log in, the application role (DML on that schema only) and the migration
 * role (DDL, acting as the owner). The two login roles each have a generated secret under the
 * secrets key, rotated with the alternating-users strategy (a clone takes over while the other
 * user's connections keep working, so no restart is needed). DATABASE_URL is built from the
 * application role's secret; the master secret is readable by no runtime role.
 *
 * <p>The function runs in the app tier; its group reaches PostgreSQL on 5432, the interface
 * endpoints (Secrets Manager) and S3 only (CloudFormation's pre-signed response URL). It creates
 * or alters, and never drops a role: on Delete it does nothing.
 */
public final class DatabaseRoles extends Construct {
    /** Custom resource type. */
    public static final String RESOURCE_TYPE = "Custom::MedSaasDatabaseRoles";
    /** The application's schema. */
    public static final String SCHEMA = "app";
    /** How often the roles' passwords rotate, as the master's (DB-3). */
    public static final Duration ROTATION_PERIOD = PostgresDatabase.ROTATION_PERIOD;

    private final DatabaseSecret appUser;
    private final DatabaseSecret migrationUser;
    private final ISecret appUserAttached;
    private final ISecret migrationUserAttached;
    private final RotationSchedule appRotation;
    private final CustomResource roles;

    public DatabaseRoles(Construct scope, String id, DatabaseRolesProps props) {
        super(scope, id);
        String db = props.databaseName();
        String prefix = props.secretNamePrefix();
        PostgresDatabase postgres = props.database();
        this.appUser = secret("AppUserSecret", appRole(db), prefix + "/" + SecretReaders.APP_USER, props);
        this.migrationUser = secret("MigrationUserSecret", migrationRole(db), prefix + "/" + SecretReaders.MIGRATION_USER, props);
        // host, port and engine, as the rotation expects them.
        this.appUserAttached = appUser.attach(postgres.instance());
        this.migrationUserAttached = migrationUser.attach(postgres.instance());

        EncryptedLogGroup logs = new EncryptedLogGroup(this, "FunctionLogs", new EncryptedLogGroupProps(
                "/aws/lambda/" + props.functionName(), props.logsKey(), props.logRetentionDays()));
        Role role = Role.Builder.create(this, "FunctionRole")
                .roleName(props.principals().databaseRolesRoleName())
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("Creates the application and migration roles inside PostgreSQL (HARD-6): reads three secrets")
                .build();
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "FunctionPolicy")
                .description("Database roles: read the master and the two roles' secrets, write its log (HARD-6)")
                .roles(List.of(role))
                .statements(List.of(
                        PolicyStatement.Builder.create().sid("ReadTheSecrets")
                                .actions(List.of("secretsmanager:GetSecretValue"))
                                .resources(List.of(postgres.masterSecret().getSecretArn(), appUserAttached.getSecretArn(),
                                        migrationUserAttached.getSecretArn()))
                                .build(),
                        PolicyStatement.Builder.create().sid("DecryptThroughSecretsManager")
                                .actions(List.of("kms:Decrypt"))
                                .resources(List.of(props.secretKey().getKeyArn()))
                                .conditions(Map.of("StringEquals", Map.of(
                                        "kms:ViaService", "secretsmanager." + Aws.REGION + ".amazonaws.com")))
                                .build(),
                        PolicyStatement.Builder.create().sid("WriteItsLog")
                                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                                .resources(List.of(logs.logGroup().getLogGroupArn()))
                                .build(),
                        PolicyStatement.Builder.create().sid("RunInTheVpc")
                                .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                        "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                                        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"))
                                .resources(List.of("*"))
                                .build()))
                .build();
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::*]",
                "A function in the VPC needs these EC2 network-interface actions, which AWS does not scope to a "
                        + "resource (the actions of AWS's AWSLambdaVPCAccessExecutionRole); every other statement "
                        + "names its secrets, key and log group.");

        Function function = Function.Builder.create(this, "Function")
                .functionName(props.functionName())
                .description("Creates or alters the application and migration roles in PostgreSQL (HARD-6); never drops one")
                .runtime(Runtime.JAVA_21)
                .handler(DatabaseRolesCode.HANDLER)
                .code(Code.fromAsset(DatabaseRolesCode.zip().toString()))
                .role(role.withoutPolicyUpdates())
                .vpc(props.vpc())
                .vpcSubnets(props.functionSubnets())
                .securityGroups(List.of(props.securityGroup()))
                .timeout(Duration.minutes(5))
                .memorySize(512)
                .logGroup(logs.logGroup())
                .build();
        function.getNode().addDependency(policy);
        Acknowledge.rule(function, "AwsSolutions-L1",
                "Java 21 is the LTS runtime this function is built for and tested on (issue 14 sets it); Lambda supports "
                        + "it. A newer Java runtime is a deliberate upgrade of the dbroles module, not a silent one.");
        Acknowledge.rules(function,
                "Called by CloudFormation only, which fails the deployment when the function fails; a dead-letter queue "
                        + "would hold nothing to replay. Failures are in the function's encrypted log.",
                "HIPAA.Security-LambdaDLQ", "NIST.800.53.R5-LambdaDLQ");
        Acknowledge.rules(function,
                "No reserved concurrency: a new account's Lambda quota (as low as 10) refuses any reservation that leaves "
                        + "fewer than 10 unreserved executions (issue 13). It runs once per deployment that changes it.",
                "HIPAA.Security-LambdaConcurrency", "NIST.800.53.R5-LambdaConcurrency");

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("MasterSecretArn", postgres.masterSecret().getSecretArn());
        properties.put("AppSecretArn", appUserAttached.getSecretArn());
        properties.put("MigrationSecretArn", migrationUserAttached.getSecretArn());
        properties.put("Host", postgres.instance().getDbInstanceEndpointAddress());
        properties.put("Port", String.valueOf(PostgresDatabase.PORT));
        properties.put("Database", db);
        properties.put("Schema", SCHEMA);
        properties.put("Owner", ownerRole(db));
        properties.put("AppRole", appRole(db));
        properties.put("MigrationRole", migrationRole(db));
        this.roles = CustomResource.Builder.create(this, "Roles")
                .serviceToken(function.getFunctionArn())
                .resourceType(RESOURCE_TYPE)
                .properties(properties)
                .build();
        // The master password's first rotation must be over before the function logs in with it.
        roles.getNode().addDependency(postgres.rotation());

        this.appRotation = rotate(appUser, "AppRotation", props.functionName() + "-app-rotation", props);
        rotate(migrationUser, "MigrationRotation", props.functionName() + "-migration-rotation", props);

        // HARD-7: who reads what.
        SecretReaders.restrict(postgres.masterSecret(), SecretReaders.MASTER, props.principals());
        // On the secrets themselves, beside the DeleteSecret deny their attachment adds: a secret has
        // one resource policy, and a second ResourcePolicy resource would overwrite the first.
        SecretReaders.restrict(appUser, SecretReaders.APP_USER, props.principals());
        SecretReaders.restrict(migrationUser, SecretReaders.MIGRATION_USER, props.principals());
    }

    private DatabaseSecret secret(String id, String username, String name, DatabaseRolesProps props) {
        DatabaseSecret secret = DatabaseSecret.Builder.create(this, id)
                .username(username)
                .secretName(name)
                .dbname(props.databaseName())
                .encryptionKey(props.secretKey())
                // The alternating-users rotation finds the master here (masterarn).
                .masterSecret(props.database().masterSecret())
                .excludeCharacters(SecretCharacters.URL_UNSAFE)
                .build();
        secret.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        return secret;
    }

    /** Alternating users: a clone of the role takes the new password; the other keeps working. */
    private RotationSchedule rotate(DatabaseSecret secret, String id, String functionName, DatabaseRolesProps props) {
        // Made by the Secrets Manager transform; its log group is made here, encrypted and kept (OBS-1).
        EncryptedLogGroup logs = new EncryptedLogGroup(this, id + "Logs", new EncryptedLogGroupProps(
                "/aws/lambda/" + functionName, props.logsKey(), props.logRetentionDays()));
        RotationSchedule schedule = secret.addRotationSchedule(id, RotationScheduleOptions.builder()
                .hostedRotation(HostedRotation.postgreSqlMultiUser(MultiUserHostedRotationOptions.builder()
                        .masterSecret(props.database().masterSecret())
                        .functionName(functionName)
                        .vpc(props.vpc())
                        .vpcSubnets(props.functionSubnets())
                        .securityGroups(List.of(props.rotationSecurityGroup()))
                        .excludeCharacters(SecretCharacters.URL_UNSAFE)
                        .build()))
                .automaticallyAfter(ROTATION_PERIOD)
                .build());
        schedule.getNode().addDependency(logs);
        // The role must exist before its first rotation clones it.
        schedule.getNode().addDependency(roles);
        return schedule;
    }

    /** The owner of the schema: {@code <database>_owner}. */
    public static String ownerRole(String database) {
        return database + "_owner";
    }

    /** The application role: {@code <database>_app}. */
    public static String appRole(String database) {
        return database + "_app";
    }

    /** The migration role: {@code <database>_migration}. */
    public static String migrationRole(String database) {
        return database + "_migration";
    }

    /** The application role's secret, attached to the instance: DATABASE_URL is built from it. */
    public ISecret appUser() {
        return appUserAttached;
    }

    /** The migration role's secret, attached to the instance. */
    public ISecret migrationUser() {
        return migrationUserAttached;
    }

    /** The application role's rotation. */
    public RotationSchedule appRotation() {
        return appRotation;
    }
}
