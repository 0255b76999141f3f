package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HARD-3: every Lambda function of the platform runs in the app tier with a security group of its
 * own, logs to a log group made beforehand (encrypted, retained: OBS-1) and reserves no
 * concurrency that a new account's reduced quota would refuse. The one function CDK builds itself
 * without letting us place it, the provider that strips the default security group (NET-6), logs
 * to a group of ours and is the exception docs/controls.md explains (CT.LAMBDA.PR.3).
 */
class LambdaPlacementTest {
    private static final String CDK_DEFAULT_GROUP_PROVIDER = "CustomVpcRestrictDefaultSGCustomResourceProviderHandler";

    @Test
    @Requirement("HARD-3")
    void everyFunctionIsInTheAppTierWithItsOwnGroupAndLogGroupAndNoReservedConcurrency() {
        List<String> wrong = new ArrayList<>();
        int functions = 0;
        for (String env : List.of("prod", "dev")) {
            for (StackTemplate stack : TestApps.assembly(env).stacks()) {
                Map<String, JsonNode> resources = stack.resources();
                for (Map.Entry<String, JsonNode> e : resources.entrySet()) {
                    if (!e.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
                        continue;
                    }
                    functions++;
                    JsonNode p = e.getValue().path("Properties");
                    String where = stack.stackName() + "/" + e.getKey();
                    if (p.has("ReservedConcurrentExecutions")) {
                        wrong.add(where + ": reserved concurrency");
                    }
                    String logGroup = p.path("LoggingConfig").path("LogGroup").path("Ref").asText();
                    JsonNode group = resources.get(logGroup);
                    if (group == null || !group.path("Properties").has("KmsKeyId")
                            || !group.path("Properties").has("RetentionInDays")) {
                        wrong.add(where + ": no encrypted, retained log group of its own");
                    }
                    if (e.getKey().startsWith(CDK_DEFAULT_GROUP_PROVIDER)) {
                        continue;
                    }
                    JsonNode vpc = p.path("VpcConfig");
                    if (vpc.path("SubnetIds").size() == 0 || vpc.path("SecurityGroupIds").size() != 1) {
                        wrong.add(where + ": not in the VPC with one security group");
                    }
                }
            }
        }
        assertThat(functions).isGreaterThanOrEqualTo(4);
        assertThat(wrong).isEmpty();
    }
}
