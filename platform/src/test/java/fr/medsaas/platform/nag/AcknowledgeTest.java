package fr.medsaas.platform.nag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CMPL-1: how acknowledgements are named for CDK and cdk-nag. */
class AcknowledgeTest {

    @Test
    void cmpl1_aRuleIdIsQualifiedWithItsPack() {
        assertThat(Acknowledge.qualify("AwsSolutions-RDS11")).isEqualTo("AwsSolutions::AwsSolutions-RDS11");
        assertThat(Acknowledge.qualify("NIST.800.53.R5-LambdaDLQ")).isEqualTo("NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ");
        assertThat(Acknowledge.qualify("CloudFormation-Validate::W3010")).isEqualTo("CloudFormation-Validate::W3010");
    }

    @Test
    void cmpl1_aFindingWithTheDelimiterInsideIsRecordedAsThePackPrintsIt() {
        assertThat(Acknowledge.findingHoldsDelimiter("AwsSolutions-IAM5[Resource::*]")).isTrue();
        assertThat(Acknowledge.findingHoldsDelimiter(
                "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]"))
                .isTrue();
        assertThat(Acknowledge.findingHoldsDelimiter("AwsSolutions-L1")).isFalse();
        assertThat(Acknowledge.findingHoldsDelimiter("HIPAA.Security-RDSLoggingEnabled[LogExport::postgresql]")).isTrue();
        assertThat(Acknowledge.findingHoldsDelimiter("AwsSolutions-IAM5[Action::s3:*]")).isTrue();
        assertThat(Acknowledge.findingHoldsDelimiter("AwsSolutions-XYZ[plain]")).isFalse();
    }
}
