package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CFG-2: {@code config/medsaas.schema.json} is the schema generated from the records, each shipped
 * YAML file names it on its first line and is valid against it. When the records change, regenerate
 * it (and add the first line to a new file): {@code mvn -q -o -pl config test -Dtest=ConfigSchemaTest
 * -Dmedsaas.updateSchema=true}.
 */
@Requirement("CFG-2")
class ConfigSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final boolean UPDATE = Boolean.getBoolean("medsaas.updateSchema");

    private static Path schemaFile() {
        return ConfigLoaderTest.configDir().resolve(ConfigSchema.FILE_NAME);
    }

    private static JsonSchema schema() throws IOException {
        // While updating, the file may not be written yet: validate against what it will hold.
        JsonNode schema = UPDATE ? ConfigSchema.schema() : new ObjectMapper().readTree(schemaFile().toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }

    @Test
    void shippedSchemaIsTheOneGeneratedFromTheRecords() throws IOException {
        String expected = ConfigSchema.json();
        String actual = Files.exists(schemaFile()) ? Files.readString(schemaFile()) : "";
        if (UPDATE && !expected.equals(actual)) {
            Files.writeString(schemaFile(), expected);
            actual = expected;
        }
        assertThat(actual).as(schemaFile() + " is stale; regenerate it with -Dmedsaas.updateSchema=true").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    void shippedFileNamesTheSchemaAndIsValidAgainstIt(String env) throws IOException {
        Path file = ConfigLoaderTest.configDir().resolve(env + ".yaml");
        String text = Files.readString(file);
        if (UPDATE && !text.startsWith(ConfigSchema.MODELINE + "\n")) {
            text = ConfigSchema.MODELINE + "\n" + text;
            Files.writeString(file, text);
        }
        assertThat(text).as(file + " names the schema on its first line").startsWith(ConfigSchema.MODELINE + "\n");
        Set<ValidationMessage> problems = schema().validate(YAML.readTree(text));
        assertThat(problems).as(file + " against " + ConfigSchema.FILE_NAME).isEmpty();
    }

    @Test
    void schemaRefusesWhatTheLoaderRefuses() throws IOException {
        ObjectNode bad = (ObjectNode) YAML.readTree("name: qa\nnetwork: { natGatewayz: 1 }\ndata: { redis: { engine: memcached } }\n");
        Set<ValidationMessage> problems = schema().validate(bad);
        assertThat(problems.toString()).contains("$.name").contains("natGatewayz").contains("$.data.redis.engine");
        ObjectNode noName = (ObjectNode) YAML.readTree("environmentTag: dev\n");
        assertThat(schema().validate(noName).toString()).contains("name");
    }

    @Test
    void everyFieldCarriesItsMeaningDefaultAndRule() {
        JsonNode retention = ConfigSchema.schema().path("properties").path("logging").path("properties").path("retentionDays");
        assertThat(retention.path("type").asText()).isEqualTo("integer");
        assertThat(retention.path("default").asInt()).isEqualTo(365);
        assertThat(retention.path("description").asText()).contains("Default: 365").contains("Rule:");
        assertThat(ConfigSchema.schema().path("required").toString()).contains("\"name\"");
        assertThat(ConfigSchema.schema().path("additionalProperties").asBoolean(true)).isFalse();
    }
}
