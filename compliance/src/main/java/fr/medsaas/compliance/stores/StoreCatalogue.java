package fr.medsaas.compliance.stores;

import fr.medsaas.compliance.stores.StoreType.CopySpec;
import fr.medsaas.compliance.stores.StoreType.Encryption;
import fr.medsaas.compliance.stores.StoreType.Kind;
import fr.medsaas.compliance.stores.StoreType.Otherwise;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every AWS store type we know, one row each (Prowler's service models are the example): what it
 * holds, its name, its key, its tags, its retention and its copies. Adding a store type is one
 * row here and its fixtures. A type neither here nor in {@link #HOLDS_NO_DATA} is reported as
 * not evaluated, never as compliant.
 */
public final class StoreCatalogue {
    private static final Map<String, StoreType> ROWS = new LinkedHashMap<>();

    static {
        Encryption rds = enc("StorageEncrypted", "KmsKeyId", Otherwise.UNENCRYPTED);
        row("AWS::S3::Bucket", "bucket", Kind.OBJECTS, "BucketName",
                enc("BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.SSEAlgorithm^=aws:kms",
                        "BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault.KMSMasterKeyID",
                        Otherwise.AWS_OWNED),
                "Tags", "LifecycleConfiguration.Rules[]",
                new CopySpec("replication destination", "ReplicationConfiguration.Rules[]", "", "Destination.Bucket",
                        "Destination.EncryptionConfiguration.ReplicaKmsKeyID"));
        row("AWS::RDS::DBInstance", "database", Kind.DATABASE, "DBInstanceIdentifier", rds, "Tags", "BackupRetentionPeriod");
        row("AWS::RDS::DBCluster", "database", Kind.DATABASE, "DBClusterIdentifier", rds, "Tags", "BackupRetentionPeriod");
        row("AWS::DocDB::DBCluster", "database", Kind.DATABASE, "DBClusterIdentifier", rds, "Tags", "BackupRetentionPeriod");
        row("AWS::Neptune::DBCluster", "database", Kind.DATABASE, "DBClusterIdentifier", rds, "Tags", "BackupRetentionPeriod");
        row("AWS::Redshift::Cluster", "data warehouse", Kind.DATABASE, "ClusterIdentifier",
                enc("Encrypted", "KmsKeyId", Otherwise.UNENCRYPTED), "Tags", "AutomatedSnapshotRetentionPeriod",
                new CopySpec("snapshot copy", "", "DestinationRegion", "", ""));
        row("AWS::RedshiftServerless::Namespace", "data warehouse", Kind.DATABASE, "NamespaceName",
                enc("", "KmsKeyId", Otherwise.AWS_OWNED), "Tags", "");
        row("AWS::DynamoDB::Table", "table", Kind.DATABASE, "TableName",
                enc("SSESpecification.SSEEnabled", "SSESpecification.KMSMasterKeyId", Otherwise.AWS_OWNED), "Tags",
                "PointInTimeRecoverySpecification.RecoveryPeriodInDays");
        row("AWS::DynamoDB::GlobalTable", "table", Kind.DATABASE, "TableName",
                enc("SSESpecification.SSEEnabled", "Replicas[].SSESpecification.KMSMasterKeyId", Otherwise.AWS_OWNED),
                "Replicas[].Tags", "Replicas[].PointInTimeRecoverySpecification.RecoveryPeriodInDays",
                new CopySpec("global-table replica", "Replicas[]", "Region", "", "SSESpecification.KMSMasterKeyId"));
        row("AWS::Timestream::Database", "database", Kind.DATABASE, "DatabaseName",
                enc("", "KmsKeyId", Otherwise.AWS_MANAGED), "Tags", "");
        row("AWS::OpenSearchService::Domain", "search domain", Kind.DATABASE, "DomainName",
                enc("EncryptionAtRestOptions.Enabled", "EncryptionAtRestOptions.KmsKeyId", Otherwise.UNENCRYPTED,
                        "NodeToNodeEncryptionOptions.Enabled"), "Tags", "");
        row("AWS::Elasticsearch::Domain", "search domain", Kind.DATABASE, "DomainName",
                enc("EncryptionAtRestOptions.Enabled", "EncryptionAtRestOptions.KmsKeyId", Otherwise.UNENCRYPTED,
                        "NodeToNodeEncryptionOptions.Enabled"), "Tags", "");
        row("AWS::ElastiCache::ReplicationGroup", "cache", Kind.CACHE, "ReplicationGroupId",
                enc("AtRestEncryptionEnabled", "KmsKeyId", Otherwise.UNENCRYPTED, "TransitEncryptionEnabled"), "Tags",
                "SnapshotRetentionLimit");
        row("AWS::ElastiCache::CacheCluster", "cache", Kind.CACHE, "ClusterName",
                new Encryption("", "", Otherwise.NOT_POSSIBLE, ""), "Tags", "SnapshotRetentionLimit");
        row("AWS::ElastiCache::ServerlessCache", "cache", Kind.CACHE, "ServerlessCacheName",
                enc("", "KmsKeyId", Otherwise.AWS_OWNED), "Tags", "SnapshotRetentionLimit");
        row("AWS::MemoryDB::Cluster", "cache", Kind.CACHE, "ClusterName",
                enc("", "KmsKeyId", Otherwise.AWS_OWNED, "TLSEnabled"), "Tags", "SnapshotRetentionLimit");
        row("AWS::EFS::FileSystem", "file system", Kind.FILES, "",
                enc("Encrypted", "KmsKeyId", Otherwise.UNENCRYPTED), "FileSystemTags", "BackupPolicy.Status",
                new CopySpec("file-system replica", "ReplicationConfiguration.Destinations[]", "Region", "", "KmsKeyId"));
        row("AWS::EC2::Volume", "volume", Kind.FILES, "", enc("Encrypted", "KmsKeyId", Otherwise.UNENCRYPTED), "Tags", "");
        row("AWS::FSx::FileSystem", "file system", Kind.FILES, "", enc("", "KmsKeyId", Otherwise.AWS_MANAGED), "Tags",
                "WindowsConfiguration.AutomaticBackupRetentionDays, LustreConfiguration.AutomaticBackupRetentionDays, "
                        + "OntapConfiguration.AutomaticBackupRetentionDays, OpenZFSConfiguration.AutomaticBackupRetentionDays");
        row("AWS::Kinesis::Stream", "stream", Kind.STREAM, "Name",
                enc("StreamEncryption.EncryptionType=KMS", "StreamEncryption.KeyId", Otherwise.UNENCRYPTED), "Tags",
                "RetentionPeriodHours");
        row("AWS::KinesisFirehose::DeliveryStream", "stream", Kind.STREAM, "DeliveryStreamName",
                enc("DeliveryStreamEncryptionConfigurationInput.KeyType=CUSTOMER_MANAGED_CMK",
                        "DeliveryStreamEncryptionConfigurationInput.KeyARN", Otherwise.UNENCRYPTED), "Tags", "");
        row("AWS::SQS::Queue", "queue", Kind.MESSAGES, "QueueName", enc("", "KmsMasterKeyId", Otherwise.AWS_OWNED), "Tags",
                "MessageRetentionPeriod");
        row("AWS::SNS::Topic", "topic", Kind.MESSAGES, "TopicName", enc("KmsMasterKeyId?", "KmsMasterKeyId", Otherwise.UNENCRYPTED),
                "Tags", "");
        row("AWS::SecretsManager::Secret", "secret", Kind.SECRET, "Name", enc("", "KmsKeyId", Otherwise.AWS_MANAGED), "Tags", "",
                new CopySpec("secret replica", "ReplicaRegions[]", "Region", "", "KmsKeyId"));
        row("AWS::Backup::BackupVault", "vault", Kind.BACKUPS, "BackupVaultName",
                enc("", "EncryptionKeyArn", Otherwise.AWS_MANAGED), "BackupVaultTags", "");
        row("AWS::Logs::LogGroup", "log group", Kind.LOGS, "LogGroupName", enc("", "KmsKeyId", Otherwise.AWS_OWNED), "Tags",
                "RetentionInDays");
        row("AWS::CloudTrail::Trail", "trail", Kind.LOGS, "TrailName", enc("", "KMSKeyId", Otherwise.AWS_OWNED), "Tags", "");
        row("AWS::ECR::Repository", "repository", Kind.IMAGES, "RepositoryName",
                enc("EncryptionConfiguration.EncryptionType=KMS|KMS_DSSE", "EncryptionConfiguration.KmsKey", Otherwise.AWS_OWNED),
                "Tags", "");
        ROWS.put("AWS::KMS::Key", new StoreType("AWS::KMS::Key", "key", Kind.KEY, true, "", Optional.empty(), "Tags",
                "PendingWindowInDays", List.of()));
        ROWS.put("AWS::KMS::ReplicaKey", new StoreType("AWS::KMS::ReplicaKey", "key", Kind.KEY, true, "", Optional.empty(), "Tags",
                "PendingWindowInDays", List.of()));
        ROWS.put("AWS::Logs::Destination", new StoreType("AWS::Logs::Destination", "log destination", Kind.DESTINATION, false,
                "DestinationName", Optional.empty(), "", "", List.of()));
    }

    /**
     * Types, or prefixes of types ending in {@code ::}, known to hold no data of their own (settings,
     * permissions, wiring): they are not listed as not evaluated.
     */
    public static final Set<String> HOLDS_NO_DATA = Set.of("AWS::IAM::", "AWS::Lambda::Permission", "AWS::Lambda::Function",
            "AWS::Lambda::LayerVersion", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Url", "AWS::EC2::SecurityGroup",
            "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::VPC", "AWS::EC2::Subnet",
            "AWS::EC2::RouteTable", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway",
            "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::NatGateway", "AWS::EC2::EIP", "AWS::EC2::VPCEndpoint",
            "AWS::EC2::FlowLog", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation",
            "AWS::EC2::LaunchTemplate", "AWS::EC2::PrefixList", "AWS::ElasticLoadBalancingV2::", "AWS::CloudFront::",
            "AWS::WAFv2::", "AWS::Route53::", "AWS::CertificateManager::", "AWS::CloudWatch::", "AWS::Events::",
            "AWS::Scheduler::", "AWS::ApplicationAutoScaling::", "AWS::AutoScaling::", "AWS::ECS::", "AWS::Backup::BackupPlan",
            "AWS::Backup::BackupSelection", "AWS::KMS::Alias", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription", "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup",
            "AWS::RDS::DBClusterParameterGroup", "AWS::RDS::OptionGroup", "AWS::RDS::DBProxy", "AWS::RDS::DBProxyTargetGroup",
            "AWS::ElastiCache::SubnetGroup", "AWS::ElastiCache::ParameterGroup", "AWS::ElastiCache::User",
            "AWS::ElastiCache::UserGroup", "AWS::MemoryDB::SubnetGroup", "AWS::MemoryDB::ParameterGroup", "AWS::MemoryDB::ACL",
            "AWS::DocDB::DBSubnetGroup", "AWS::DocDB::DBClusterParameterGroup", "AWS::DocDB::DBInstance",
            "AWS::Neptune::DBSubnetGroup", "AWS::Neptune::DBClusterParameterGroup", "AWS::Neptune::DBParameterGroup",
            "AWS::Neptune::DBInstance", "AWS::Redshift::ClusterSubnetGroup", "AWS::Redshift::ClusterParameterGroup",
            "AWS::RedshiftServerless::Workgroup", "AWS::EFS::MountTarget", "AWS::EFS::AccessPoint",
            "AWS::SecretsManager::ResourcePolicy", "AWS::SecretsManager::RotationSchedule",
            "AWS::SecretsManager::SecretTargetAttachment", "AWS::Logs::SubscriptionFilter", "AWS::Logs::MetricFilter",
            "AWS::Logs::ResourcePolicy", "AWS::Logs::DeliverySource", "AWS::Logs::DeliveryDestination", "AWS::Logs::Delivery",
            "AWS::Logs::LogStream", "AWS::CDK::Metadata", "AWS::CloudFormation::", "Custom::", "AWS::Config::",
            "AWS::GuardDuty::", "AWS::SecurityHub::", "AWS::SSM::Parameter", "AWS::Budgets::", "AWS::CE::",
            "AWS::ResourceGroups::", "AWS::ServiceDiscovery::", "AWS::StepFunctions::", "AWS::ApiGateway::",
            "AWS::ApiGatewayV2::", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain",
            "AWS::KinesisFirehose::DeliveryStreamPolicy", "AWS::DynamoDB::TablePolicy", "AWS::OpenSearchService::DomainPolicy",
            "AWS::Kinesis::StreamConsumer", "AWS::Kinesis::ResourcePolicy", "AWS::ECR::RepositoryPolicy",
            "AWS::ECR::LifecyclePolicy", "AWS::Backup::BackupVaultPolicy", "AWS::AccessAnalyzer::", "AWS::Athena::",
            "AWS::FIS::", "AWS::Glue::SecurityConfiguration", "AWS::Macie::", "AWS::Inspector::", "AWS::InspectorV2::");

    private StoreCatalogue() {
    }

    private static Encryption enc(String when, String key, Otherwise otherwise) {
        return new Encryption(when, key, otherwise, "");
    }

    private static Encryption enc(String when, String key, Otherwise otherwise, String inTransit) {
        return new Encryption(when, key, otherwise, inTransit);
    }

    private static void row(String type, String word, Kind kind, String name, Encryption encryption, String tags,
                            String retention, CopySpec... copies) {
        ROWS.put(type, new StoreType(type, word, kind, true, name, Optional.of(encryption), tags, retention, List.of(copies)));
    }

    /** The row of a type, when the catalogue knows it. */
    public static Optional<StoreType> of(String type) {
        return Optional.ofNullable(ROWS.get(type));
    }

    /** Every row, in the order of the catalogue. */
    public static List<StoreType> rows() {
        return List.copyOf(ROWS.values());
    }

    /** Whether a type is known to hold no data of its own. */
    public static boolean holdsNoData(String type) {
        return HOLDS_NO_DATA.contains(type)
                || HOLDS_NO_DATA.stream().anyMatch(p -> p.endsWith("::") && type.startsWith(p));
    }

    /** Whether no rule can say anything about a type's data: neither a store we know nor a type known to hold none. */
    public static boolean notEvaluated(String type) {
        return !ROWS.containsKey(type) && !holdsNoData(type);
    }
}
