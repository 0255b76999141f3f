package fr.medsaas.platform.constructs.iam;

import java.util.List;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.Aws;
import software.constructs.Construct;

/**
 * A role whose every right is written out in one customer-managed policy: no inline policy
 * (HIPAA and NIST IAMNoInlinePolicy), and no right added behind our back, since the role is
 * handed to other constructs immutable ({@link #immutable()}): CDK's automatic grants then do
 * nothing and the policy says exactly what the role may do.
 */
public final class ManagedPolicyRole extends Construct {
    private final Role role;
    private final ManagedPolicy policy;

    /**
     * @param assumedBy   who may assume the role
     * @param description what the role is for
     */
    public ManagedPolicyRole(Construct scope, String id, IPrincipal assumedBy, String description) {
        this(scope, id, assumedBy, description, java.util.Optional.empty());
    }

    /**
     * @param assumedBy   who may assume the role
     * @param description what the role is for
     * @param roleName    the role's fixed name, for policies that name it by ARN pattern (HARD-7);
     *                    empty: a name CloudFormation generates
     */
    public ManagedPolicyRole(Construct scope, String id, IPrincipal assumedBy, String description,
                             java.util.Optional<String> roleName) {
        super(scope, id);
        Role.Builder builder = Role.Builder.create(this, "Resource").assumedBy(heldToThisAccount(assumedBy))
                .description(description);
        roleName.ifPresent(builder::roleName);
        this.role = builder.build();
        this.policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Rights of " + id + ": " + description)
                .roles(List.of(role))
                .build();
    }

    /**
     * A service principal held to this account (HARD-10, the confused deputy): {@code aws:SourceAccount}
     * must be ours ({@code StringEqualsIfExists} for the services in
     * {@link fr.medsaas.platform.aspects.ServiceTrustSourceAccount#IF_EXISTS}); any other principal as given.
     */
    static IPrincipal heldToThisAccount(IPrincipal assumedBy) {
        if (assumedBy instanceof ServicePrincipal sp) {
            String op = fr.medsaas.platform.aspects.ServiceTrustSourceAccount.IF_EXISTS.containsKey(sp.getService())
                    ? "StringEqualsIfExists" : "StringEquals";
            return sp.withConditions(java.util.Map.of(op, java.util.Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)));
        }
        return assumedBy;
    }

    /** Adds statements to the role's policy. */
    public void allow(PolicyStatement... statements) {
        for (PolicyStatement s : statements) {
            policy.addStatements(s);
        }
    }

    /** The role, for constructs that would otherwise add grants of their own. */
    public IRole immutable() {
        return role.withoutPolicyUpdates();
    }

    /** The role itself. */
    public Role role() {
        return role;
    }

    /** The role's policy. */
    public ManagedPolicy policy() {
        return policy;
    }
}
