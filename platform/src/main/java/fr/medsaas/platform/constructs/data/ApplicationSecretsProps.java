package fr.medsaas.platform.constructs.data;

import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.RotationSchedule;

/**
 * What the application's secrets are built from.
 *
 * @param secretNamePrefix prefix of the secrets' names: {@code <prefix>/database-url}
 * @param function         the builder function: its name, where it runs, how long its log is kept
 * @param keys             the three keys involved, by role
 * @param database         PostgreSQL, the source of DATABASE_URL
 * @param redis            Redis, the source of REDIS_URL
 * @param restartServices  the ECS services ({@code cluster/service}) rolled onto new tasks when
 *                         DATABASE_URL changes: tasks read it only when they start
 * @param principals       the builder role's fixed name, and who may read each secret (HARD-7)
 */
public record ApplicationSecretsProps(String secretNamePrefix, BuilderFunction function, SecretKeys keys,
                                      DatabaseSource database, RedisSource redis, List<String> restartServices,
                                      PlatformPrincipals principals) {
    public ApplicationSecretsProps {
        restartServices = List.copyOf(restartServices);
    }

    /**
     * The builder function.
     *
     * @param name             its name
     * @param vpc              the VPC
     * @param subnets          where it runs: a tier that reaches AWS APIs
     * @param securityGroup    its group: 443 out, no ingress
     * @param logRetentionDays days its log is kept (OBS-1)
     */
    public record BuilderFunction(String name, IVpc vpc, SubnetSelection subnets, ISecurityGroup securityGroup,
                                  int logRetentionDays) {
    }

    /**
     * The keys, named at the call site ({@code SecretKeys.builder().data(k1).source(k2).logs(k3).build()}) so
     * that two of them cannot be swapped unseen.
     *
     * @param data   the key of the application's secrets (SEC-1)
     * @param source the key of the application role's secret and of the AUTH token, read by the builder
     * @param logs   the key of the builder's log group (OBS-1)
     */
    public record SecretKeys(IKey data, IKey source, IKey logs) {
        public SecretKeys {
            Objects.requireNonNull(data, "data key");
            Objects.requireNonNull(source, "source key");
            Objects.requireNonNull(logs, "logs key");
        }

        /** A builder that names each key. */
        public static Builder builder() {
            return new Builder();
        }

        /** Names each key; every one is required. */
        public static final class Builder {
            private IKey data;
            private IKey source;
            private IKey logs;

            /** The key of the application's secrets (SEC-1). */
            public Builder data(IKey key) {
                this.data = key;
                return this;
            }

            /** The key of the application role's secret and of the AUTH token. */
            public Builder source(IKey key) {
                this.source = key;
                return this;
            }

            /** The key of the builder's log group (OBS-1). */
            public Builder logs(IKey key) {
                this.logs = key;
                return this;
            }

            public SecretKeys build() {
                return new SecretKeys(data, source, logs);
            }
        }
    }

    /**
     * PostgreSQL as DATABASE_URL's source.
     *
     * @param secret       the application role's secret (username, password), DATABASE_URL's source (HARD-6)
     * @param rotation     its rotation, which must find the rebuild in place
     * @param host         the endpoint address
     * @param port         the port
     * @param databaseName the database of DATABASE_URL
     */
    public record DatabaseSource(ISecret secret, RotationSchedule rotation, String host, int port,
                                 String databaseName) {
    }

    /**
     * Redis as REDIS_URL's source.
     *
     * @param authToken the AUTH token
     * @param host      the primary endpoint address
     * @param port      the port
     */
    public record RedisSource(ISecret authToken, String host, int port) {
    }
}
