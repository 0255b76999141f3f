package fr.medsaas.compliance.assembly;

/**
 * One resource of an assembly: its stack and logical id.
 *
 * @param stackName the CloudFormation stack name
 * @param logicalId the resource's logical id in that stack's template
 */
public record ResourceId(String stackName, String logicalId) {
    @Override
    public String toString() {
        return stackName + "/" + logicalId;
    }
}
