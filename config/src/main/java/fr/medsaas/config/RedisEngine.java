package fr.medsaas.config;

import java.util.List;

/**
 * The ElastiCache engines of RD-1, each with the versions the platform accepts for a new
 * replication group (AUTH token, encryption at rest and in transit all need 6.2 or later).
 */
public enum RedisEngine {
    /** Redis OSS, the source's engine. */
    REDIS("redis", List.of("6.2", "7.0", "7.1")),
    /** Valkey, the open-source fork ElastiCache also runs, wire-compatible with Redis OSS 7.2. */
    VALKEY("valkey", List.of("7.2", "8.0", "8.1"));

    private final String engine;
    private final List<String> versions;

    RedisEngine(String engine, List<String> versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /** The versions accepted for this engine. */
    public List<String> versions() {
        return versions;
    }

    /** The engine name as ElastiCache and the YAML write it: {@code redis}, {@code valkey}. */
    @Override
    public String toString() {
        return engine;
    }
}
