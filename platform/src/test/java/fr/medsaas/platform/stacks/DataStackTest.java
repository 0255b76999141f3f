package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.data.ApplicationSecrets;
import fr.medsaas.platform.constructs.data.SecretCharacters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Data stack of prod (and where dev differs): DB-1..9, RD-1..4, SEC-1. */
class DataStackTest {
    private static Template prod;
    private static Template dev;

    @BeforeAll
    static void synthesizeOnce() {
        prod = TestApps.template(TestApps.app("prod").data());
        dev = TestApps.template(TestApps.app("dev").data());
    }

    /** A CloudFormation import of an output of another stack whose name holds {@code logicalIdPart}. */
    private static Map<String, Object> importOf(String logicalIdPart) {
        return Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + logicalIdPart + ".*"));
    }

    private static Object dynamicReferenceTo(String secretLogicalIdPrefix, String jsonKey) {
        return Map.of("Fn::Join", List.of("", List.of("{{resolve:secretsmanager:",
                Map.of("Ref", Match.stringLikeRegexp(secretLogicalIdPrefix + ".*")), ":SecretString:" + jsonKey + "::}}")));
    }

    private static String onlyId(Template t, String type, Map<String, Object> properties) {
        Map<String, Map<String, Object>> found = t.findResources(type, Map.of("Properties", Match.objectLike(properties)));
        assertThat(found).as(type + " with " + properties).hasSize(1);
        return found.keySet().iterator().next();
    }

    // DB-1 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-1")
    void postgresAtTheConfiguredMinorThatRdsStillOffers() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "Engine", "postgres", "EngineVersion", "15.15")));
        prod.hasResourceProperties("AWS::RDS::DBParameterGroup", Match.objectLike(Map.of("Family", "postgres15")));
    }

    // DB-2 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-2")
    void r6gXlargeWithOneHundredGibOfGp3AndAnAutoscalingCeiling() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DBInstanceClass", "db.r6g.xlarge", "AllocatedStorage", "100", "StorageType", "gp3",
                "MaxAllocatedStorage", 500)));
    }

    // DB-3 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-3")
    void masterPasswordGeneratedIntoSecretsManagerWithoutUrlBreakingCharacters() {
        Capture excluded = new Capture();
        prod.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "medical-saas/postgres-master",
                "GenerateSecretString", Match.objectLike(Map.of(
                        "SecretStringTemplate", "{\"username\":\"postgres\"}",
                        "GenerateStringKey", "password",
                        "PasswordLength", 32,
                        "ExcludeCharacters", excluded)))));
        assertThat(excluded.asString()).contains("\"", "@", "/", "\\", ":", "?", "#", "%", "[", "]", "&", "+")
                .doesNotContain("-", ".", "_", "~");
    }

    @Test
    @Requirement("DB-3")
    void theTemplateHoldsOnlyDynamicReferencesToTheMasterPassword() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "MasterUserPassword", dynamicReferenceTo("PostgresMasterSecret", "password"),
                "MasterUsername", dynamicReferenceTo("PostgresMasterSecret", "username"))));
    }

    @Test
    @Requirement("DB-3")
    void masterPasswordRotatedEveryThirtyDaysKeepingTheSameCharacters() {
        prod.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
                "SecretId", Map.of("Ref", Match.stringLikeRegexp("PostgresMasterSecretAttachment.*")),
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)"),
                "HostedRotationLambda", Match.objectLike(Map.of(
                        "RotationType", "PostgreSQLSingleUser",
                        "RotationLambdaName", "medical-saas-postgres-rotation",
                        "ExcludeCharacters", SecretCharacters.URL_UNSAFE,
                        "KmsKeyArn", importOf("KeysSecrets"),
                        "VpcSecurityGroupIds", importOf("SecurityGroupsDbRotation"))))));
    }

    @Test
    @Requirement("DB-3")
    void theRotationFunctionLogsToAnEncryptedRetainedGroupMadeBeforeIt() {
        String logs = onlyId(prod, "AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/lambda/medical-saas-postgres-rotation",
                "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        prod.hasResource("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(logs)))));
    }

    // DB-4 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-4")
    void encryptedWithTheCustomerManagedRdsKey() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "StorageEncrypted", true, "KmsKeyId", importOf("KeysRds80A9858F"))));
        TestApps.template(TestApps.app("prod").keys()).hasResourceProperties("AWS::KMS::Alias", Map.of(
                "AliasName", "alias/medical-saas-rds-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of("KeysRds80A9858F", "Arn"))));
    }

    // DB-5 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-5")
    void multiAzOnTheDbTierNeverPublic() {
        String subnetGroup = onlyId(prod, "AWS::RDS::DBSubnetGroup", Map.of(
                "DBSubnetGroupName", "medical-saas-db-subnet-group",
                "SubnetIds", List.of(importOf("privatedbSubnet1"), importOf("privatedbSubnet2"), importOf("privatedbSubnet3"))));
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DBInstanceIdentifier", "medical-saas-postgres",
                "MultiAZ", true, "PubliclyAccessible", false,
                "DBSubnetGroupName", Map.of("Ref", subnetGroup),
                "VPCSecurityGroups", List.of(importOf("SecurityGroupsDatabase")))));
    }

    // DB-6 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-6")
    void backupsKeptThirtyDaysInSourceWindow() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "BackupRetentionPeriod", 30,
                "PreferredBackupWindow", "03:00-04:00",
                "PreferredMaintenanceWindow", "sun:04:00-sun:05:00")));
    }

    @Test
    @Requirement("DB-6")
    void deletionProtectedTagsCopiedAndASnapshotKeptOnDelete() {
        prod.hasResource("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("DeletionProtection", true, "CopyTagsToSnapshot", true)),
                "DeletionPolicy", "Snapshot", "UpdateReplacePolicy", "Snapshot")));
    }

    // DB-7 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-7")
    void performanceInsightsSevenDaysUnderTheRdsKey() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "EnablePerformanceInsights", true, "PerformanceInsightsRetentionPeriod", 7,
                "PerformanceInsightsKMSKeyId", importOf("KeysRds80A9858F"))));
    }

    @Test
    @Requirement("DB-7")
    void enhancedMonitoringEverySixtySecondsWithItsOwnRole() {
        String role = onlyId(prod, "AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "monitoring.rds.amazonaws.com"))))))));
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "MonitoringInterval", 60, "MonitoringRoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")))));
    }

    @Test
    @Requirement({"DB-7", "HARD-8"})
    void enhancedMonitoringWritesToAnEncryptedBoundedGroupMadeBeforeTheInstance() {
        // RDS would otherwise create RDSOSMetrics itself: unencrypted and kept forever (OBS-1, RET-1).
        String metrics = onlyId(prod, "AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "RDSOSMetrics", "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        prod.hasResource("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(metrics)))));
        prod.hasResource("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("LogGroupName", "RDSOSMetrics")),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain")));
    }

    @Test
    @Requirement("DB-7")
    void anAccountThatHasRdsOsMetricsAlreadyKeepsIt() {
        var devConfig = TestApps.config("dev");
        var pg = devConfig.data().postgres();
        var reused = new fr.medsaas.config.PostgresConfig(pg.version(), pg.instanceClass(), pg.allocatedStorageGiB(),
                pg.maxAllocatedStorageGiB(), pg.multiAz(), pg.backupRetentionDays(), pg.performanceInsightsRetentionDays(),
                pg.deletionProtection(), pg.databaseName(), fr.medsaas.config.Provisioning.USE_EXISTING);
        assertThat(pg.osMetricsLogGroup()).isEqualTo(fr.medsaas.config.Provisioning.CREATE);
        Template data = TestApps.template(TestApps.built("dev+existing-osmetrics",
                () -> devConfig.withData(new fr.medsaas.config.DataConfig(reused, devConfig.data().redis()))).data());
        assertThat(data.findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of(
                "LogGroupName", "RDSOSMetrics"))))).isEmpty();
        assertThat(dev.findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of(
                "LogGroupName", "RDSOSMetrics"))))).hasSize(1);
    }

    // DB-8 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-8")
    void tlsForcedAndConnectionsLogged() {
        prod.hasResourceProperties("AWS::RDS::DBParameterGroup", Match.objectLike(Map.of("Parameters", Match.objectLike(Map.of(
                "rds.force_ssl", "1", "log_connections", "1", "log_disconnections", "1")))));
    }

    /** HARD-6: the master's and the migrations' schema changes are audited (pgaudit's DDL class), never a password. */
    @Test
    @Requirement({"HARD-6", "DB-8"})
    void pgauditLogsEverySessionsDdlButNotRoleStatements() {
        prod.hasResourceProperties("AWS::RDS::DBParameterGroup", Match.objectLike(Map.of("Parameters", Match.objectLike(Map.of(
                "shared_preload_libraries", "pg_stat_statements,pgaudit", "pgaudit.log", "ddl", "pgaudit.log_parameter", "0")))));
    }

    @Test
    @Requirement("DB-8")
    void logsExportedToEncryptedGroupsKeptAYearAndMadeBeforeTheInstance() {
        String postgresql = onlyId(prod, "AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/rds/instance/medical-saas-postgres/postgresql",
                "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        String upgrade = onlyId(prod, "AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/rds/instance/medical-saas-postgres/upgrade",
                "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        prod.hasResource("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("EnableCloudwatchLogsExports", List.of("postgresql", "upgrade"))),
                "DependsOn", Match.arrayWith(List.of(postgresql, upgrade)))));
        prod.hasResource("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("LogGroupName", "/aws/rds/instance/medical-saas-postgres/postgresql")),
                "DeletionPolicy", "RetainExceptOnCreate")));
    }

    // DB-9 ------------------------------------------------------------------------------------

    @Test
    @Requirement("DB-9")
    void databaseAndCacheTaggedMedicalSensitive() {
        Object tag = Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive")));
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of("Tags", tag)));
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of("Tags", tag)));
        prod.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of(
                "LogGroupName", "/aws/rds/instance/medical-saas-postgres/postgresql", "Tags", tag)));
    }

    // RD-1 ------------------------------------------------------------------------------------

    @Test
    @Requirement("RD-1")
    void redisSevenOnTwoR6gLargeNodesOnPort6379() {
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "ReplicationGroupId", "medical-saas-redis", "Engine", "redis", "EngineVersion", "7.0",
                "NumCacheClusters", 2, "CacheNodeType", "cache.r6g.large", "Port", 6379)));
    }

    // RD-2 ------------------------------------------------------------------------------------

    @Test
    @Requirement("RD-2")
    void subnetGroupOnTheDbTier() {
        String subnetGroup = onlyId(prod, "AWS::ElastiCache::SubnetGroup", Map.of(
                "CacheSubnetGroupName", "medical-saas-redis-subnet-group",
                "SubnetIds", List.of(importOf("privatedbSubnet1"), importOf("privatedbSubnet2"), importOf("privatedbSubnet3"))));
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "CacheSubnetGroupName", Map.of("Ref", subnetGroup),
                "SecurityGroupIds", List.of(importOf("SecurityGroupsRedis")))));
    }

    // RD-3 ------------------------------------------------------------------------------------

    @Test
    @Requirement("RD-3")
    void encryptedAtRestWithACustomerManagedKeyAndInTransit() {
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "AtRestEncryptionEnabled", true, "KmsKeyId", importOf("KeysSecrets"), "TransitEncryptionEnabled", true,
                "TransitEncryptionMode", Match.absent())));
    }

    @Test
    @Requirement("RD-3")
    void authTokenGeneratedAndPassedByDynamicReferenceOnly() {
        String token = onlyId(prod, "AWS::SecretsManager::Secret", Map.of(
                "Name", "medical-saas/redis-auth-token", "KmsKeyId", importOf("KeysSecrets"),
                "GenerateSecretString", Map.of("PasswordLength", 32, "ExcludePunctuation", true, "IncludeSpace", false)));
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "AuthToken", Map.of("Fn::Join", List.of("", List.of("{{resolve:secretsmanager:", Map.of("Ref", token),
                        ":SecretString:::}}"))))));
    }

    // RD-4 ------------------------------------------------------------------------------------

    @Test
    @Requirement("RD-4")
    void automaticFailoverMultiAzSnapshotsKeptAndOneKeptOnDelete() {
        prod.hasResource("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("AutomaticFailoverEnabled", true, "MultiAZEnabled", true,
                        "SnapshotRetentionLimit", 15)),
                "DeletionPolicy", "Snapshot", "UpdateReplacePolicy", "Snapshot")));
    }

    @Test
    @Requirement("RD-4")
    void slowAndEngineLogsDeliveredToEncryptedRetainedGroups() {
        String slow = onlyId(prod, "AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/elasticache/medical-saas-redis/slow-log",
                "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        String engine = onlyId(prod, "AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/elasticache/medical-saas-redis/engine-log",
                "KmsKeyId", importOf("KeysLogs"), "RetentionInDays", 365));
        prod.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "LogDeliveryConfigurations", List.of(delivery("slow-log", slow), delivery("engine-log", engine)))));
    }

    private static Map<String, Object> delivery(String type, String logGroup) {
        return Map.of("LogType", type, "LogFormat", "json", "DestinationType", "cloudwatch-logs",
                "DestinationDetails", Map.of("CloudWatchLogsDetails", Map.of("LogGroup", Map.of("Ref", logGroup))));
    }

    // SEC-1 -----------------------------------------------------------------------------------

    @Test
    @Requirement("SEC-1")
    void theApplicationSecretsHaveTheSourceNamesUnderTheDataKey() {
        for (String name : List.of("database-url", "redis-url", "encryption-key")) {
            prod.hasResource("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                    "Properties", Match.objectLike(Map.of("Name", "medical-saas/" + name, "KmsKeyId", importOf("KeysData"),
                            "SecretString", Match.absent())),
                    "DeletionPolicy", "RetainExceptOnCreate")));
        }
    }

    @Test
    @Requirement("SEC-1")
    void eachSecretIsBuiltInAwsByTheInlineBuilderFromArnsAndHostsOnly() {
        Capture code = new Capture();
        Capture environment = new Capture();
        String builder = onlyId(prod, "AWS::Lambda::Function", Map.of(
                "FunctionName", "medical-saas-secrets-builder", "Runtime", "python3.14", "Handler", "index.handler",
                "Code", Map.of("ZipFile", code), "Environment", Map.of("Variables", environment),
                "VpcConfig", Match.objectLike(Map.of("SecurityGroupIds", List.of(importOf("SecurityGroupsSecretsBuilder"))))));
        assertThat(code.asString()).contains("os.urandom(32)", "base64.urlsafe_b64encode", "put_secret_value",
                "\"postgres://%s:%s@%s:%s/%s?sslmode=require\"", "\"rediss://:%s@%s:%s/0\"");
        assertThat(environment.asObject()).containsOnlyKeys("DATABASE_SECRET_ARN", "REDIS_TOKEN_ARN", "DATABASE_URL_ARN",
                "REDIS_URL_ARN", "ENCRYPTION_KEY_ARN", "DB_HOST", "DB_PORT", "DB_NAME", "REDIS_HOST", "REDIS_PORT",
                "RESTART_SERVICES");
        for (String kind : List.of("database-url", "redis-url", "encryption-key")) {
            prod.hasResourceProperties(ApplicationSecrets.RESOURCE_TYPE, Match.objectLike(Map.of(
                    "ServiceToken", Map.of("Fn::GetAtt", List.of(builder, "Arn")), "Kind", kind)));
        }
    }

    @Test
    @Requirement("SEC-1")
    void theBuilderWritesOnlyTheApplicationSecrets() {
        Capture written = new Capture();
        prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "WriteTheApplicationSecrets",
                        "Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
                                "secretsmanager:PutSecretValue"),
                        "Resource", written)))))))));
        assertThat(written.asArray()).extracting(Object::toString).allSatisfy(ref ->
                assertThat(ref).matches("\\{Ref=Secrets(DatabaseUrl|RedisUrl|EncryptionKey)[0-9A-F]{8}}"));
    }

    /** Issue 13: losing the Fernet key makes every encrypted field unreadable. */
    @Test
    @fr.medsaas.config.Requirement("SEC-1")
    void nobodyMayDeleteTheFieldEncryptionKey() {
        prod.hasResourceProperties("AWS::SecretsManager::ResourcePolicy", Match.objectLike(Map.of(
                "SecretId", Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("SecretsEncryptionKey.*"))),
                "ResourcePolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "secretsmanager:DeleteSecret")))))))));
    }

    /** Issue 13: a new account's Lambda quota refuses reserved concurrency at deploy time. */
    @Test
    void theSecretsBuilderReservesNoConcurrencyAndOutwaitsTheFirstRotation() {
        prod.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "index.handler", "ReservedConcurrentExecutions", Match.absent(), "Timeout", 300)));
    }

    @Test
    @Requirement("DB-3")
    void aRotatedPasswordRollsTheWebAndWorkerServicesOntoNewTasks() {
        // Tasks read DATABASE_URL when they start: the builder restarts the two services, and only them.
        Capture services = new Capture();
        prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "RollTheServicesOntoTheNewUrl",
                        "Action", "ecs:UpdateService",
                        "Resource", services)))))))));
        assertThat(services.asArray()).extracting(Object::toString).hasSize(2)
                .anySatisfy(arn -> assertThat(arn).contains(":service/medical-saas-cluster/django-service"))
                .anySatisfy(arn -> assertThat(arn).contains(":service/medical-saas-cluster/celery-service"));
        prod.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("RESTART_SERVICES",
                        "medical-saas-cluster/django-service,medical-saas-cluster/celery-service"))))));
    }

    @Test
    @Requirement({"SEC-1", "HARD-6"})
    void databaseUrlFollowsTheApplicationRolesRotationAndAnHourlyCheck() {
        String rule = onlyId(prod, "AWS::Events::Rule", Map.of("EventPattern", Map.of(
                "source", List.of("aws.secretsmanager"), "detail-type", List.of("AWS Service Event via CloudTrail"),
                "detail", Map.of("eventName", List.of("RotationSucceeded")))));
        onlyId(prod, "AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 hour)"));
        prod.hasResource("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(rule)))));
        prod.hasResource(ApplicationSecrets.RESOURCE_TYPE, Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Kind", "database-url")),
                "DependsOn", Match.arrayWith(List.of(Match.stringLikeRegexp("DatabaseRolesAppUserSecretAppRotation.*"))))));
    }

    @Test
    @Requirement("SEC-1")
    void theDataStackHandsTheThreeSecretsToTheAppStack() {
        DataStack data = TestApps.app("prod").data();
        assertThat(List.of(data.databaseUrl(), data.redisUrl(), data.encryptionKey())).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(TestApps.app("prod").stacks()).containsSubsequence(
                TestApps.app("prod").keys(), TestApps.app("prod").network(), data);
    }

    // Dev: cheaper, never less secure --------------------------------------------------------

    @Test
    void devIsSingleAzAndSmallerWithTheSameEncryptionTlsAndLogs() {
        dev.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "MultiAZ", false, "DBInstanceClass", "db.t4g.medium", "StorageEncrypted", true,
                "PubliclyAccessible", false, "EnableCloudwatchLogsExports", List.of("postgresql", "upgrade"))));
        dev.hasResourceProperties("AWS::RDS::DBParameterGroup", Match.objectLike(Map.of("Parameters", Match.objectLike(
                Map.of("rds.force_ssl", "1")))));
        dev.hasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.objectLike(Map.of(
                "NumCacheClusters", 1, "AutomaticFailoverEnabled", false, "MultiAZEnabled", false,
                "AtRestEncryptionEnabled", true, "TransitEncryptionEnabled", true, "AuthToken", Match.anyValue())));
        // The master's single-user rotation, and the alternating-users rotations of the two roles (HARD-6).
        dev.resourceCountIs("AWS::SecretsManager::RotationSchedule", 3);
    }

    @Test
    @Requirement("HARD-2")
    void operatorsConnectWithIamTokens() {
        prod.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DBInstanceIdentifier", "medical-saas-postgres", "EnableIAMDatabaseAuthentication", true)));
        dev.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of("EnableIAMDatabaseAuthentication", true)));
    }
}
