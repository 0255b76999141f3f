package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OBS-1: every log group of every stack is KMS-encrypted, kept the configured time, and retained. */
class LogGroupsTest {
    @ParameterizedTest
    @ValueSource(strings = {"prod", "dev"})
    @Requirement("OBS-1")
    void everyLogGroupIsEncryptedKeptAYearAndRetained(String env) {
        int retention = TestApps.config(env).logging().retentionDays();
        List<String> seen = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (StackTemplate stack : TestApps.assembly(env).stacks()) {
            stack.resources().forEach((id, r) -> {
                if (!"AWS::Logs::LogGroup".equals(r.path("Type").asText())) {
                    return;
                }
                seen.add(r.path("Properties").path("LogGroupName").asText(id));
                if (r.path("Properties").path("KmsKeyId").isMissingNode()
                        || r.path("Properties").path("RetentionInDays").asInt() != retention
                        || !"RetainExceptOnCreate".equals(r.path("DeletionPolicy").asText())) {
                    wrong.add(stack.stackName() + "/" + id);
                }
            });
        }
        assertThat(wrong).as("log groups without KMS, with another retention, or not retained").isEmpty();
        String prefix = TestApps.config(env).namePrefix();
        assertThat(seen).contains("/ecs/" + prefix + "-django", "/ecs/" + prefix + "-celery",
                "/aws/ecs/containerinsights/" + prefix + "-cluster/performance",
                "/aws/vpc/" + prefix + "-flow-logs", "aws-waf-logs-" + prefix + "-alb-waf");
    }
}
