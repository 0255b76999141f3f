package fr.medsaas.config;

import java.util.Objects;

/**
 * The data tier (DB, RD): PostgreSQL and Redis. Their secrets (SEC-1) are not configurable:
 * they are generated in AWS and never written in the configuration.
 *
 * @param postgres the PostgreSQL instance
 * @param redis    the Redis replication group
 */
public record DataConfig(
        @Doc(value = "PostgreSQL on RDS (DB-1..9)", defaultValue = "{}")
        PostgresConfig postgres,
        @Doc(value = "Redis on ElastiCache (RD-1..4)", defaultValue = "{}")
        RedisConfig redis) {

    public DataConfig {
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(redis, "redis");
    }
}
