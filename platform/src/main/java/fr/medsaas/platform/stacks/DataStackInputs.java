package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.network.PlatformSecurityGroups;
import fr.medsaas.platform.constructs.network.TieredVpc;

/**
 * What the Data stack takes from the stacks before it.
 *
 * @param vpc            the VPC: its db tier for the stores, its app tier for the functions (Network)
 * @param securityGroups SG-3 and SG-4, and the groups of the rotation and secrets-builder functions (Network)
 * @param keys           the RDS, secrets, data and logs keys (Keys)
 */
public record DataStackInputs(TieredVpc vpc, PlatformSecurityGroups securityGroups, PlatformKeys keys) {
}
