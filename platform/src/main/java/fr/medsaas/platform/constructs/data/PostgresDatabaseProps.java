package fr.medsaas.platform.constructs.data;

import fr.medsaas.config.PostgresConfig;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the PostgreSQL instance is built from.
 *
 * @param config           the configured instance
 * @param names            its physical names
 * @param placement        where the instance and its rotation function run
 * @param keys             the three keys involved, by role
 * @param logRetentionDays days the exported logs are kept (OBS-1)
 */
public record PostgresDatabaseProps(PostgresConfig config, Names names, Placement placement, Keys keys,
                                    int logRetentionDays) {

    /**
     * The physical names.
     *
     * @param instanceIdentifier the RDS identifier ({@code medical-saas-postgres})
     * @param subnetGroupName    the DB subnet group's name ({@code medical-saas-db-subnet-group})
     * @param masterSecretName   the master secret's name in Secrets Manager
     */
    public record Names(String instanceIdentifier, String subnetGroupName, String masterSecretName) {
    }

    /**
     * Where the instance and its rotation function run.
     *
     * @param vpc                   the VPC
     * @param dbSubnets             the isolated database tier (DB-5)
     * @param functionSubnets       where the rotation function runs: a tier that reaches AWS APIs
     * @param securityGroup         the instance's group (SG-3)
     * @param rotationSecurityGroup the rotation function's group
     */
    public record Placement(IVpc vpc, SubnetSelection dbSubnets, SubnetSelection functionSubnets,
                            ISecurityGroup securityGroup, ISecurityGroup rotationSecurityGroup) {
    }

    /**
     * The keys, named at the call site ({@code Keys.builder().storage(k1).secret(k2).logs(k3).build()})
     * so that two of them cannot be swapped unseen.
     *
     * @param storage the RDS key: storage, snapshots, Performance Insights (DB-4)
     * @param secret  the key of the master secret
     * @param logs    the key of the log groups (OBS-1)
     */
    public record Keys(IKey storage, IKey secret, IKey logs) {
        public Keys {
            Objects.requireNonNull(storage, "storage key");
            Objects.requireNonNull(secret, "secret key");
            Objects.requireNonNull(logs, "logs key");
        }

        /** A builder that names each key. */
        public static Builder builder() {
            return new Builder();
        }

        /** Names each key; every one is required. */
        public static final class Builder {
            private IKey storage;
            private IKey secret;
            private IKey logs;

            /** The RDS key (DB-4). */
            public Builder storage(IKey key) {
                this.storage = key;
                return this;
            }

            /** The key of the master secret. */
            public Builder secret(IKey key) {
                this.secret = key;
                return this;
            }

            /** The key of the log groups (OBS-1). */
            public Builder logs(IKey key) {
                this.logs = key;
                return this;
            }

            public Keys build() {
                return new Keys(storage, secret, logs);
            }
        }
    }
}
