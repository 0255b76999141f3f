package fr.medsaas.platform.constructs.compliance;

/**
 * GuardDuty and Security Hub in the region.
 *
 * @param createDetector    whether to create the GuardDuty detector; false where the account has one
 * @param securityHub       whether to enable Security Hub
 * @param rdsProtection     whether the detector watches RDS login activity (RDS_LOGIN_EVENTS)
 * @param runtimeMonitoring whether the detector watches Fargate tasks at run time, GuardDuty managing
 *                          the agent (RUNTIME_MONITORING with ECS_FARGATE_AGENT_MANAGEMENT)
 */
public record ThreatDetectionProps(boolean createDetector, boolean securityHub, boolean rdsProtection,
                                   boolean runtimeMonitoring) {
}
