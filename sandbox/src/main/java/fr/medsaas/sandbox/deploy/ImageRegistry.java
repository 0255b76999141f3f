package fr.medsaas.sandbox.deploy;

import java.util.Optional;

/**
 * The read-only questions deploy asks about images (DEP-1), so that tests answer them without AWS.
 * A call may throw {@link fr.medsaas.sandbox.preflight.AwsFacts.CannotAsk}.
 */
public interface ImageRegistry {
    /**
     * The image a service's running task definition names for one container ({@code uri:tag} or
     * {@code uri@sha256:...}); empty when the cluster, the service or the container does not exist.
     */
    Optional<String> runningImage(String region, String cluster, String service, String container);

    /** The digest of a tagged image; empty when the repository or the tag does not exist. */
    Optional<String> digestOf(String region, String repository, String tag);

    /** The digest of the image pushed last to a repository; empty when it holds none, or does not exist. */
    Optional<String> newestDigest(String region, String repository);
}
