package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.Synthesizer;
import fr.medsaas.sandbox.deploy.ImagePinnedDeployment;
import fr.medsaas.sandbox.deploy.ImagePins;
import fr.medsaas.sandbox.preflight.SdkAwsFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * DEP-1 in the emulator: dev deployed along the path deploy drives on a fresh account. moto runs
 * no CodePipeline nor CodeBuild, so the test stands in for the pipeline's push: once the Delivery
 * stack is deployed, it puts an image manifest into its ECR repository by API (PutImage), as the
 * build would; deploy then finds that image, pins it by digest and deploys App with it.
 */
@Tag("integration")
@ExtendWith(Emulator.class)
class ImagePinnedDeploymentEmulatorTest {
    private static final String MANIFEST = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7023,"
            + "\"digest\":\"sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7\"},\"layers\":[]}";

    @Test
    @Requirement("DEP-1")
    void devDeploysDeliveryFirstThenAppOnThePipelinesImagePinnedByDigest(MotoServer moto) throws IOException {
        EnvironmentConfig dev = Assemblies.config("dev");
        List<String> order = new ArrayList<>();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS);
        try (SandboxDeployer deployer = new SandboxDeployer(moto.endpoint());
             SdkAwsFacts account = new SdkAwsFacts(credentials, Optional.of(moto.endpoint()), "eu-west-3");
             EcrClient ecr = EcrClient.builder().endpointOverride(moto.endpoint()).region(Region.EU_WEST_3)
                     .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(moto.endpoint())
                     .region(Region.EU_WEST_3).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String[] pushed = new String[1];
            ImagePinnedDeployment.Actions actions = new ImagePinnedDeployment.Actions() {
                @Override
                public CloudAssembly synthesize(EnvironmentConfig config) {
                    try {
                        return Synthesizer.synthesize(config, Files.createTempDirectory("medsaas-dep1-").resolve("cdk.out"))
                                .assembly();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean deploy(CloudAssembly assembly, List<String> stackNames) {
                    for (String name : stackNames) {
                        StackTemplate stack = assembly.stacks().stream().filter(s -> s.stackName().equals(name))
                                .findFirst().orElseThrow();
                        StackDeployment d = deployer.deploy(stack);
                        assertThat(d.succeeded()).as(name + ": " + d.failureReason()).isTrue();
                        order.add(name + " " + d.status());
                        if (name.equals("MedSaas-dev-Delivery") && pushed[0] == null) {
                            // The stand-in for the pipeline's first build: moto runs no CodeBuild.
                            pushed[0] = ecr.putImage(r -> r.repositoryName("medical-saas-django").imageTag("0123abcd")
                                    .imageManifest(MANIFEST)).image().imageId().imageDigest();
                        }
                    }
                    return true;
                }

                @Override
                public void say(String line) {
                    System.out.println("[dep-1] " + line);
                }
            };
            ImagePinnedDeployment.Outcome outcome = ImagePinnedDeployment.run(dev, ImagePinnedDeployment.services(dev,
                    "django-service", "django-app", "celery-service", "celery-worker"), account, actions,
                    Duration.ofMinutes(1), Duration.ofMillis(200));

            assertThat(outcome.status()).as(order.toString()).isEqualTo(ImagePinnedDeployment.Status.DEPLOYED);
            assertThat(pushed[0]).matches("sha256:[0-9a-f]{64}");
            assertThat(outcome.pins().pins()).allSatisfy(p -> assertThat(p.digest()).contains(pushed[0]));
            List<String> names = order.stream().map(l -> l.split(" ")[0]).toList();
            assertThat(names.indexOf("MedSaas-dev-Delivery")).isLessThan(names.indexOf("MedSaas-dev-App"));
            assertThat(outcome.stages().get(0)).doesNotContain("MedSaas-dev-App").contains("MedSaas-dev-Delivery");
            // The first stage's stacks are left alone by the second, their templates unchanged by the pin.
            assertThat(order).contains("MedSaas-dev-Delivery " + StackDeployment.UNCHANGED);
            // What the emulator holds: App's web, worker and migration task definitions on the digest.
            String app = cfn.getTemplate(r -> r.stackName("MedSaas-dev-App")).templateBody();
            assertThat(app).contains("medical-saas-django@" + pushed[0]).doesNotContain("unpinned-deploy-pins-a-digest");
            assertThat(app.split("medical-saas-django@" + pushed[0], -1)).hasSize(4);
        }
    }
}
