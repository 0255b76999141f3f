package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is the one generated from the records. When a field
 * changes, regenerate it: {@code mvn -pl config test -Dtest=ConfigReferenceTest -Dmedsaas.updateReadme=true}.
 */
class ConfigReferenceTest {
    @Test
    @Requirement("CFG-1")
    void readmeConfigurationReferenceMatchesTheRecords() throws IOException {
        Path readme = ConfigLoaderTest.configDir().getParent().resolve("README.md");
        String text = Files.readString(readme);
        String expected = ConfigReference.updateReadme(text);
        if (Boolean.getBoolean("medsaas.updateReadme") && !expected.equals(text)) {
            Files.writeString(readme, expected);
            text = expected;
        }
        assertThat(text).as("README configuration reference is stale; regenerate it with -Dmedsaas.updateReadme=true")
                .isEqualTo(expected);
    }

    @Test
    @Requirement("CFG-1")
    void everyFieldIsDocumentedWithARuleOrADefault() {
        String table = ConfigReference.markdown();
        assertThat(table).contains("`network.vpcCidr` | string | `10.0.0.0/16`")
                .contains("`logging.retentionDays` | integer | `365`")
                .contains("`name` | string | **required**");
    }
}
