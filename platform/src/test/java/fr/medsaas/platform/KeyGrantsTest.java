package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HARD-4: every KMS key of every stack, in every region, allows {@code kms:CreateGrant} only for
 * AWS resources ({@code kms:GrantIsForAWSResource}), and denies it otherwise to every principal,
 * the account's administrators included.
 */
class KeyGrantsTest {
    private static boolean grants(JsonNode statement) {
        JsonNode actions = statement.path("Action");
        List<String> list = new ArrayList<>();
        if (actions.isArray()) {
            actions.forEach(a -> list.add(a.asText()));
        } else {
            list.add(actions.asText());
        }
        return list.stream().anyMatch(a -> a.equals("kms:*") || a.equals("kms:CreateGrant") || a.equals("kms:Create*"));
    }

    /**
     * A statement to the account itself delegates to IAM (the source's "Enable IAM User
     * Permissions", and those CDK adds for Secrets Manager): IAM policies decide, and the deny
     * statement still refuses their grants for anything but an AWS resource.
     */
    private static boolean toAccountRoot(JsonNode statement) {
        return statement.path("Principal").path("AWS").toString().contains(":root");
    }

    @Test
    @Requirement("HARD-4")
    void everyKeyAllowsGrantsOnlyForAwsResourcesAndDeniesTheRest() {
        List<String> wrong = new ArrayList<>();
        int keys = 0;
        for (String env : List.of("prod", "dev")) {
            for (StackTemplate stack : TestApps.assembly(env).stacks()) {
                for (java.util.Map.Entry<String, JsonNode> e : stack.resources().entrySet()) {
                    JsonNode r = e.getValue();
                    if (!r.path("Type").asText().equals("AWS::KMS::Key")) {
                        continue;
                    }
                    keys++;
                    boolean denied = false;
                    for (JsonNode st : r.path("Properties").path("KeyPolicy").path("Statement")) {
                        if (!grants(st)) {
                            continue;
                        }
                        String grantCondition = st.path("Condition").path("Bool").path("kms:GrantIsForAWSResource").asText();
                        if (st.path("Effect").asText().equals("Deny")) {
                            JsonNode unless = st.path("Condition").path("BoolIfExists");
                            denied |= unless.path("kms:GrantIsForAWSResource").asText().equals("false")
                                    && unless.path("aws:PrincipalIsAWSService").asText().equals("false")
                                    && st.path("Principal").path("AWS").asText().equals("*");
                        } else if (!grantCondition.equals("true") && !toAccountRoot(st)) {
                            wrong.add(stack.stackName() + "/" + e.getKey() + " " + st.path("Sid").asText());
                        }
                    }
                    if (!denied) {
                        wrong.add(stack.stackName() + "/" + e.getKey() + " has no deny of grants for non-AWS resources");
                    }
                }
            }
        }
        assertThat(keys).isGreaterThanOrEqualTo(12);
        assertThat(wrong).isEmpty();
    }
}
