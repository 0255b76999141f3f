package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;
import software.amazon.awscdk.services.ec2.IVpc;

/**
 * What the Delivery stack takes from the stacks before it: the keys only. The services it
 * deploys to are imported by their names (from configuration and {@link AppStack}'s constants),
 * so that neither the App stack nor the Delivery stack references the other.
 *
 * @param keys the platform's keys: the delivery key (images, artifacts) and the logs key
 * @param vpc  the VPC of the cluster; CDK's import of a cluster by name asks for it, and nothing
 *             of it reaches the template (the deploy actions name the cluster and services only)
 */
public record DeliveryStackInputs(PlatformKeys keys, IVpc vpc) {
}
