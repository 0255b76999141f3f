package fr.medsaas.config;

/**
 * Audit trail, AWS Config, GuardDuty and Security Hub (CMP-1..3, CMP-5).
 *
 * <p>Placeholder section: its fields arrive with the stack that uses them.
 */
public record ComplianceConfig() {
}
