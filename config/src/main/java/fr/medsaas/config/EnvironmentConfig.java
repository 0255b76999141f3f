package fr.medsaas.config;

import java.util.Map;
import java.util.Objects;

/**
 * One environment of the platform, as loaded from {@code config/<env>.yaml}: plain, immutable
 * data that every construct is built from. Defaults are the source document's (prod) values.
 *
 * @param name           the environment's name
 * @param environmentTag the value of the {@code Environment} tag (CMP-4)
 * @param project        the value of the {@code Project} tag (CMP-4)
 * @param namePrefix     prefix of every physical name (VPC, groups, aliases, secrets)
 * @param regions        where things live (REG-1..3)
 * @param network        the VPC and its tiers (NET-1..6)
 * @param logging        log retention (OBS-1)
 * @param app            the Fargate services and their load balancer (ECS, ALB)
 * @param data           PostgreSQL and Redis (DB, RD)
 * @param media          the media bucket and its CloudFront distribution (S3, CF, REG-4)
 * @param observability  alerts, alarms and the dashboard (OBS-2..5)
 * @param compliance     audit trail, AWS Config, GuardDuty (CMP-1..3, CMP-5)
 * @param backup         AWS Backup and the replica region (BCK-1..3, S3-5, CF-5)
 * @param delivery       ECR, CodeBuild, CodePipeline (CI-1..4)
 * @param tags           extra tags put on every resource, besides those of CMP-4
 */
public record EnvironmentConfig(
        @Doc(value = "Environment name; also the config file's name", rule = "one of prod, staging, dev")
        String name,
        @Doc(value = "Value of the `Environment` tag on every resource (CMP-4)", defaultValue = "production",
                rule = "letters, digits and -, 1 to 32 characters")
        String environmentTag,
        @Doc(value = "Value of the `Project` tag on every resource (CMP-4)", defaultValue = "medical-saas",
                rule = "lower-case letters, digits and -, 2 to 32 characters, starts with a letter")
        String project,
        @Doc(value = "Prefix of every physical name: VPC, security groups, key aliases, secrets",
                defaultValue = "medical-saas", rule = "lower-case letters, digits and -, 2 to 32 characters, starts with a letter, does not end with -")
        String namePrefix,
        @Doc(value = "Regions of the workload, its backups and the CloudFront firewall", defaultValue = "{}")
        RegionsConfig regions,
        @Doc(value = "The VPC and its three tiers", defaultValue = "{}")
        NetworkConfig network,
        @Doc(value = "Log retention", defaultValue = "{}")
        LoggingConfig logging,
        @Doc(value = "The web and worker services and their load balancer", defaultValue = "{}")
        AppConfig app,
        @Doc(value = "PostgreSQL and Redis", defaultValue = "{}")
        DataConfig data,
        @Doc(value = "The media bucket and its CloudFront distribution", defaultValue = "{}")
        MediaConfig media,
        @Doc(value = "Alerts topic, alarms and the dashboard", defaultValue = "{}")
        ObservabilityConfig observability,
        @Doc(value = "Audit trail, AWS Config, GuardDuty and Security Hub, in the primary and the backup region", defaultValue = "{}")
        ComplianceConfig compliance,
        @Doc(value = "AWS Backup, its copy to the backup region, and the media replica", defaultValue = "{}")
        BackupConfig backup,
        @Doc(value = "ECR, CodeBuild and CodePipeline", defaultValue = "{}")
        DeliveryConfig delivery,
        @Doc(value = "Extra tags on every resource, besides Environment, Project, Compliance and ManagedBy",
                defaultValue = "{}", rule = "keys 1 to 128 characters, not starting with aws:; values up to 128 characters; not the CMP-4 tags Environment, Project, Compliance, ManagedBy")
        Map<String, String> tags) {

    /** Names of the environments the platform knows. */
    public static final java.util.List<String> KNOWN_ENVIRONMENTS = java.util.List.of("prod", "staging", "dev");

    public EnvironmentConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(delivery, "delivery");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The same environment with other application settings (the images pinned by deploy, DEP-1). */
    public EnvironmentConfig withApp(AppConfig other) {
        return new EnvironmentConfig(name, environmentTag, project, namePrefix, regions, network, logging, other, data, media,
                observability, compliance, backup, delivery, tags);
    }

    /** The same environment with other media settings. */
    public EnvironmentConfig withMedia(MediaConfig other) {
        return new EnvironmentConfig(name, environmentTag, project, namePrefix, regions, network, logging, app, data, other,
                observability, compliance, backup, delivery, tags);
    }

    /** The same environment with other backup settings. */
    public EnvironmentConfig withBackup(BackupConfig other) {
        return new EnvironmentConfig(name, environmentTag, project, namePrefix, regions, network, logging, app, data, media,
                observability, compliance, other, delivery, tags);
    }

    /** The same environment with other data-tier settings. */
    public EnvironmentConfig withData(DataConfig other) {
        return new EnvironmentConfig(name, environmentTag, project, namePrefix, regions, network, logging, app, other, media,
                observability, compliance, backup, delivery, tags);
    }

    /** The same environment with another compliance configuration. */
    public EnvironmentConfig withCompliance(ComplianceConfig other) {
        return new EnvironmentConfig(name, environmentTag, project, namePrefix, regions, network, logging, app, data, media,
                observability, other, backup, delivery, tags);
    }

    /**
     * The tags of every resource (CMP-4): the extra tags, then Environment, Project, Compliance and
     * ManagedBy, which the validator forbids the extra tags to override.
     */
    public Map<String, String> resourceTags() {
        Map<String, String> out = new java.util.TreeMap<>(tags);
        out.put("Environment", environmentTag);
        out.put("Project", project);
        out.put("Compliance", "RGPD");
        out.put("ManagedBy", "cdk");
        return java.util.Collections.unmodifiableMap(out);
    }

    /** True for the production environment, where the strictest floors apply. */
    public boolean isProduction() {
        return "prod".equals(name);
    }

    /** A physical name: the prefix, a dash, and the suffix ({@code medical-saas-vpc}). */
    public String physicalName(String suffix) {
        return namePrefix + "-" + suffix;
    }

    /** The name of a CDK stack of this environment: {@code MedSaas-<env>-<Part>}. */
    public String stackName(String part) {
        return "MedSaas-" + name + "-" + part;
    }
}
