package fr.medsaas.compliance.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One call a principal makes, as IAM evaluates it: who, which action, on which resource (and the
 * account that owns it), with which request context, through which policies.
 *
 * @param principal the caller's ARN ({@code arn:aws:iam::111122223333:role/x}) or a service principal
 *                  ({@code logs.eu-west-3.amazonaws.com})
 * @param action the IAM action, {@code service:Action}
 * @param resource the resource ARN; {@code *} for an action that takes no resource
 * @param resourceAccount the account that owns the resource (an S3 ARN does not say)
 * @param context the request's condition keys and their values ({@code aws:SourceAccount},
 *                {@code kms:EncryptionContext:aws:logs:arn}, ...)
 * @param policies every policy on the way
 */
public record AccessRequest(String principal, String action, String resource, String resourceAccount,
                            Map<String, List<String>> context, PolicySet policies) {
    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(resourceAccount, "resourceAccount");
        Objects.requireNonNull(policies, "policies");
        TreeMap<String, List<String>> c = new TreeMap<>();
        context.forEach((k, v) -> c.put(k, List.copyOf(v)));
        context = java.util.Collections.unmodifiableMap(c);
    }

    /** The same request with one more context key. */
    public AccessRequest withContext(String key, String... values) {
        TreeMap<String, List<String>> c = new TreeMap<>(context);
        c.put(key, List.of(values));
        return new AccessRequest(principal, action, resource, resourceAccount, c, policies);
    }
}
