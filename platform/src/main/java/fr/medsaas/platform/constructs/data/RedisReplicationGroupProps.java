package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.RedisConfig;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the Redis replication group is built from.
 *
 * @param config           the configured group
 * @param names            its physical names
 * @param placement        where it runs
 * @param keys             the two keys involved, by role
 * @param logRetentionDays days the slow and engine logs are kept (OBS-1)
 */
public record RedisReplicationGroupProps(RedisConfig config, Names names, Placement placement, Keys keys,
                                         int logRetentionDays) {

    /**
     * The physical names.
     *
     * @param replicationGroupId the group's id ({@code medical-saas-redis})
     * @param subnetGroupName    the cache subnet group's name ({@code medical-saas-redis-subnet-group})
     * @param authTokenName      the AUTH token's name in Secrets Manager
     */
    public record Names(String replicationGroupId, String subnetGroupName, String authTokenName) {
    }

    /**
     * Where the group runs.
     *
     * @param vpc           the VPC
     * @param dbSubnets     the isolated database tier (RD-2)
     * @param securityGroup the group's security group (SG-4)
     */
    public record Placement(IVpc vpc, SubnetSelection dbSubnets, ISecurityGroup securityGroup) {
    }

    /**
     * The keys, named at the call site ({@code Keys.builder().atRest(k1).logs(k2).build()}).
     *
     * @param atRest the key of the data at rest and of the AUTH token secret (RD-3)
     * @param logs   the key of the log groups (OBS-1)
     */
    public record Keys(IKey atRest, IKey logs) {
        public Keys {
            Objects.requireNonNull(atRest, "at-rest key");
            Objects.requireNonNull(logs, "logs key");
        }

        /** A builder that names each key. */
        public static Builder builder() {
            return new Builder();
        }

        /** Names each key; both are required. */
        public static final class Builder {
            private IKey atRest;
            private IKey logs;

            /** The key of the data at rest and of the AUTH token (RD-3). */
            public Builder atRest(IKey key) {
                this.atRest = key;
                return this;
            }

            /** The key of the log groups (OBS-1). */
            public Builder logs(IKey key) {
                this.logs = key;
                return this;
            }

            public Keys build() {
                return new Keys(atRest, logs);
            }
        }
    }
}
