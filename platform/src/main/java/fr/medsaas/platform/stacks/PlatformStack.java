package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Base of every stack: named {@code MedSaas-<env>-<Part>}, pinned to a region of the
 * configuration, account left to deploy time (synthesis needs no AWS account), and protected
 * against deletion in production.
 */
public abstract class PlatformStack extends Stack {
    protected PlatformStack(Construct scope, EnvironmentConfig config, String part, String region, String description) {
        super(scope, config.stackName(part), StackProps.builder()
                .stackName(config.stackName(part))
                .env(Environment.builder().region(region).build())
                .description(description)
                .terminationProtection(config.isProduction())
                .build());
    }
}
