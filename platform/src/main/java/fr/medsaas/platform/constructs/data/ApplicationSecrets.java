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
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The application's secrets of SEC-1 and ECS-2, encrypted with the data key: DATABASE_URL
 * ({@code postgres://user:password@host:5432/db}), REDIS_URL ({@code rediss://:token@host:6379/0})
 * and FIELD_ENCRYPTION_KEY (a Fernet key). Their values are made inside AWS by one small function
 * (inline Python) and never pass through a template, a custom resource property or a log:
 * <ul>
 *   <li>at deployment, a custom resource per secret asks the function to build it;</li>
 *   <li>when a rotation succeeds (EventBridge, RotationSucceeded), and every hour as a backstop,
 *       the function rebuilds both URLs from their sources, writing only what changed;</li>
 *   <li>the Fernet key is made once and never replaced: a new one would leave every encrypted
 *       field unreadable.</li>
 * </ul>
 */
public final class ApplicationSecrets extends Construct {
    /** Custom resource type of one built secret. */
    public static final String RESOURCE_TYPE = "Custom::MedSaasSecretValue";

    private final Secret databaseUrl;
    private final Secret redisUrl;
    private final Secret encryptionKey;
    private final Function builder;

    public ApplicationSecrets(Construct scope, String id, ApplicationSecretsProps props) {
        super(scope, id);
        String p = props.secretNamePrefix();
        this.databaseUrl = secret("DatabaseUrl", p + "/database-url",
                "DATABASE_URL postgres://user:password@host:5432/db, built from the application role's secret (SEC-1, HARD-6)", props);
        this.redisUrl = secret("RedisUrl", p + "/redis-url",
                "REDIS_URL rediss://:token@host:6379/0, built from the Redis AUTH token (SEC-1)", props);
        this.encryptionKey = secret("EncryptionKey", p + "/encryption-key",
                "FIELD_ENCRYPTION_KEY, a Fernet key: 32 random bytes, url-safe base64; made once (SEC-1)", props);

        EncryptedLogGroup logs = new EncryptedLogGroup(this, "BuilderLogs", new EncryptedLogGroupProps(
                "/aws/lambda/" + props.function().name(), props.keys().logs(), props.function().logRetentionDays()));
        Role role = Role.Builder.create(this, "BuilderRole")
                .roleName(props.principals().secretsBuilderRoleName())
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("Builds the application's secrets (SEC-1): reads their sources, writes them, nothing else")
                .build();
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "BuilderPolicy")
                .description("Secrets builder: read the credentials, write the application's secrets (SEC-1)")
                .roles(List.of(role))
                .statements(statements(props, logs))
                .build();
        Acknowledge.rule(policy, "AwsSolutions-IAM5[Resource::*]",
                "A function in the VPC needs these EC2 network-interface actions, which AWS does not scope to a "
                        + "resource (the actions of AWS's AWSLambdaVPCAccessExecutionRole); every other statement "
                        + "names its secrets, keys and log group.");

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATABASE_SECRET_ARN", props.database().secret().getSecretArn());
        environment.put("REDIS_TOKEN_ARN", props.redis().authToken().getSecretArn());
        environment.put("DATABASE_URL_ARN", databaseUrl.getSecretArn());
        environment.put("REDIS_URL_ARN", redisUrl.getSecretArn());
        environment.put("ENCRYPTION_KEY_ARN", encryptionKey.getSecretArn());
        environment.put("DB_HOST", props.database().host());
        environment.put("DB_PORT", String.valueOf(props.database().port()));
        environment.put("DB_NAME", props.database().databaseName());
        environment.put("REDIS_HOST", props.redis().host());
        environment.put("REDIS_PORT", String.valueOf(props.redis().port()));
        environment.put("RESTART_SERVICES", String.join(",", props.restartServices()));
        this.builder = Function.Builder.create(this, "Builder")
                .functionName(props.function().name())
                .description("Builds DATABASE_URL, REDIS_URL and FIELD_ENCRYPTION_KEY in Secrets Manager (SEC-1); "
                        + "returns and logs no secret")
                .runtime(Runtime.PYTHON_3_14)
                .handler(SecretsBuilderCode.HANDLER)
                .code(Code.fromInline(SecretsBuilderCode.source()))
                .role(role.withoutPolicyUpdates())
                .vpc(props.function().vpc())
                .vpcSubnets(props.function().subnets())
                .securityGroups(List.of(props.function().securityGroup()))
                // Long enough to wait out the first rotation of the application role's secret (PENDING_TRIES x 5 s).
                .timeout(Duration.minutes(5))
                .memorySize(256)
                .logGroup(logs.logGroup())
                .environment(environment)
                .build();
        builder.getNode().addDependency(policy);
        Acknowledge.rules(builder,
                "Nothing is lost without a dead-letter queue: CloudFormation fails the deployment when a build fails, "
                        + "and the hourly run rebuilds whatever a lost rotation event left stale; failures are in the "
                        + "function's encrypted log and its Errors metric.",
                "HIPAA.Security-LambdaDLQ", "NIST.800.53.R5-LambdaDLQ");
        Acknowledge.rules(builder,
                "No reserved concurrency: a new account's Lambda quota (as low as 10) refuses any reservation that "
                        + "leaves fewer than 10 unreserved executions, failing the deployment (issue 13). Its invocations "
                        + "are bounded by their sources: one custom resource per secret at deployment, an hourly "
                        + "schedule and RotationSucceeded events; every run is idempotent.",
                "HIPAA.Security-LambdaConcurrency", "NIST.800.53.R5-LambdaConcurrency");

        LambdaFunction target = new LambdaFunction(builder, LambdaFunctionProps.builder()
                .retryAttempts(4).maxEventAge(Duration.hours(2)).build());
        Rule onRotation = Rule.Builder.create(this, "OnRotation")
                .description("Rebuild DATABASE_URL and REDIS_URL when a secret rotation succeeds (DB-3, SEC-1)")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.secretsmanager"))
                        .detailType(List.of("AWS Service Event via CloudTrail"))
                        .detail(Map.of("eventName", List.of("RotationSucceeded")))
                        .build())
                .targets(List.of(target))
                .build();
        Rule.Builder.create(this, "Hourly")
                .description("Rebuild DATABASE_URL and REDIS_URL if a source changed and its event was lost (SEC-1)")
                .schedule(Schedule.rate(Duration.hours(1)))
                .targets(List.of(target))
                .build();
        // The rotation made when the schedule is created must find the rule in place.
        props.database().rotation().getNode().addDependency(onRotation);

        CustomResource dbValue = build("DatabaseUrlValue", "database-url", databaseUrl, Map.of(
                "Source", props.database().secret().getSecretArn(), "Host", props.database().host(),
                "Port", String.valueOf(props.database().port()), "Database", props.database().databaseName()));
        dbValue.getNode().addDependency(props.database().rotation());
        build("RedisUrlValue", "redis-url", redisUrl, Map.of(
                "Source", props.redis().authToken().getSecretArn(), "Host", props.redis().host(),
                "Port", String.valueOf(props.redis().port())));
        build("EncryptionKeyValue", "encryption-key", encryptionKey, Map.of());
        // Losing this key makes every encrypted field unreadable: nobody deletes it without first
        // removing this statement, a change CloudTrail records (issue 13).
        encryptionKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("NobodyDeletesTheFieldEncryptionKey")
                .effect(software.amazon.awscdk.services.iam.Effect.DENY)
                .principals(List.of(new software.amazon.awscdk.services.iam.AnyPrincipal()))
                .actions(List.of("secretsmanager:DeleteSecret"))
                .resources(List.of("*"))
                .build());
        // HARD-7: each value readable by its readers only (the master's and the roles' in DatabaseRoles).
        SecretReaders.restrict(props.redis().authToken(), SecretReaders.REDIS_TOKEN, props.principals());
        SecretReaders.restrict(databaseUrl, SecretReaders.DATABASE_URL, props.principals());
        SecretReaders.restrict(redisUrl, SecretReaders.REDIS_URL, props.principals());
        SecretReaders.restrict(encryptionKey, SecretReaders.ENCRYPTION_KEY, props.principals());
        acknowledgeNoRotation();
    }

    private Secret secret(String id, String name, String description, ApplicationSecretsProps props) {
        // Created with a random placeholder, replaced by the builder before anything reads it.
        return Secret.Builder.create(this, id)
                .secretName(name)
                .description(description)
                .encryptionKey(props.keys().data())
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
    }

    /** Asks the builder for one secret; the properties are ARNs and hosts, so that a change rebuilds it. */
    private CustomResource build(String id, String kind, Secret target, Map<String, String> inputs) {
        // Sorted: Map.of's order varies from JVM to JVM, and would change the template's bytes.
        Map<String, Object> properties = new LinkedHashMap<>(new java.util.TreeMap<>(inputs));
        properties.put("Kind", kind);
        properties.put("Target", target.getSecretArn());
        return CustomResource.Builder.create(this, id)
                .serviceToken(builder.getFunctionArn())
                .resourceType(RESOURCE_TYPE)
                .properties(properties)
                .build();
    }

    private List<PolicyStatement> statements(ApplicationSecretsProps props, EncryptedLogGroup logs) {
        return List.of(
                PolicyStatement.Builder.create()
                        .sid("ReadTheCredentials")
                        .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                        .resources(List.of(props.database().secret().getSecretArn(), props.redis().authToken().getSecretArn()))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("WriteTheApplicationSecrets")
                        .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
                                "secretsmanager:PutSecretValue"))
                        .resources(List.of(databaseUrl.getSecretArn(), redisUrl.getSecretArn(), encryptionKey.getSecretArn()))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("DecryptThroughSecretsManager")
                        .actions(List.of("kms:Decrypt"))
                        .resources(List.of(props.keys().source().getKeyArn(), props.keys().data().getKeyArn()))
                        .conditions(viaSecretsManager())
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("EncryptThroughSecretsManager")
                        .actions(List.of("kms:GenerateDataKey"))
                        .resources(List.of(props.keys().data().getKeyArn()))
                        .conditions(viaSecretsManager())
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("WriteItsLog")
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(logs.logGroup().getLogGroupArn()))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("RollTheServicesOntoTheNewUrl")
                        .actions(List.of("ecs:UpdateService"))
                        .resources(props.restartServices().stream()
                                .map(ref -> "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":service/" + ref)
                                .toList())
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("RunInTheVpc")
                        .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                                "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"))
                        .resources(List.of("*"))
                        .build());
    }

    private static Map<String, Object> viaSecretsManager() {
        return Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + Aws.REGION + ".amazonaws.com"));
    }

    private void acknowledgeNoRotation() {
        String[] rotationRules = {"AwsSolutions-SMG4", "HIPAA.Security-SecretsManagerRotationEnabled",
            "NIST.800.53.R5-SecretsManagerRotationEnabled"};
        String derived = "Derived, not rotated on its own: the builder rewrites it whenever its source changes (the "
                + "application role's 30-day alternating-users rotation, HARD-6; the AUTH token) and hourly; a rotation of its own would only "
                + "desynchronise it from the credentials it holds.";
        Acknowledge.rules(databaseUrl, derived, rotationRules);
        Acknowledge.rules(redisUrl, derived, rotationRules);
        Acknowledge.rules(encryptionKey,
                "The Fernet key of field-level encryption: replacing it without re-encrypting every field would make "
                        + "health data unreadable. Its rotation is an application procedure (MultiFernet: add the new key, "
                        + "re-encrypt, retire the old), described in docs/data-tier.md.",
                rotationRules);
    }

    /** DATABASE_URL (ECS-2). */
    public ISecret databaseUrl() {
        return databaseUrl;
    }

    /** REDIS_URL (ECS-2). */
    public ISecret redisUrl() {
        return redisUrl;
    }

    /** FIELD_ENCRYPTION_KEY (ECS-2, SEC-1). */
    public ISecret encryptionKey() {
        return encryptionKey;
    }

    /** The function that builds them. */
    public Function builder() {
        return builder;
    }
}
