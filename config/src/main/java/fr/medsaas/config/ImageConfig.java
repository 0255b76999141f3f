package fr.medsaas.config;

/**
 * A container image (ECS-6): an ECR repository of the account and a tag, or a digest that wins
 * over the tag (a digest pins the exact image that was scanned and approved).
 *
 * @param repository the ECR repository's name in the primary region
 * @param tag        the image tag, used when no digest is given
 * @param digest     the image digest ({@code sha256:...}), or null
 */
public record ImageConfig(
        @Doc(value = "ECR repository of the image, in the primary region (CI-1)", defaultValue = "medical-saas-django",
                rule = "2 to 256 characters: lower-case letters, digits, and . _ - / between them")
        String repository,
        @Doc(value = "Image tag, used when no digest is given", defaultValue = "latest",
                rule = "1 to 128 characters: letters, digits, . _ -; not starting with . or -")
        String tag,
        @Doc(value = "Image digest; wins over the tag", defaultValue = "~", rule = "sha256: and 64 lower-case hex digits, or none")
        String digest) {
}
