package fr.medsaas.config;

/**
 * The ElastiCache replication group (RD-1..4). Encryption at rest and in transit, the AUTH token
 * and port 6379 are not configurable.
 *
 * @param engine                redis or valkey
 * @param engineVersion         engine version, {@code major.minor}
 * @param nodeType              node type, e.g. {@code cache.r6g.large}
 * @param numNodes              nodes: one primary and its replicas
 * @param snapshotRetentionDays days daily snapshots are kept
 * @param multiAz               automatic failover to a replica in another zone
 */
public record RedisConfig(
        @Doc(value = "ElastiCache engine (RD-1)", defaultValue = "redis", rule = "redis or valkey")
        RedisEngine engine,
        @Doc(value = "Engine version (RD-1)", defaultValue = "\"7.0\"",
                rule = "redis: 6.2, 7.0 or 7.1; valkey: 7.2, 8.0 or 8.1")
        String engineVersion,
        @Doc(value = "Node type (RD-1)", defaultValue = "cache.r6g.large",
                rule = "cache.<family>.<size>, e.g. cache.r6g.large or cache.t4g.small")
        String nodeType,
        @Doc(value = "Nodes: one primary and its replicas (RD-1)", defaultValue = "2",
                rule = "1 to 6; at least 2 when multiAz is true")
        int numNodes,
        @Doc(value = "Days daily snapshots are kept (RD-4)", defaultValue = "15",
                rule = "15 to 35: HIPAA and NIST packs ask 15 or more, ElastiCache allows 35 at most")
        int snapshotRetentionDays,
        @Doc(value = "Automatic failover to a replica in another zone (RD-4)", defaultValue = "true",
                rule = "true in prod; needs numNodes of 2 or more")
        boolean multiAz) {
}
