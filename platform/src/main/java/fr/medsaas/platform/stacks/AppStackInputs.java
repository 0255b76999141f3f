package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.app.AppSecrets;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.network.PlatformSecurityGroups;
import fr.medsaas.platform.constructs.network.TieredVpc;

/**
 * What the App stack takes from the stacks before it.
 *
 * @param vpc            the VPC and its tiers
 * @param securityGroups SG-1..5
 * @param keys           the platform's keys
 * @param secrets        the application's secrets
 * @param migrationUser  the migration role's secret, read by the migration task only (HARD-6)
 */
public record AppStackInputs(TieredVpc vpc, PlatformSecurityGroups securityGroups, PlatformKeys keys, AppSecrets secrets,
                             software.amazon.awscdk.services.secretsmanager.ISecret migrationUser) {
}
