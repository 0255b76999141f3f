package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.sandbox.deploy.ImagePinnedDeployment;
import fr.medsaas.sandbox.deploy.ImagePins;
import fr.medsaas.sandbox.deploy.ImageRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DEP-1 offline: the order a deployment follows against a stubbed account (the dev assembly
 * stands for every synthesis; the emulator test synthesizes for real).
 */
class ImagePinnedDeploymentTest {
    static final String DIGEST = "sha256:" + "a".repeat(64);

    /** An account whose repository gets its first image once Delivery is deployed, when {@code pipelineRuns}. */
    static final class Account implements ImageRegistry, ImagePinnedDeployment.Actions {
        final boolean pipelineRuns;
        final List<String> deployed = new ArrayList<>();
        final List<EnvironmentConfig> synthesized = new ArrayList<>();
        final List<String> said = new ArrayList<>();
        Optional<String> newest = Optional.empty();
        String running;

        Account(boolean pipelineRuns) {
            this.pipelineRuns = pipelineRuns;
        }

        @Override
        public Optional<String> runningImage(String region, String cluster, String service, String container) {
            return Optional.ofNullable(running);
        }

        @Override
        public Optional<String> digestOf(String region, String repository, String tag) {
            return Optional.empty();
        }

        @Override
        public Optional<String> newestDigest(String region, String repository) {
            return newest;
        }

        @Override
        public CloudAssembly synthesize(EnvironmentConfig config) {
            synthesized.add(config);
            return Assemblies.of("dev");
        }

        @Override
        public boolean deploy(CloudAssembly assembly, List<String> stackNames) {
            deployed.addAll(stackNames);
            if (pipelineRuns && stackNames.contains("MedSaas-dev-Delivery")) {
                newest = Optional.of(DIGEST); // the pipeline starts when it is created and pushes the first image
            }
            return true;
        }

        @Override
        public void say(String line) {
            said.add(line);
        }

        @Override
        public void sleep(Duration d) {
        }
    }

    private static ImagePinnedDeployment.Outcome run(Account account, Duration wait) {
        EnvironmentConfig dev = Assemblies.config("dev");
        return ImagePinnedDeployment.run(dev, ImagePinnedDeployment.services(dev, "django-service", "django-app",
                "celery-service", "celery-worker"), account, account, wait, Duration.ofSeconds(1));
    }

    @Test
    @Requirement("DEP-1")
    void aFirstDeploymentDeploysUpToDeliveryWaitsForTheImagePinsItThenDeploysApp() {
        Account account = new Account(true);
        ImagePinnedDeployment.Outcome outcome = run(account, Duration.ofMinutes(5));
        assertThat(outcome.status()).isEqualTo(ImagePinnedDeployment.Status.DEPLOYED);
        assertThat(outcome.stages()).hasSize(2);
        assertThat(outcome.stages().get(0)).contains("MedSaas-dev-Keys", "MedSaas-dev-Network", "MedSaas-dev-Delivery")
                .doesNotContain("MedSaas-dev-App", "MedSaas-dev-Observability", "MedSaas-dev-Compliance");
        assertThat(outcome.stages().get(1)).hasSize(12).contains("MedSaas-dev-App");
        assertThat(account.deployed.indexOf("MedSaas-dev-Delivery")).isLessThan(account.deployed.indexOf("MedSaas-dev-App"));
        // First synthesis unpinned (App not deployed from it), the second with the pipeline's digest.
        assertThat(account.synthesized).hasSize(2);
        assertThat(account.synthesized.get(0).app().web().image().digest()).isNull();
        assertThat(account.synthesized.get(1).app().web().image().digest()).isEqualTo(DIGEST);
        assertThat(account.synthesized.get(1).app().worker().image().digest()).isEqualTo(DIGEST);
        assertThat(account.said).anySatisfy(l -> assertThat(l).startsWith("waiting for the pipeline's first image in ECR "
                + "medical-saas-django"));
        assertThat(outcome.pins().pins()).extracting(ImagePins.Pin::source).containsOnly(ImagePins.Source.NEWEST);
    }

    @Test
    @Requirement("DEP-1")
    void failsWithoutDeployingAppWhenThePipelinePushesNothing() {
        Account account = new Account(false);
        ImagePinnedDeployment.Outcome outcome = run(account, Duration.ZERO);
        assertThat(outcome.status()).isEqualTo(ImagePinnedDeployment.Status.NO_IMAGE);
        assertThat(account.deployed).contains("MedSaas-dev-Delivery").doesNotContain("MedSaas-dev-App");
        assertThat(account.said).anySatisfy(l -> assertThat(l).startsWith("no image in medical-saas-django after 0 min: "
                + "the App stack was not deployed; look at the pipeline medical-saas-dev-delivery"));
    }

    @Test
    @Requirement("DEP-1")
    void aLaterDeploymentKeepsTheRunningImageInOneStage() {
        Account account = new Account(false);
        account.newest = Optional.of("sha256:" + "b".repeat(64)); // pushed after the release that runs
        account.running = "111122223333.dkr.ecr.eu-west-3.amazonaws.com/medical-saas-django@" + DIGEST;
        ImagePinnedDeployment.Outcome outcome = run(account, Duration.ofMinutes(5));
        assertThat(outcome.status()).isEqualTo(ImagePinnedDeployment.Status.DEPLOYED);
        assertThat(outcome.stages()).hasSize(1);
        assertThat(account.synthesized).hasSize(1);
        assertThat(account.synthesized.get(0).app().web().image().digest()).isEqualTo(DIGEST);
        assertThat(account.said).contains("pinned app.web.image: medical-saas-django@" + DIGEST + " (the running service)");
    }
}
