package fr.medsaas.compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the rules share: which types store data, which hold health data, and with which key. */
public final class Stores {
    /** The tag that marks health data (RGPD art. 9, DB-9). */
    public static final String DATA_TYPE = "DataType";
    /** Its value on health data. */
    public static final String HEALTH = "medical-sensitive";

    /** Types that hold data or logs: residency applies to each. */
    public static final Set<String> TYPES = Set.of("AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
            "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ServerlessCache",
            "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Logs::LogGroup", "AWS::Backup::BackupVault",
            "AWS::SecretsManager::Secret", "AWS::ECR::Repository", "AWS::EFS::FileSystem", "AWS::SQS::Queue",
            "AWS::SNS::Topic", "AWS::KinesisFirehose::DeliveryStream", "AWS::Kinesis::Stream",
            "AWS::CloudTrail::Trail", "AWS::KMS::Key", "AWS::KMS::ReplicaKey", "AWS::OpenSearchService::Domain",
            "AWS::Logs::Destination", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster");

    /** Databases and file systems: stores of data by nature (not logs, not keys). */
    public static final Set<String> DATABASES = Set.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
            "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ServerlessCache",
            "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::EFS::FileSystem", "AWS::DocDB::DBCluster",
            "AWS::OpenSearchService::Domain");

    private Stores() {
    }

    /** Whether the resource is tagged as health data. */
    public static boolean isHealthData(Resource r) {
        return HEALTH.equals(r.tags().get(DATA_TYPE));
    }

    /** Every store tagged as health data (keys excluded: they hold none). */
    public static List<Resource> healthData(ResourceGraph g) {
        return g.resources().stream()
                .filter(r -> TYPES.contains(r.type()) && !r.type().startsWith("AWS::KMS::") && isHealthData(r))
                .toList();
    }

    /**
     * The customer-managed key a store is encrypted with, as the template names it; empty when it
     * is unencrypted or under an AWS-owned or AWS-managed key.
     */
    public static Optional<JsonNode> customerKey(Resource r) {
        JsonNode key = switch (r.type()) {
            case "AWS::S3::Bucket" -> {
                for (JsonNode rule : r.property("BucketEncryption").path("ServerSideEncryptionConfiguration")) {
                    JsonNode def = rule.path("ServerSideEncryptionByDefault");
                    if (def.path("SSEAlgorithm").asText().startsWith("aws:kms")) {
                        yield def.path("KMSMasterKeyID");
                    }
                }
                yield null;
            }
            case "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::DocDB::DBCluster" ->
                    r.property("StorageEncrypted").asBoolean(false) ? r.property("KmsKeyId") : null;
            case "AWS::ElastiCache::ReplicationGroup" ->
                    r.property("AtRestEncryptionEnabled").asBoolean(false) ? r.property("KmsKeyId") : null;
            case "AWS::ElastiCache::ServerlessCache", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret",
                 "AWS::EFS::FileSystem", "AWS::Kinesis::Stream" -> r.property("KmsKeyId");
            case "AWS::Backup::BackupVault" -> r.property("EncryptionKeyArn");
            case "AWS::DynamoDB::Table" -> r.property("SSESpecification").path("KMSMasterKeyId");
            case "AWS::SQS::Queue", "AWS::SNS::Topic" -> r.property("KmsMasterKeyId");
            default -> null;
        };
        if (key == null || key.isMissingNode() || key.isNull()) {
            return Optional.empty();
        }
        if (key.isTextual() && (key.asText().contains("alias/aws/") || key.asText().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** {@code true} for a Boolean written as a boolean or as {@code "true"}. */
    public static boolean isTrue(JsonNode n) {
        return n.asBoolean(false) || "true".equalsIgnoreCase(n.asText());
    }
}
