package fr.medsaas.config;

/**
 * The PostgreSQL instance on RDS (DB-1..8). Storage is always gp3 and encrypted with the RDS key,
 * TLS is always forced, and the instance is never public: those are not configurable.
 *
 * @param version                          engine version, {@code major.minor}
 * @param instanceClass                    instance class, e.g. {@code db.r6g.xlarge}
 * @param allocatedStorageGiB              storage at creation
 * @param maxAllocatedStorageGiB           ceiling of storage autoscaling
 * @param multiAz                          a standby in a second zone
 * @param backupRetentionDays              days automated backups are kept
 * @param performanceInsightsRetentionDays days Performance Insights keeps its data
 * @param deletionProtection               whether RDS refuses to delete the instance
 * @param databaseName                     the database created with the instance, named in DATABASE_URL
 */
public record PostgresConfig(
        @Doc(value = "PostgreSQL engine version (DB-1); the source's 15.4 is retired", defaultValue = "\"15.15\"",
                rule = "a version RDS offers, from the shipped list rds-postgres-versions.txt (majors 15, 16, 17)")
        String version,
        @Doc(value = "Instance class (DB-2)", defaultValue = "db.r6g.xlarge",
                rule = "db.<family>.<size>, e.g. db.r6g.xlarge or db.t4g.medium")
        String instanceClass,
        @Doc(value = "Storage allocated at creation, gp3, GiB (DB-2)", defaultValue = "100",
                rule = "20 to 65536")
        int allocatedStorageGiB,
        @Doc(value = "Ceiling of storage autoscaling, GiB (DB-2)", defaultValue = "500",
                rule = "at least 10% above allocatedStorageGiB, at most 65536")
        int maxAllocatedStorageGiB,
        @Doc(value = "A synchronous standby in a second zone (DB-5)", defaultValue = "true",
                rule = "true in prod; false allowed elsewhere")
        boolean multiAz,
        @Doc(value = "Days automated backups are kept (DB-6)", defaultValue = "30",
                rule = "30 to 35 in prod, 1 to 35 elsewhere (35 is the RDS maximum)")
        int backupRetentionDays,
        @Doc(value = "Days Performance Insights keeps its data, encrypted with the RDS key (DB-7)", defaultValue = "7",
                rule = "7 (free tier), a multiple of 31 up to 713, or 731")
        int performanceInsightsRetentionDays,
        @Doc(value = "RDS refuses to delete the instance (DB-6)", defaultValue = "true",
                rule = "true in prod; false allowed elsewhere (the stack still leaves a final snapshot)")
        boolean deletionProtection,
        @Doc(value = "The database created with the instance; the path of DATABASE_URL", defaultValue = "medical_saas",
                rule = "a PostgreSQL identifier: lower-case letter, then letters, digits or _, at most 63 characters; not postgres, rdsadmin, template0 or template1")
        String databaseName,
        @Doc(value = "The region's `RDSOSMetrics` log group, where RDS enhanced monitoring writes (DB-7): `create` makes it "
                + "encrypted with the logs key and kept for logging.retentionDays before the instance exists (RDS would "
                + "otherwise create it unencrypted and kept forever); `use-existing` where the account already has it "
                + "(another environment or database in the same account and region: one per region)",
                defaultValue = "create", rule = "create or use-existing")
        Provisioning osMetricsLogGroup) {
}
