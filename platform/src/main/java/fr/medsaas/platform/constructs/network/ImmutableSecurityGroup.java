package fr.medsaas.platform.constructs.network;

import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.constructs.Construct;

/**
 * A security group of the Network stack seen from another stack, immutable: CDK adds no rule to
 * it there, so the chain of SG-1..5 is defined in the Network stack only.
 */
public final class ImmutableSecurityGroup {
    private ImmutableSecurityGroup() {
    }

    /** {@code group}, imported into {@code scope} as {@code id}, immutable and without an all-outbound rule. */
    public static ISecurityGroup of(Construct scope, String id, ISecurityGroup group) {
        return SecurityGroup.fromSecurityGroupId(scope, id, group.getSecurityGroupId(),
                SecurityGroupImportOptions.builder().mutable(false).allowAllOutbound(false).build());
    }
}
