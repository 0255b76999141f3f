package fr.medsaas.config;

/**
 * ECR, CodeBuild and CodePipeline (CI-1..4).
 *
 * <p>Placeholder section: its fields arrive with the stack that uses them.
 */
public record DeliveryConfig() {
}
