package fr.medsaas.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.config.ImageConfig;
import fr.medsaas.config.Requirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DEP-1: which digest each service is pinned to, and from where. */
class ImagePinsTest {
    static final String RUNNING = "sha256:" + "1".repeat(64);
    static final String NEWEST = "sha256:" + "2".repeat(64);
    static final String TAGGED = "sha256:" + "3".repeat(64);
    static final String REPO = "medical-saas-django";

    /** An account's images: what runs, which tags exist, what was pushed last. */
    static final class Registry implements ImageRegistry {
        final Map<String, String> running = new HashMap<>();
        final Map<String, String> tags = new HashMap<>();
        Optional<String> newest = Optional.empty();

        @Override
        public Optional<String> runningImage(String region, String cluster, String service, String container) {
            return Optional.ofNullable(running.get(service + "/" + container));
        }

        @Override
        public Optional<String> digestOf(String region, String repository, String tag) {
            return Optional.ofNullable(tags.get(repository + ":" + tag));
        }

        @Override
        public Optional<String> newestDigest(String region, String repository) {
            return newest;
        }
    }

    private static List<ImagePins.Service> services(ImageConfig image) {
        return List.of(new ImagePins.Service("app.web.image", image, "c", "django-service", "django-app"),
                new ImagePins.Service("app.worker.image", image, "c", "celery-service", "celery-worker"));
    }

    private static final ImageConfig UNPINNED = new ImageConfig(REPO, null, null);

    @Test
    @Requirement("DEP-1")
    void aFirstDeploymentHasNothingToPinAndWaitsForTheRepository() {
        ImagePins pins = ImagePins.resolve("eu-west-3", services(UNPINNED), new Registry());
        assertThat(pins.complete()).isFalse();
        assertThat(pins.waitingFor()).containsExactly(REPO);
        assertThat(pins.pins()).extracting(ImagePins.Pin::source).containsOnly(ImagePins.Source.NONE);
        assertThat(pins.pins().get(0)).hasToString("app.web.image: no image in " + REPO + " yet");
        assertThatThrownBy(() -> pins.applyTo(null)).hasMessageContaining("not every image is pinned");
    }

    @Test
    @Requirement("DEP-1")
    void theRunningImageIsKeptOverANewerOneTheTagItRunsResolvedToItsDigest() {
        Registry r = new Registry();
        r.newest = Optional.of(NEWEST);
        // The pipeline's deploy action registers <repository>:<commit>; the web runs that tag.
        r.running.put("django-service/django-app", "111122223333.dkr.ecr.eu-west-3.amazonaws.com/" + REPO + ":abc123");
        r.tags.put(REPO + ":abc123", RUNNING);
        r.running.put("celery-service/celery-worker", "111122223333.dkr.ecr.eu-west-3.amazonaws.com/" + REPO + "@" + TAGGED);
        ImagePins pins = ImagePins.resolve("eu-west-3", services(UNPINNED), r);
        assertThat(pins.pins()).extracting(p -> p.digest().orElseThrow()).containsExactly(RUNNING, TAGGED);
        assertThat(pins.pins()).extracting(ImagePins.Pin::source).containsOnly(ImagePins.Source.RUNNING);
    }

    @Test
    @Requirement("DEP-1")
    void withNothingRunningThePipelinesNewestImageIsPinned() {
        Registry r = new Registry();
        r.newest = Optional.of(NEWEST);
        ImagePins pins = ImagePins.resolve("eu-west-3", services(UNPINNED), r);
        assertThat(pins.complete()).isTrue();
        assertThat(pins.pins()).extracting(p -> p.digest().orElseThrow()).containsOnly(NEWEST);
        assertThat(pins.pins().get(0)).hasToString("app.web.image: " + REPO + "@" + NEWEST + " (the image pushed last)");
    }

    @Test
    @Requirement("DEP-1")
    void theConfigurationWinsOverWhatRunsItsTagPinnedByDigest() {
        Registry r = new Registry();
        r.newest = Optional.of(NEWEST);
        r.running.put("django-service/django-app", "x/" + REPO + "@" + RUNNING);
        r.tags.put(REPO + ":release-7", TAGGED);
        ImagePins tagged = ImagePins.resolve("eu-west-3", services(new ImageConfig(REPO, "release-7", null)), r);
        assertThat(tagged.pins()).extracting(p -> p.digest().orElseThrow()).containsOnly(TAGGED);
        assertThat(tagged.pins()).extracting(ImagePins.Pin::source).containsOnly(ImagePins.Source.CONFIGURED);
        ImagePins digest = ImagePins.resolve("eu-west-3", services(new ImageConfig(REPO, "release-7", NEWEST)), r);
        assertThat(digest.pins()).extracting(p -> p.digest().orElseThrow()).containsOnly(NEWEST);
        ImagePins missingTag = ImagePins.resolve("eu-west-3", services(new ImageConfig(REPO, "never-pushed", null)), r);
        assertThat(missingTag.complete()).as("a configured tag that is not in ECR is not replaced by another image").isFalse();
    }
}
