package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CFG-1: the shipped environments load, prod holds the source's values, bad input is refused. */
class ConfigLoaderTest {
    static Path configDir() {
        String root = System.getProperty("medsaas.root");
        return root == null ? Path.of("..", "config") : Path.of(root, "config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    @Requirement("CFG-1")
    void shippedEnvironmentsLoadAndValidate(String env) {
        EnvironmentConfig config = ConfigLoader.loadEnvironment(configDir(), env);
        assertThat(config.name()).isEqualTo(env);
        assertThat(ConfigValidator.validate(config)).isEmpty();
    }

    @Test
    @Requirement("CFG-1")
    void prodHoldsTheSourceDocumentsValues() {
        EnvironmentConfig prod = ConfigLoader.loadEnvironment(configDir(), "prod");
        assertThat(prod.regions()).isEqualTo(new RegionsConfig("eu-west-3", "eu-central-1", "us-east-1"));
        assertThat(prod.network().vpcCidr()).isEqualTo("10.0.0.0/16");
        assertThat(prod.network().availabilityZones()).containsExactly("eu-west-3a", "eu-west-3b", "eu-west-3c");
        assertThat(prod.network().publicSubnetCidrs()).startsWith("10.0.1.0/24");
        assertThat(prod.network().appSubnetCidrs()).startsWith("10.0.10.0/24");
        assertThat(prod.network().dbSubnetCidrs()).startsWith("10.0.20.0/24");
        assertThat(prod.network().natGateways()).isEqualTo(3);
        assertThat(prod.logging().retentionDays()).isEqualTo(365);
        assertThat(prod.physicalName("vpc")).isEqualTo("medical-saas-vpc");
        assertThat(prod.environmentTag()).isEqualTo("production");
    }

    @Test
    @Requirement("CFG-1")
    void defaultsAreProdValues() {
        // A file with only a name gets every default; the defaults are the source's (prod) values.
        EnvironmentConfig minimal = ConfigLoader.parse("name: prod\napp: { certificateArn: "
                + "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000 }\n", "minimal.yaml");
        EnvironmentConfig prod = ConfigLoader.loadEnvironment(configDir(), "prod");
        // Except who is alerted: the source names nobody, and prod.yaml gives an example address.
        assertThat(minimal).usingRecursiveComparison().ignoringFields("observability.alertEmails").isEqualTo(prod);
        assertThat(prod.observability().alertEmails()).containsExactly("alerts@example.org");
    }

    @Test
    void refusesAnUnknownEnvironmentName() {
        assertThatThrownBy(() -> ConfigLoader.loadEnvironment(configDir(), "nowhere"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"nowhere\"")
                .hasMessageContaining("one of prod, staging, dev");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("does-not-exist.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does-not-exist.yaml")
                .hasMessage("configuration file does-not-exist.yaml does not exist");
    }

    @Test
    void refusesMalformedYaml() {
        assertThatThrownBy(() -> ConfigLoader.parse("name: prod\nnetwork: [unclosed\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessage("configuration file bad.yaml is not valid YAML at line 3, column 1: while parsing a flow sequence, "
                        + "expected ',' or ']', but got <stream end>");
    }

    @Test
    void aYamlErrorIsReportedAtItsOwnLineAndColumnCountedFromOne() {
        // SnakeYAML's marks count from 0; Jackson's location is where its parser stood (the line before).
        assertThatThrownBy(() -> ConfigLoader.parse("name: prod\nnetwork:\n  natGateways: 1: 2\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file bad.yaml is not valid YAML at line 3, column 17: mapping values are not allowed here");
    }

    @Test
    void refusesEveryProblemAtOnce() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.parse("""
                name: prod
                regions: { primary: us-east-1 }
                logging: { retentionDays: 30 }
                app: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000 }
                """, "many.yaml"));
        assertThat(e.problems()).extracting(Problem::field)
                .contains("regions.primary", "logging.retentionDays");
        assertThat(e.getMessage()).contains("many.yaml").contains("problems");
    }

    @Test
    void refusesTypeAndRuleProblemsTogetherInOneRound() {
        // A missing required field and a wrong type no longer hide the rules of the other fields.
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.parse("""
                name: prod
                regions: { primary: us-east-1 }
                network: { natGateways: three }
                logging: { retentionDays: 30 }
                """, "round.yaml"));
        assertThat(e.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("network.natGateways", "app.certificateArn", "regions.primary",
                        "logging.retentionDays",
                        // the default zones are Paris's, not of the us-east-1 the file names
                        "network.availabilityZones[0]", "network.availabilityZones[1]", "network.availabilityZones[2]");
    }
}
