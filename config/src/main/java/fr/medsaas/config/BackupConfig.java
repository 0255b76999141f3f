package fr.medsaas.config;

/**
 * AWS Backup and the backup region's replica (BCK-1..3, S3-5, CF-5).
 *
 * <p>Placeholder section: its fields arrive with the stack that uses them.
 */
public record BackupConfig() {
}
