package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;

/**
 * How the EU stacks and the us-east-1 ones refer to each other. A CDK reference across regions
 * is strong by default, and a strong cross-region reference is a pair of Lambda-backed custom
 * resources (an export writer in the producing stack, a reader in the consuming one): one of them
 * would always run, and log, in us-east-1 (REG-3). A weak reference is CloudFormation's own
 * {@code Fn::GetStackOutput}, resolved when the consuming stack is deployed: no function, no
 * parameter store, only an output of the producing stack.
 */
public final class EdgeWiring {
    private EdgeWiring() {
    }

    /** A value of a stack of another region, read with {@code Fn::GetStackOutput} when the consumer deploys. */
    public static String acrossRegions(String value) {
        return Stack.consumeReference(value, ReferenceStrength.WEAK);
    }

    /** The name of CloudFront's log delivery source (and the prefix of its destination's). */
    public static String cdnLogDeliveryName(EnvironmentConfig config) {
        return config.physicalName("media-cdn-access-logs");
    }
}
