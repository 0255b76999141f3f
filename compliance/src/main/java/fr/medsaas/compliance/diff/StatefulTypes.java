package fr.medsaas.compliance.diff;

import java.util.Map;
import java.util.Optional;

/**
 * The resource types that hold data a change could lose (RB-1): databases, caches, buckets, keys,
 * vaults, log groups, secrets, file systems, streams, tables and image repositories, each with the
 * word the diff prints for it; plus any type the CloudFormation specification marks stateful.
 */
public final class StatefulTypes {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("AWS::RDS::DBInstance", "database"),
            Map.entry("AWS::RDS::DBCluster", "database"),
            Map.entry("AWS::DocDB::DBCluster", "database"),
            Map.entry("AWS::Neptune::DBCluster", "database"),
            Map.entry("AWS::ElastiCache::ReplicationGroup", "cache"),
            Map.entry("AWS::ElastiCache::CacheCluster", "cache"),
            Map.entry("AWS::ElastiCache::ServerlessCache", "cache"),
            Map.entry("AWS::MemoryDB::Cluster", "cache"),
            Map.entry("AWS::S3::Bucket", "bucket"),
            Map.entry("AWS::KMS::Key", "key"),
            Map.entry("AWS::Backup::BackupVault", "vault"),
            Map.entry("AWS::Logs::LogGroup", "log group"),
            Map.entry("AWS::SecretsManager::Secret", "secret"),
            Map.entry("AWS::EFS::FileSystem", "file system"),
            Map.entry("AWS::FSx::FileSystem", "file system"),
            Map.entry("AWS::Kinesis::Stream", "stream"),
            Map.entry("AWS::KinesisFirehose::DeliveryStream", "stream"),
            Map.entry("AWS::DynamoDB::Table", "table"),
            Map.entry("AWS::DynamoDB::GlobalTable", "table"),
            Map.entry("AWS::ECR::Repository", "repository"));

    private StatefulTypes() {
    }

    /** What a stateful type holds ("database", "bucket", ...), empty when the type is not stateful. */
    public static Optional<String> kind(String type, ReplacementProperties spec) {
        String kind = KINDS.get(type);
        if (kind != null) {
            return Optional.of(kind);
        }
        return spec.specStateful(type) ? Optional.of("stateful resource") : Optional.empty();
    }
}
