package fr.medsaas.platform.nag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.config.Requirement;
import org.junit.jupiter.api.Test;

/** CMPL-1: how acknowledgements are named, and that each needs a reason. */
class AcknowledgeTest {

    @Test
    @Requirement("CMPL-1")
    void findingsOfOurPacksAreRecognisedWhateverTheyHoldInBrackets() {
        assertThat(Acknowledge.isNagRule("AwsSolutions-RDS11")).isTrue();
        assertThat(Acknowledge.isNagRule("NIST.800.53.R5-LambdaDLQ")).isTrue();
        assertThat(Acknowledge.isNagRule("HIPAA.Security-RDSLoggingEnabled[LogExport::postgresql]")).isTrue();
        assertThat(Acknowledge.isNagRule(
                "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]"))
                .isTrue();
        assertThat(Acknowledge.isNagRule("CloudFormation-Validate::W3010")).isFalse();
    }

    @Test
    void refusesAnAcknowledgementWithoutARealReason() {
        assertThatThrownBy(() -> Acknowledge.rule(null, "AwsSolutions-S1", "because"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AwsSolutions-S1");
    }
}
