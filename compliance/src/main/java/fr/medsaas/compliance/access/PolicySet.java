package fr.medsaas.compliance.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every policy on the way of one request: the principal's identity policies and permission
 * boundaries, the resource's policy (bucket, key, secret, vault, topic, trust), the VPC endpoints'
 * policies the request crosses, and the organization's service and resource control policies.
 *
 * @param identity the principal's identity policies (inline and managed); none denies implicitly
 * @param resource the resource's policy; empty when the resource has none (the identity alone decides
 *                 within one account, except for KMS keys and role trust, whose policy must allow)
 * @param endpoints the VPC endpoint policies the request crosses; none when it crosses no endpoint
 * @param boundaries the principal's permission boundaries; none when it has none
 * @param scps service control policies, root first, the account last; none outside an organization
 * @param rcps resource control policies, root first; AWS's RCPFullAWSAccess is implied
 */
public record PolicySet(List<NamedPolicy> identity, Optional<JsonNode> resource, List<NamedPolicy> endpoints,
                        List<NamedPolicy> boundaries, List<OrgPolicies> scps, List<OrgPolicies> rcps) {
    public PolicySet {
        identity = List.copyOf(identity);
        endpoints = List.copyOf(endpoints);
        boundaries = List.copyOf(boundaries);
        scps = List.copyOf(scps);
        rcps = List.copyOf(rcps);
    }

    /** Only identity policies: no resource policy, endpoint, boundary or organization policy. */
    public static PolicySet identity(List<NamedPolicy> identity) {
        return new PolicySet(identity, Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    /** The same set with this resource policy. */
    public PolicySet withResource(JsonNode resourcePolicy) {
        return new PolicySet(identity, Optional.of(resourcePolicy), endpoints, boundaries, scps, rcps);
    }

    /** The same set with one more VPC endpoint policy on the way. */
    public PolicySet withEndpoint(NamedPolicy endpointPolicy) {
        List<NamedPolicy> e = new ArrayList<>(endpoints);
        e.add(endpointPolicy);
        return new PolicySet(identity, resource, e, boundaries, scps, rcps);
    }

    /** The same set with these permission boundaries. */
    public PolicySet withBoundaries(List<NamedPolicy> permissionBoundaries) {
        return new PolicySet(identity, resource, endpoints, permissionBoundaries, scps, rcps);
    }

    /** The same set under these service control policies (root first). */
    public PolicySet withScps(List<OrgPolicies> serviceControlPolicies) {
        return new PolicySet(identity, resource, endpoints, boundaries, serviceControlPolicies, rcps);
    }

    /** The same set under these resource control policies (root first). */
    public PolicySet withRcps(List<OrgPolicies> resourceControlPolicies) {
        return new PolicySet(identity, resource, endpoints, boundaries, scps, resourceControlPolicies);
    }
}
