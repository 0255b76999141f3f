package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CFG-2: a file that could be read two ways is refused: a key given twice, a name that is not the --env. */
@Requirement("CFG-2")
class UnambiguousConfigTest {
    private static final String CERT = "app: { certificateArn: "
            + "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000 }\n";

    @Test
    void refusesATopLevelKeyGivenTwiceNamingTheKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("name: prod\n" + CERT + "name: dev\n", "twice.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twice.yaml")
                .hasMessageContaining("name: value \"key given twice at line 3\"")
                .hasMessageContaining("each key once in a mapping");
    }

    @Test
    void refusesANestedKeyGivenTwiceNamingItsPath() {
        String text = "name: prod\n" + CERT + "data:\n  postgres:\n    multiAz: true\n    backupRetentionDays: 30\n"
                + "    multiAz: false\n";
        assertThatThrownBy(() -> ConfigLoader.parse(text, "nested.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("data.postgres.multiAz: value \"key given twice at line 7\"");
    }

    @Test
    void refusesAFileWhoseNameIsNotTheEnvironmentAskedFor(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("keys"));
        Files.copy(ConfigLoaderTest.configDir().resolve("keys/media-url-signing-sample.pem"),
                tmp.resolve("keys/media-url-signing-sample.pem"));
        Path staging = Files.writeString(tmp.resolve("staging-like.yaml"), "name: staging\n" + CERT);
        assertThatThrownBy(() -> ConfigLoader.load(staging, "prod"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("staging-like.yaml")
                .hasMessageContaining("name: value \"staging\" is refused: the environment asked for with --env, prod");
        assertThat(ConfigLoader.load(staging, "staging").name()).isEqualTo("staging");
    }

    @Test
    void shippedFilesNameTheirEnvironment() {
        for (String env : EnvironmentConfig.KNOWN_ENVIRONMENTS) {
            assertThat(ConfigLoader.load(ConfigLoaderTest.configDir().resolve(env + ".yaml"), env).name()).isEqualTo(env);
        }
    }
}
