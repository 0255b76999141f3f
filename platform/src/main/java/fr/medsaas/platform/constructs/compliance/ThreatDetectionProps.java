package fr.medsaas.platform.constructs.compliance;

/**
 * GuardDuty and Security Hub in the region.
 *
 * @param createDetector whether to create the GuardDuty detector; false where the account has one
 * @param securityHub    whether to enable Security Hub
 */
public record ThreatDetectionProps(boolean createDetector, boolean securityHub) {
}
