package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;

/**
 * What the Network stack takes from the stacks before it.
 *
 * @param keys the logs key, for the flow logs' log group (Keys)
 */
public record NetworkStackInputs(PlatformKeys keys) {
}
