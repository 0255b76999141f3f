package fr.medsaas.compliance.access;

import java.util.Map;
import java.util.Objects;

/**
 * One call the deployment or the running platform must be allowed to make, derived from the
 * assembly, with the AWS documentation that says who makes it.
 *
 * @param family     deploy time (CloudFormation as the CDK execution role) or run time
 * @param kind       what kind of path ({@code iam:CreateRole of a role}, {@code task secret}, ...)
 * @param stack      the stack of the resource that needs the call
 * @param logicalId  the resource that needs the call
 * @param request    the call, with every policy on its way
 * @param sources    where each policy of the request comes from, by its name in the request
 *                   ({@code resource} for the resource policy): {@code Stack/LogicalId}, or the tool's execution policy
 * @param doc        the AWS documentation page that says who makes the call and what it needs
 */
public record AccessPath(Family family, String kind, String stack, String logicalId, AccessRequest request,
                         Map<String, String> sources, String doc) {
    public AccessPath {
        Objects.requireNonNull(family, "family");
        sources = Map.copyOf(sources);
    }

    /** When the call is made. */
    public enum Family { DEPLOY, RUN }

    /** The path in one phrase: who calls what on which resource, for which resource of which stack. */
    public String describe() {
        return family.name().toLowerCase() + " " + kind + ": " + shortPrincipal() + " " + request.action() + " on "
                + request.resource() + " (for " + stack + "/" + logicalId + ")";
    }

    /** The principal without the account's ARN prefix. */
    public String shortPrincipal() {
        String p = request.principal();
        int i = p.indexOf(":role/");
        return i >= 0 ? "role/" + p.substring(i + 6) : p;
    }

    /** Where a deciding statement's policy comes from ({@code Stack/LogicalId}). */
    public String sourceOf(Decision.DecidingStatement s) {
        String key = s.policyType().equals("resource") ? "resource" : s.policyName();
        return sources.getOrDefault(key, s.policyName().isEmpty() ? s.policyType() : s.policyName());
    }
}
