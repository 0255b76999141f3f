package fr.medsaas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/** AUD-1: the decisions of the controls, on plain data: one case per way to fail, one compliant case. */
@Requirement("AUD-1")
class ControlLogicTest {
    @Test
    void tlsDenyIsFoundOnlyOnADenyOfSecureTransportFalse() {
        assertThat(ResourceControls.deniesInsecureTransport(ResourceControls.parse(
                "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"))).isTrue();
        assertThat(ResourceControls.deniesInsecureTransport(ResourceControls.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}}"))).isFalse();
        assertThat(ResourceControls.deniesInsecureTransport(ResourceControls.parse("{}"))).isFalse();
    }

    @Test
    void regionDenyMustListOnlyTheWorkloadsRegions() {
        List<String> ours = List.of("eu-west-3", "eu-central-1");
        String deny = "{\"Statement\":[{\"Effect\":\"Deny\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":%s}}}]}";
        assertThat(ResourceControls.deniesOtherRegions(ResourceControls.parse(deny.formatted("[\"eu-west-3\",\"eu-central-1\"]")), ours)).isTrue();
        assertThat(ResourceControls.deniesOtherRegions(ResourceControls.parse(deny.formatted("\"eu-west-3\"")), ours)).isTrue();
        assertThat(ResourceControls.deniesOtherRegions(ResourceControls.parse(deny.formatted("[\"eu-west-3\",\"us-east-1\"]")), ours)).isFalse();
        assertThat(ResourceControls.deniesOtherRegions(ResourceControls.parse("{\"Statement\":[]}"), ours)).isFalse();
    }

    @Test
    void retentionBoundsAre365To1095DaysAndNeverForever() {
        assertThat(ResourceControls.retentionStatus(365)).isEqualTo(Status.PASS);
        assertThat(ResourceControls.retentionStatus(1095)).isEqualTo(Status.PASS);
        assertThat(ResourceControls.retentionStatus(7)).isEqualTo(Status.FAIL);
        assertThat(ResourceControls.retentionStatus(1827)).isEqualTo(Status.FAIL);
        assertThat(ResourceControls.retentionStatus(null)).isEqualTo(Status.FAIL);
    }

    @Test
    void liveIngressByAddressRangeIsReadForIpv4AndIpv6() {
        List<ResourceControls.CidrRule> live = ResourceControls.liveCidrRules(List.of(
                IpPermission.builder().ipProtocol("tcp").fromPort(5432).toPort(5432).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build(),
                IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));
        assertThat(live).extracting(ResourceControls.CidrRule::describe)
                .containsExactly("tcp 5432 from 0.0.0.0/0", "tcp 5432 from ::/0", "all traffic from 10.0.0.0/8");
    }

    @Test
    void dataEventsCoverABucketByBasicOrAdvancedSelectors() {
        GetEventSelectorsResponse basic = GetEventSelectorsResponse.builder().eventSelectors(EventSelector.builder()
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3:::media/").build()).build()).build();
        assertThat(AccountControls.coversDataEvents(basic, "media")).isTrue();
        assertThat(AccountControls.coversDataEvents(basic, "other")).isFalse();
        GetEventSelectorsResponse advanced = GetEventSelectorsResponse.builder().advancedEventSelectors(AdvancedEventSelector.builder()
                .fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Data").build(),
                        AdvancedFieldSelector.builder().field("resources.type").equalsValue("AWS::S3::Object").build()).build()).build();
        assertThat(AccountControls.coversDataEvents(advanced, "media")).isTrue();
        assertThat(AccountControls.coversDataEvents(GetEventSelectorsResponse.builder().build(), "media")).isFalse();
    }

    @Test
    void aBackupPlanCopiesToTheBackupRegionOnlyByACopyActionThere() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        String plan = "{\"Rules\":[{\"CopyActions\":[{\"DestinationBackupVaultArn\":\"arn:aws:backup:%s:123456789012:backup-vault:v\"}]}]}";
        assertThat(AccountControls.copiesTo(m.readTree(plan.formatted("eu-central-1")), "eu-central-1")).isTrue();
        assertThat(AccountControls.copiesTo(m.readTree(plan.formatted("us-east-1")), "eu-central-1")).isFalse();
        assertThat(AccountControls.copiesTo(m.readTree("{\"Rules\":[{}]}"), "eu-central-1")).isFalse();
    }

    @Test
    void deniedThrottledAndUnansweredCallsGiveTheirReason() {
        assertThat(AwsAccess.reason(error(403, "AccessDenied"), "AccessDenied")).startsWith("denied (AccessDenied)");
        assertThat(AwsAccess.reason(error(400, "ThrottlingException"), "ThrottlingException"))
                .isEqualTo("throttled (ThrottlingException) after retries with backoff");
        assertThat(AwsAccess.reason(error(500, ""), "")).startsWith("HTTP 500 with no error code");
        assertThat(SignedJsonReads.reason(403, "AccessDeniedException", "no")).startsWith("denied (AccessDeniedException)");
    }

    @Test
    @Requirement("HARD-7")
    void aKeyPolicyMustNameItsUsersAndLeaveTheRootAdministrationOnly() {
        String root = "{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":%s,\"Resource\":\"*\"}";
        String named = "{\"Sid\":\"Use\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Decrypt\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/x\"]}}}";
        String service = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"kms:Decrypt\"}";
        String deny = "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:CreateGrant\"}";
        String admin = "[\"kms:CreateAlias\",\"kms:DescribeKey\",\"kms:PutKeyPolicy\",\"kms:List*\",\"kms:RevokeGrant\"]";
        // Ours: the root administers, the use names its role, services and denies are not the root's.
        assertThat(fr.medsaas.compliance.rules.access.KeyPolicyNames.problems(ResourceControls.parse(
                "{\"Statement\":[" + root.formatted(admin) + "," + named + "," + service + "," + deny + "]}"))).isEmpty();
        // The source's statement: the root may do anything.
        assertThat(fr.medsaas.compliance.rules.access.KeyPolicyNames.problems(ResourceControls.parse("{\"Statement\":" + root.formatted("\"kms:*\"") + "}")))
                .containsExactly("statement Admin lets the account root kms:*: any IAM policy of the account opens the key");
        // A cryptographic action or a grant slipped into the root's statement.
        assertThat(fr.medsaas.compliance.rules.access.KeyPolicyNames.problems(ResourceControls.parse("{\"Statement\":[" + root.formatted(
                "[\"kms:DescribeKey\",\"kms:Decrypt\",\"kms:CreateGrant\"]") + "]}")))
                .containsExactly("statement Admin lets the account root kms:Decrypt, kms:CreateGrant: any IAM policy of the "
                        + "account opens the key");
        // Any principal through a service, as the source's statements were: no role named.
        assertThat(fr.medsaas.compliance.rules.access.KeyPolicyNames.problems(ResourceControls.parse("{\"Statement\":[" + named.replace(
                "\"ArnLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/x\"]}",
                "\"StringEquals\":{\"kms:ViaService\":\"rds.eu-west-3.amazonaws.com\"}") + "]}")))
                .containsExactly("statement Use allows kms:Decrypt to any principal without aws:PrincipalArn");
        // The bare account id is the root too.
        assertThat(fr.medsaas.compliance.rules.access.KeyPolicyNames.problems(ResourceControls.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"111122223333\"},\"Action\":\"kms:Encrypt\"}}"))).hasSize(1);
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
    }

    @Test
    @Requirement("HARD-9")
    void aDetectorWithoutTheConfiguredProtectionPlansFails() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode all = json.readTree("""
                {"status": "ENABLED", "features": [{"name": "S3_DATA_EVENTS", "status": "ENABLED"},
                 {"name": "RDS_LOGIN_EVENTS", "status": "ENABLED"},
                 {"name": "RUNTIME_MONITORING", "status": "ENABLED", "additionalConfiguration": [
                   {"name": "ECS_FARGATE_AGENT_MANAGEMENT", "status": "ENABLED"}]}]}
                """);
        assertThat(AccountControls.missingFeatures(all, true, true)).isEmpty();
        com.fasterxml.jackson.databind.JsonNode agentOff = json.readTree("""
                {"status": "ENABLED", "features": [{"name": "S3_DATA_EVENTS", "status": "ENABLED"},
                 {"name": "RDS_LOGIN_EVENTS", "status": "DISABLED"},
                 {"name": "RUNTIME_MONITORING", "status": "ENABLED", "additionalConfiguration": [
                   {"name": "ECS_FARGATE_AGENT_MANAGEMENT", "status": "DISABLED"}]}]}
                """);
        assertThat(AccountControls.missingFeatures(agentOff, true, true))
                .containsExactly("RDS_LOGIN_EVENTS", "RUNTIME_MONITORING with ECS_FARGATE_AGENT_MANAGEMENT");
        // The backup region: no runtime monitoring expected there; nothing to say of an answer without features.
        assertThat(AccountControls.missingFeatures(agentOff, true, false)).containsExactly("RDS_LOGIN_EVENTS");
        assertThat(AccountControls.missingFeatures(json.readTree("{\"status\": \"ENABLED\"}"), true, true)).isEmpty();
    }
}
