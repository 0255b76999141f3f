package fr.medsaas.platform.stacks;

/**
 * What the EdgeLogging stack takes from the stacks before it.
 *
 * @param distributionId the CloudFront distribution's id (Media, eu-west-3): the stack reads it
 *                       with {@code Fn::GetStackOutput} (see {@link EdgeWiring}) and writes its ARN
 */
public record EdgeLoggingStackInputs(String distributionId) {
}
