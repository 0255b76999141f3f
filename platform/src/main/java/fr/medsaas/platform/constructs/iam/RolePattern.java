package fr.medsaas.platform.constructs.iam;

import software.amazon.awscdk.Fn;

/**
 * A principal named by the pattern of its role's ARN (HARD-7), so that a key or secret policy
 * can name it without a reference to the role: no dependency between stacks, and a role deployed
 * after the key is still covered. Plain data; {@code ${AWS::Partition}} and {@code ${AWS::AccountId}}
 * are resolved at deployment ({@link #resolved()}).
 *
 * @param label      who this is, as {@code docs/security-model.md} lists it
 * @param arnPattern the {@code aws:PrincipalArn} pattern (ArnLike), with CloudFormation pseudo parameters
 */
public record RolePattern(String label, String arnPattern) {

    /** The pattern for a policy: {@code Fn::Sub} of the pseudo parameters. */
    public String resolved() {
        return Fn.sub(arnPattern);
    }
}
