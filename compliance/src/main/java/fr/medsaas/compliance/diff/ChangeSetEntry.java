package fr.medsaas.compliance.diff;

/**
 * One resource change as a CloudFormation change set describes it: the authoritative answer.
 *
 * @param stackName   the stack
 * @param logicalId   the resource's logical ID
 * @param type        its type
 * @param action      Add, Modify, Remove, Import, Dynamic
 * @param replacement True, Conditional, False, or empty for Add and Remove
 */
public record ChangeSetEntry(String stackName, String logicalId, String type, String action, String replacement) {
    /** Whether CloudFormation says it deletes or (perhaps) replaces the resource. */
    public boolean deletesOrReplaces() {
        return "Remove".equals(action) || "True".equals(replacement) || "Conditional".equals(replacement);
    }
}
