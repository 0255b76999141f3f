package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.RedisConfig;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticache.CfnSubnetGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Redis (or Valkey) on ElastiCache as RD-1..4 want it: a replication group on the isolated tier,
 * encrypted at rest with a customer-managed key and in transit, behind an AUTH token generated
 * into Secrets Manager and passed to CloudFormation by dynamic reference only; automatic failover
 * and Multi-AZ when configured; daily snapshots kept; slow and engine logs delivered to
 * encrypted, retained log groups; a final snapshot when the stack is deleted.
 */
public final class RedisReplicationGroup extends Construct {
    /** The Redis port of SG-4 and of REDIS_URL. */
    public static final int PORT = 6379;
    /** Nightly snapshots, in the window of the database backups (UTC). */
    public static final String SNAPSHOT_WINDOW = "03:00-04:00";
    /** Weekly maintenance, an hour after the database's so that both are never down together. */
    public static final String MAINTENANCE_WINDOW = "sun:05:00-sun:06:00";
    /** Length of the AUTH token: letters and digits only, which ElastiCache and URLs both accept. */
    public static final int AUTH_TOKEN_LENGTH = 32;

    private final CfnReplicationGroup replicationGroup;
    private final Secret authToken;

    public RedisReplicationGroup(Construct scope, String id, RedisReplicationGroupProps props) {
        super(scope, id);
        RedisConfig c = props.config();
        // ElastiCache accepts only letters, digits and a few punctuation marks in a token, some of
        // which break a URL; the source's exclusions alone would let it generate refused tokens.
        this.authToken = Secret.Builder.create(this, "AuthToken")
                .secretName(props.names().authTokenName())
                .description("AUTH token of Redis " + props.names().replicationGroupId() + " (RD-3)")
                .encryptionKey(props.keys().atRest())
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(AUTH_TOKEN_LENGTH)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();

        CfnSubnetGroup subnetGroup = CfnSubnetGroup.Builder.create(this, "SubnetGroup")
                .cacheSubnetGroupName(props.names().subnetGroupName())
                .description("Subnet group for Redis cache")
                .subnetIds(props.placement().vpc().selectSubnets(props.placement().dbSubnets()).getSubnetIds())
                .build();

        List<EncryptedLogGroup> logGroups = new ArrayList<>();
        List<CfnReplicationGroup.LogDeliveryConfigurationRequestProperty> delivery = new ArrayList<>();
        for (String type : List.of("slow-log", "engine-log")) {
            EncryptedLogGroup group = new EncryptedLogGroup(this, type.equals("slow-log") ? "SlowLogs" : "EngineLogs",
                    new EncryptedLogGroupProps("/aws/elasticache/" + props.names().replicationGroupId() + "/" + type,
                            props.keys().logs(), props.logRetentionDays()));
            logGroups.add(group);
            delivery.add(CfnReplicationGroup.LogDeliveryConfigurationRequestProperty.builder()
                    .logType(type)
                    .logFormat("json")
                    .destinationType("cloudwatch-logs")
                    .destinationDetails(CfnReplicationGroup.DestinationDetailsProperty.builder()
                            .cloudWatchLogsDetails(CfnReplicationGroup.CloudWatchLogsDestinationDetailsProperty.builder()
                                    .logGroup(group.logGroup().getLogGroupName())
                                    .build())
                            .build())
                    .build());
        }

        boolean failover = c.numNodes() > 1;
        this.replicationGroup = CfnReplicationGroup.Builder.create(this, "Resource")
                .replicationGroupId(props.names().replicationGroupId())
                .replicationGroupDescription("Redis cluster for medical SaaS caching")
                .engine(c.engine().toString())
                .engineVersion(c.engineVersion())
                .cacheNodeType(c.nodeType())
                .numCacheClusters(c.numNodes())
                .port(PORT)
                .cacheSubnetGroupName(subnetGroup.getRef())
                .securityGroupIds(List.of(props.placement().securityGroup().getSecurityGroupId()))
                .atRestEncryptionEnabled(true)
                .kmsKeyId(props.keys().atRest().getKeyArn())
                .transitEncryptionEnabled(true)
                // {{resolve:secretsmanager:...}}: CloudFormation reads the token at deploy time.
                .authToken(SecretValue.secretsManager(authToken.getSecretArn()).unsafeUnwrap())
                .automaticFailoverEnabled(failover)
                .multiAzEnabled(c.multiAz())
                .snapshotRetentionLimit(c.snapshotRetentionDays())
                .snapshotWindow(SNAPSHOT_WINDOW)
                .preferredMaintenanceWindow(MAINTENANCE_WINDOW)
                .autoMinorVersionUpgrade(true)
                .logDeliveryConfigurations(delivery)
                .build();
        replicationGroup.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        logGroups.forEach(g -> replicationGroup.getNode().addDependency(g));
        Tags.of(replicationGroup).add("DataType", "medical-sensitive");
        acknowledge(c);
    }

    private void acknowledge(RedisConfig c) {
        Acknowledge.rules(authToken,
                "ElastiCache changes an AUTH token through ModifyReplicationGroup (ROTATE, then SET), which keeps "
                        + "the old token valid while clients move; a Secrets Manager rotation function cannot drive "
                        + "that. The procedure is in docs/data-tier.md; the token is only read inside AWS.",
                "AwsSolutions-SMG4", "HIPAA.Security-SecretsManagerRotationEnabled",
                "NIST.800.53.R5-SecretsManagerRotationEnabled");
        Acknowledge.rule(replicationGroup, "AwsSolutions-AEC5",
                "RD-1 and SG-4 fix port 6379, as the source; a non-default port hides nothing from a client already "
                        + "inside redis-sg, which admits only the application groups, with TLS and the AUTH token (RD-3).");
        if (!c.multiAz()) {
            Acknowledge.rule(replicationGroup, "AwsSolutions-AEC4",
                    "Outside prod only (the configuration refuses it in prod, RD-4): a development cache of one node, "
                            + "without failover; encryption at rest and in transit and the AUTH token are as in prod.");
        }
    }

    /** The replication group. */
    public CfnReplicationGroup replicationGroup() {
        return replicationGroup;
    }

    /** The AUTH token (RD-3). */
    public ISecret authToken() {
        return authToken;
    }

    /** The primary endpoint's address, for REDIS_URL. */
    public String primaryAddress() {
        return replicationGroup.getAttrPrimaryEndPointAddress();
    }
}
