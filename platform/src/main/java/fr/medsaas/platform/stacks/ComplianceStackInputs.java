package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;

/**
 * What the Compliance stack takes from the stacks before it.
 *
 * @param keys           the platform's keys (audit key, logs key)
 * @param alertsTopicArn the alerts topic of the Observability stack, where security events go (OBS-5)
 */
public record ComplianceStackInputs(PlatformKeys keys, String alertsTopicArn) {
}
