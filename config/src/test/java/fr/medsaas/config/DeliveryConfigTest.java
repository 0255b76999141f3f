package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The delivery section (CI-1, CI-3): its two kinds of source, and every way it is refused. */
class DeliveryConfigTest {

    private static EnvironmentConfig parse(String delivery) {
        return ConfigLoader.parse("name: prod\n" + ConfigRulesTest.CERT + "delivery: " + delivery + "\n", "case.yaml");
    }

    @Test
    @Requirement("CI-3")
    void aConnectionSourceNamesItsRepositoryAndBranch() {
        DeliveryConfig d = parse("{ source: arn:aws:codeconnections:eu-west-3:123456789012:connection/"
                + "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d, repository: acme/backend, branch: release/2026.11 }").delivery();
        assertThat(d.connectionArn()).isPresent();
        assertThat(d.s3Source()).isEmpty();
        assertThat(d.repository()).isEqualTo("acme/backend");
        assertThat(d.branch()).isEqualTo("release/2026.11");
    }

    @Test
    @Requirement("CI-3")
    void anS3SourceIsABucketAndAZip() {
        DeliveryConfig d = parse("{ source: s3://acme-sources/medsaas/source.zip }").delivery();
        assertThat(d.connectionArn()).isEmpty();
        assertThat(d.s3Source()).contains(new DeliveryConfig.S3Location("acme-sources", "medsaas/source.zip"));
    }

    @Test
    @Requirement("CI-1")
    void defaultsAreTheShippedOnes() {
        DeliveryConfig d = parse("{}").delivery();
        assertThat(d.imagesKept()).isEqualTo(30);
        assertThat(d.untaggedImageExpiryDays()).isEqualTo(7);
        assertThat(d.artifactExpiryDays()).isEqualTo(30);
        assertThat(d.manualApproval()).isTrue();
        assertThat(d.notifyAlerts()).isFalse();
    }

    @Test
    @Requirement("DEP-1")
    void refusesLatestForTheImmutableRepositoryAndShipsNoTag() {
        ConfigException e = catchThrowableOfType(() -> ConfigLoader.parse("name: prod\n"
                + ConfigRulesTest.CERT.replace(" }\n", ", web: { image: { repository: medical-saas-django, tag: latest } } }\n"),
                "case.yaml"),
                ConfigException.class);
        assertThat(e).as("latest must be refused").isNotNull();
        assertThat(e.getMessage()).contains("app.web.image.tag", "latest", "IMMUTABLE", "deploy pin");
        EnvironmentConfig shipped = parse("{}");
        assertThat(shipped.app().web().image().reference()).as("no default tag: deploy pins a digest").isEmpty();
        assertThat(shipped.app().worker().image().tagOrDigest()).isEqualTo(ImageConfig.UNPINNED_TAG);
        String digest = "sha256:" + "0f".repeat(32);
        assertThat(shipped.app().web().image().withDigest(digest).tagOrDigest()).isEqualTo(digest);
    }

    static Stream<Arguments> badDelivery() {
        return Stream.of(
                Arguments.of("a source that is neither", "{ source: github.com/acme/backend }",
                        "delivery.source", "a CodeConnections connection ARN"),
                Arguments.of("an S3 location without a zip", "{ source: s3://acme-sources/source.tar }",
                        "delivery.source", "s3://<bucket>/<key>.zip"),
                Arguments.of("a connection ARN with a bad id",
                        "{ source: 'arn:aws:codeconnections:eu-west-3:123456789012:connection/abc' }",
                        "delivery.source", "a CodeConnections connection ARN"),
                Arguments.of("a connection of another region", "{ source: arn:aws:codestar-connections:us-east-1:"
                        + "123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d }",
                        "delivery.source", "a connection of the pipeline's region eu-west-3"),
                Arguments.of("a branch with spaces", "{ branch: 'my feature' }", "delivery.branch", "no spaces"),
                Arguments.of("a branch starting with -", "{ branch: -main }", "delivery.branch", "not starting with -"),
                Arguments.of("a repository without owner", "{ repository: backend }", "delivery.repository", "owner/name"),
                Arguments.of("an image retention of 0", "{ imagesKept: 0 }", "delivery.imagesKept", "1 to 1000"),
                Arguments.of("untagged images never expired", "{ untaggedImageExpiryDays: 0 }",
                        "delivery.untaggedImageExpiryDays", "1 to 365"),
                Arguments.of("artifacts kept forever", "{ artifactExpiryDays: 0 }", "delivery.artifactExpiryDays", "1 to 365"),
                Arguments.of("no approval in prod", "{ manualApproval: false }", "delivery.manualApproval", "true in prod"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("badDelivery")
    @Requirement("CI-3")
    void refusesBadDelivery(String why, String delivery, String field, String rule) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(delivery));
        assertThat(e).as(why).isNotNull();
        assertThat(e.problems()).as(why).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.rule()).contains(rule);
        });
    }
}
