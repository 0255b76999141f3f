package fr.medsaas.compliance.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.config.Requirement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dated table of CloudFormation's handler permissions and its conditions (ACC-1). */
class HandlerPermissionsTest {
    private static final String HEADER = "type\thandler\tpermissions\tsource\tcommit\n";

    @Test
    @Requirement("ACC-1")
    void theShippedTableIsDatedAndNamesASourcePerRow() {
        HandlerPermissions t = HandlerPermissions.standard();
        assertThat(t.readOn()).isAfter(LocalDate.of(2026, 1, 1));
        assertThat(t.types()).contains("AWS::RDS::DBInstance", "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::KMS::Key");
        for (String type : t.types()) {
            for (HandlerPermissions.Row row : t.of(type).orElseThrow()) {
                assertThat(row.source()).as(type + " " + row.handler()).isNotBlank();
                assertThat(row.permissions()).as(type + " " + row.handler()).isNotEmpty();
            }
        }
        assertThat(t.of("AWS::RDS::DBInstance").orElseThrow().stream().map(HandlerPermissions.Row::handler))
                .containsExactly("create", "update", "delete");
        assertThat(t.of("AWS::SQS::Queue")).isEmpty();
    }

    @Test
    @Requirement("ACC-1")
    void aServicePrefixIsCaseInsensitiveAsInIam() {
        HandlerPermissions t = HandlerPermissions.parse("# read 2026-12-06\n" + HEADER
                + "AWS::CloudTrail::Trail\tcreate\tCloudTrail:CreateTrail,iam:GetRole\ts\tc\n", "t");
        assertThat(t.of("AWS::CloudTrail::Trail").orElseThrow().get(0).permissions())
                .containsExactly("cloudtrail:CreateTrail", "iam:GetRole");
    }

    @Test
    @Requirement("ACC-1")
    void aMalformedTableIsRefusedWithItsLine() {
        assertThatThrownBy(() -> HandlerPermissions.parse(HEADER + "AWS::X::Y\tcreate\tx:Y\ts\tc\n", "t.tsv"))
                .hasMessageContaining("t.tsv: no \"# read YYYY-MM-DD\" line");
        assertThatThrownBy(() -> HandlerPermissions.parse("# read 2026-12-06\n" + HEADER
                + "AWS::X::Y\tcreat\tx:Y\ts\tc\n", "t.tsv"))
                .hasMessageContaining("t.tsv line 3: handler \"creat\" is not one of create, update, delete, none");
        assertThatThrownBy(() -> HandlerPermissions.parse("# read 2026-12-06\n" + HEADER
                + "AWS::X::Y\tcreate\ts3:REST.PUT.OBJECT\ts\tc\n", "t.tsv"))
                .hasMessageContaining("\"s3:REST.PUT.OBJECT\" is not an IAM action");
        assertThatThrownBy(() -> HandlerPermissions.parse("# read 2026-12-06\ntype\tpermissions\n", "t.tsv"))
                .hasMessageContaining("t.tsv line 2: the header must be");
    }

    @Test
    @Requirement("ACC-1")
    void conditionsCoverAGlobAndAliasesNameWhatIamChecks() {
        HandlerPermissions t = HandlerPermissions.standard();
        assertThat(t.condition("AWS::S3::Bucket", "s3tables:CreateTable")).isPresent();
        assertThat(t.condition("AWS::S3::Bucket", "s3:CreateBucket")).isEmpty();
        assertThat(t.condition("AWS::IAM::Role", "iam:PutRolePermissionsBoundary")).isPresent();
        assertThat(t.condition("AWS::IAM::Role", "iam:PutRolePolicy")).isEmpty();
        assertThat(t.iamActions("s3:PutBucketReplication")).containsExactly("s3:PutReplicationConfiguration");
        assertThat(t.iamActions("cloudfront:CreateDistributionWithTags"))
                .containsExactly("cloudfront:CreateDistribution", "cloudfront:TagResource");
        assertThat(t.iamActions("logs:AllowVendedLogDeliveryForResource")).isEmpty();
        assertThat(t.iamActions("ec2:CreateVpc")).isEqualTo(List.of("ec2:CreateVpc"));
    }

    @Test
    @Requirement("ACC-1")
    void theTemplateReferenceLinkOfAType() {
        assertThat(HandlerPermissions.documentation("AWS::EC2::SecurityGroup")).isEqualTo(
                "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html");
    }
}
