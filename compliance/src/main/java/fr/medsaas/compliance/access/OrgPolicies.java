package fr.medsaas.compliance.access;

import java.util.List;
import java.util.Objects;

/**
 * The service or resource control policies attached at one level of an organization (the root, an
 * OU or the account), as AWS Organizations evaluates them: every level must allow.
 */
public record OrgPolicies(String orgIdentifier, List<NamedPolicy> policies) {
    public OrgPolicies {
        Objects.requireNonNull(orgIdentifier, "orgIdentifier");
        policies = List.copyOf(policies);
    }
}
