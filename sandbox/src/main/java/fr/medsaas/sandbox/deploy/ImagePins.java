package fr.medsaas.sandbox.deploy;

import fr.medsaas.config.AppConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests deploy gives the App stack (DEP-1), written into the configuration
 * ({@code app.web.image.digest}, {@code app.worker.image.digest}) before it synthesizes App:
 * what the configuration names (its tag resolved to a digest), else the image the service runs now
 * (a pipeline release is kept, never rolled back by a deploy), else the image the pipeline pushed
 * last to the repository (the first deployment), else none yet.
 *
 * @param pins one pin a service, web first
 */
public record ImagePins(List<Pin> pins) {
    private static final Pattern DIGEST_IN_URI = Pattern.compile("@(sha256:[0-9a-f]{64})$");
    private static final Pattern TAG_IN_URI = Pattern.compile(":([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$");

    public ImagePins {
        pins = List.copyOf(pins);
    }

    /** Where a pin's digest comes from. */
    public enum Source {
        /** The configuration's digest, or its tag resolved in ECR. */
        CONFIGURED("the configuration"),
        /** The image the service runs now (the pipeline's last release). */
        RUNNING("the running service"),
        /** The image pushed last to the repository: the pipeline's first, on a first deployment. */
        NEWEST("the image pushed last"),
        /** No image yet: the repository is empty or missing, or the configured tag is not in it. */
        NONE("nothing yet");

        private final String describe;

        Source(String describe) {
            this.describe = describe;
        }

        /** In words. */
        public String describe() {
            return describe;
        }
    }

    /**
     * One service of the App stack, as deploy asks about it.
     *
     * @param field     the configuration field of its image ({@code app.web.image})
     * @param image     the configured image
     * @param cluster   the ECS cluster's name
     * @param service   the ECS service's name
     * @param container the container's name in its task definition
     */
    public record Service(String field, ImageConfig image, String cluster, String service, String container) {
    }

    /**
     * The digest one service is pinned to.
     *
     * @param field      the configuration field ({@code app.web.image})
     * @param repository the ECR repository
     * @param digest     the digest, empty when {@link Source#NONE}
     * @param source     where it comes from
     */
    public record Pin(String field, String repository, Optional<String> digest, Source source) {
        @Override
        public String toString() {
            return field + ": " + digest.map(d -> repository + "@" + d + " (" + source.describe() + ")")
                    .orElse("no image in " + repository + " yet");
        }
    }

    /** Asks {@code registry} for the digest of each service in {@code region}. */
    public static ImagePins resolve(String region, List<Service> services, ImageRegistry registry) {
        List<Pin> out = new ArrayList<>();
        for (Service s : services) {
            ImageConfig image = s.image();
            if (image.digest() != null) {
                out.add(new Pin(s.field(), image.repository(), Optional.of(image.digest()), Source.CONFIGURED));
            } else if (image.tag() != null) {
                Optional<String> d = registry.digestOf(region, image.repository(), image.tag());
                out.add(new Pin(s.field(), image.repository(), d, d.isPresent() ? Source.CONFIGURED : Source.NONE));
            } else {
                Optional<String> running = registry.runningImage(region, s.cluster(), s.service(), s.container())
                        .flatMap(uri -> digestOfUri(region, image.repository(), uri, registry));
                if (running.isPresent()) {
                    out.add(new Pin(s.field(), image.repository(), running, Source.RUNNING));
                } else {
                    Optional<String> newest = registry.newestDigest(region, image.repository());
                    out.add(new Pin(s.field(), image.repository(), newest, newest.isPresent() ? Source.NEWEST : Source.NONE));
                }
            }
        }
        return new ImagePins(out);
    }

    /** The digest a running image URI names, asking ECR when it names a tag. */
    static Optional<String> digestOfUri(String region, String repository, String uri, ImageRegistry registry) {
        Matcher digest = DIGEST_IN_URI.matcher(uri);
        if (digest.find()) {
            return Optional.of(digest.group(1));
        }
        Matcher tag = TAG_IN_URI.matcher(uri);
        return tag.find() ? registry.digestOf(region, repository, tag.group(1)) : Optional.empty();
    }

    /** True when every service has a digest. */
    public boolean complete() {
        return pins.stream().allMatch(p -> p.digest().isPresent());
    }

    /** The repositories still without an image, each once. */
    public List<String> waitingFor() {
        return pins.stream().filter(p -> p.digest().isEmpty()).map(Pin::repository).distinct().toList();
    }

    /** {@code config} with each pinned digest written into {@code app.web.image} and {@code app.worker.image}. */
    public EnvironmentConfig applyTo(EnvironmentConfig config) {
        if (!complete()) {
            throw new IllegalStateException("not every image is pinned: " + pins);
        }
        AppConfig app = config.app();
        return config.withApp(app.withServices(
                app.web().withImage(app.web().image().withDigest(digestOf("app.web.image"))),
                app.worker().withImage(app.worker().image().withDigest(digestOf("app.worker.image")))));
    }

    private String digestOf(String field) {
        return pins.stream().filter(p -> p.field().equals(field)).findFirst().flatMap(Pin::digest)
                .orElseThrow(() -> new IllegalStateException("no pin for " + field));
    }
}
