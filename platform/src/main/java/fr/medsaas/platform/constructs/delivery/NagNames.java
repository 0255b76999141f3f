package fr.medsaas.platform.constructs.delivery;

import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/** How cdk-nag names a resource's attribute in a finding: {@code <LogicalId.Arn>}. */
final class NagNames {
    private NagNames() {
    }

    /** The {@code <LogicalId.Arn>} of the resource {@code construct} is or holds as its default child. */
    static String arnOf(IConstruct construct) {
        IConstruct cfn = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        Stack stack = Stack.of(construct);
        return "<" + stack.resolve(stack.getLogicalId((CfnElement) cfn)) + ".Arn>";
    }
}
