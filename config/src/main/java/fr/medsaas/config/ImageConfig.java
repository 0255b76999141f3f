package fr.medsaas.config;

import java.util.Optional;

/**
 * A container image (ECS-6): an ECR repository of the account and a tag, or a digest that wins
 * over the tag (a digest pins the exact image that was scanned and approved). With neither, the
 * image is the pipeline's: {@code deploy} pins the one running, or the pipeline's first, by
 * digest before it deploys the services (DEP-1).
 *
 * @param repository the ECR repository's name in the primary region
 * @param tag        the image tag, used when no digest is given, or null
 * @param digest     the image digest ({@code sha256:...}), or null
 */
public record ImageConfig(
        @Doc(value = "ECR repository of the image, in the primary region (CI-1)", defaultValue = "medical-saas-django",
                rule = "2 to 256 characters: lower-case letters, digits, and . _ - / between them")
        String repository,
        @Doc(value = "Image tag (a commit the pipeline pushed), used when no digest is given; with neither, deploy "
                + "pins the running or the pipeline's first image by digest (DEP-1)", defaultValue = "~",
                rule = "1 to 128 characters: letters, digits, . _ -; not starting with . or -; never latest "
                        + "(the repository is IMMUTABLE)")
        String tag,
        @Doc(value = "Image digest; wins over the tag", defaultValue = "~", rule = "sha256: and 64 lower-case hex digits, or none")
        String digest) {

    /**
     * The tag a template names while no image is pinned (a synthesis before the first deploy):
     * never pushed, so a service started on it could not pull. {@code deploy} never deploys the App
     * stack with it: it pins a digest first (DEP-1).
     */
    public static final String UNPINNED_TAG = "unpinned-deploy-pins-a-digest";

    /** The tag or digest the configuration names: the digest when given, else the tag, else none. */
    public Optional<String> reference() {
        return Optional.ofNullable(digest != null ? digest : tag);
    }

    /** What a task definition pulls: {@link #reference()}, or {@link #UNPINNED_TAG} before deploy pins one. */
    public String tagOrDigest() {
        return reference().orElse(UNPINNED_TAG);
    }

    /** The same repository pinned to one digest. */
    public ImageConfig withDigest(String sha256) {
        return new ImageConfig(repository, tag, sha256);
    }
}
