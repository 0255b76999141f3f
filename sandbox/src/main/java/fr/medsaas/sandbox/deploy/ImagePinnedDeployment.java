package fr.medsaas.sandbox.deploy;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment whose services start on an image that exists (DEP-1): the images are pinned by
 * digest first ({@link ImagePins}); when one is missing (a first deployment), everything up to the
 * Delivery stack is deployed, the pipeline that stack starts pushes the first image, deploy waits
 * for it in ECR, pins it, and only then deploys the App stack and those after it
 * ({@link StackStages}). The same order for AWS (the AWS CDK CLI) and the emulator: the
 * {@link Actions} differ.
 */
public final class ImagePinnedDeployment {
    /** The stack that makes the repositories and the pipeline. */
    public static final String PRODUCER = "Delivery";
    /** The stack whose services pull the images. */
    public static final String CONSUMER = "App";

    private ImagePinnedDeployment() {
    }

    /** What a deployment does, where it goes. */
    public interface Actions {
        /** Synthesizes {@code config} (refusing on findings, as synth does). */
        CloudAssembly synthesize(EnvironmentConfig config);

        /** Deploys these stacks of {@code assembly}, in this order; false when one failed (already reported). */
        boolean deploy(CloudAssembly assembly, List<String> stackNames);

        /** Reports one step, one line. */
        void say(String line);

        /** Waits between two questions to ECR. */
        default void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the first image", e);
            }
        }
    }

    /** How it ended. */
    public enum Status {
        /** Every stack deployed, the services on pinned digests. */
        DEPLOYED,
        /** A stack failed (reported by the actions). */
        FAILED,
        /** The pipeline pushed no image within the wait: App was not deployed. */
        NO_IMAGE
    }

    /**
     * The outcome.
     *
     * @param status   how it ended
     * @param stages   the order followed: each list is one deploy call
     * @param pins     the digests App was deployed with, or the last answer when it was not
     */
    public record Outcome(Status status, List<List<String>> stages, ImagePins pins) {
    }

    /**
     * Deploys {@code config}: pins, then one or two stages.
     *
     * @param services  the App stack's services, web first
     * @param registry  answers about images (ECR, ECS)
     * @param wait      how long to wait for the pipeline's first image
     * @param pollEvery how often to ask ECR meanwhile
     */
    public static Outcome run(EnvironmentConfig config, List<ImagePins.Service> services, ImageRegistry registry,
            Actions actions, Duration wait, Duration pollEvery) {
        String region = config.regions().primary();
        List<List<String>> stages = new ArrayList<>();
        ImagePins pins = ImagePins.resolve(region, services, registry);
        if (!pins.complete()) {
            CloudAssembly first = actions.synthesize(config);
            StackStages cut = StackStages.of(first.stacks(), config.stackName(PRODUCER), config.stackName(CONSUMER));
            actions.say("no image yet in " + String.join(", ", pins.waitingFor()) + ": deploying the stacks up to "
                    + config.stackName(PRODUCER) + " first, whose pipeline builds the first image");
            stages.add(cut.beforeImageNames());
            if (!actions.deploy(first, cut.beforeImageNames())) {
                return new Outcome(Status.FAILED, stages, pins);
            }
            long deadline = System.nanoTime() + wait.toNanos();
            for (String repository : pins.waitingFor()) {
                actions.say("waiting for the pipeline's first image in ECR " + repository + " (" + region + "), up to "
                        + wait.toMinutes() + " min: authorize the connection if its status is PENDING");
                while (registry.newestDigest(region, repository).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        actions.say("no image in " + repository + " after " + wait.toMinutes() + " min: the App stack was "
                                + "not deployed; look at the pipeline " + config.physicalName("delivery")
                                + ", then run deploy again");
                        return new Outcome(Status.NO_IMAGE, stages, pins);
                    }
                    actions.sleep(pollEvery);
                }
            }
            pins = ImagePins.resolve(region, services, registry);
            if (!pins.complete()) {
                return new Outcome(Status.NO_IMAGE, stages, pins);
            }
        }
        pins.pins().forEach(p -> actions.say("pinned " + p));
        CloudAssembly pinned = actions.synthesize(pins.applyTo(config));
        List<String> all = fr.medsaas.sandbox.SandboxDeployer.dependencyOrder(pinned.stacks()).stream()
                .map(StackTemplate::stackName).toList();
        stages.add(all);
        return new Outcome(actions.deploy(pinned, all) ? Status.DEPLOYED : Status.FAILED, stages, pins);
    }

    /** The App stack's two services as deploy asks about them; names as the App stack gives them. */
    public static List<ImagePins.Service> services(EnvironmentConfig config, String webService, String webContainer,
            String workerService, String workerContainer) {
        String cluster = config.physicalName("cluster");
        return List.of(
                new ImagePins.Service("app.web.image", config.app().web().image(), cluster, webService, webContainer),
                new ImagePins.Service("app.worker.image", config.app().worker().image(), cluster, workerService,
                        workerContainer));
    }
}
