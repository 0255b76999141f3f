package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SEC-1, DB-3, RD-3: no secret value in any synthesized template, only dynamic references. */
class NoLiteralSecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    @Requirement("SEC-1")
    void noTemplateHoldsASecretValue(String env) {
        List<String> findings = new ArrayList<>();
        int credentialProperties = 0;
        for (StackTemplate stack : TestApps.assembly(env).stacks()) {
            LiteralSecrets.Result r = LiteralSecrets.scan(stack.stackName(), stack.template());
            findings.addAll(r.findings());
            credentialProperties += r.credentialPropertiesChecked();
        }
        assertThat(findings).as("secret-looking values in the templates of " + env).isEmpty();
        // MasterUserPassword and AuthToken at least: the scan saw the properties it guards.
        assertThat(credentialProperties).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Requirement("SEC-1")
    void everySecretIsGeneratedOrBuiltNeverGivenInTheTemplate() {
        for (String env : List.of("prod", "dev")) {
            for (StackTemplate stack : TestApps.assembly(env).stacks()) {
                stack.resources().forEach((id, r) -> {
                    if (r.path("Type").asText().equals("AWS::SecretsManager::Secret")) {
                        assertThat(r.path("Properties").has("SecretString")).as(stack.stackName() + "/" + id).isFalse();
                    }
                });
            }
        }
    }

    @Test
    void refusesALiteralMasterPassword() {
        JsonNode t = json("{'Resources': {'Db': {'Type': 'AWS::RDS::DBInstance', 'Properties': "
                + "{'MasterUserPassword': 'correct-horse-battery'}}}}");
        assertThat(LiteralSecrets.scan("t", t).findings()).singleElement().asString().contains("MasterUserPassword");
    }

    @Test
    void refusesALiteralJoinedIntoADynamicReference() {
        JsonNode t = json("{'Resources': {'R': {'Properties': {'AuthToken': {'Fn::Join': ['', "
                + "['{{resolve:secretsmanager:', {'Ref': 'S'}, ':SecretString:::}}', 'extra']]}}}}}");
        assertThat(LiteralSecrets.scan("t", t).findings()).hasSize(1);
    }

    @Test
    void refusesARandomLookingValueAnywhere() {
        JsonNode t = json("{'Resources': {'F': {'Properties': {'Environment': {'Variables': "
                + "{'FIELD_ENCRYPTION_KEY': 'q3Zt9XvB1mKp7RwL2nYc8HdF5sJg0aUe4iTo6Nb='}}}}}}");
        assertThat(LiteralSecrets.scan("t", t).findings()).singleElement().asString().contains("FIELD_ENCRYPTION_KEY");
    }

    @Test
    void acceptsDynamicReferencesAndResourceNames() {
        JsonNode t = json("{'Resources': {'R': {'Properties': {"
                + "'AuthToken': {'Fn::Join': ['', ['{{resolve:secretsmanager:', {'Ref': 'RedisAuthToken9E34F6A5'}, ':SecretString:::}}']]},"
                + "'MasterUserPassword': '{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-3:1:secret:x:SecretString:password::}}',"
                + "'KmsKeyId': {'Fn::ImportValue': 'MedSaas-prod-Keys:ExportsOutputFnGetAttKeysSecretsC2A8CD45Arn27D50E79'},"
                + "'Description': 'Master user of PostgreSQL medical-saas-postgres'}}}}");
        LiteralSecrets.Result r = LiteralSecrets.scan("t", t);
        assertThat(r.findings()).isEmpty();
        assertThat(r.credentialPropertiesChecked()).isEqualTo(2);
    }
}
