package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Issue 14, item 4: every bucket of every stack refuses old TLS; services write for this account only; our key only. */
class BucketPoliciesTest {
    private static final List<Template> STACKS = new ArrayList<>();
    private static Template media;

    @BeforeAll
    static void synthesizeOnce() {
        MedSaasApp app = TestApps.app("prod");
        for (Stack stack : app.stacks()) {
            STACKS.add(TestApps.template(stack));
        }
        media = TestApps.template(app.media());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                .get("PolicyDocument")).get("Statement");
    }

    @Test
    @Requirement("S3-3")
    void everyBucketOfEveryStackHasAPolicyDenyingTlsBelow12() {
        int buckets = 0;
        for (Template t : STACKS) {
            Map<String, Map<String, Object>> all = t.findResources("AWS::S3::Bucket");
            buckets += all.size();
            for (String bucket : all.keySet()) {
                Map<String, Map<String, Object>> policies = t.findResources("AWS::S3::BucketPolicy", Map.of(
                        "Properties", Match.objectLike(Map.of("Bucket", Map.of("Ref", bucket)))));
                assertThat(policies).as(bucket).hasSize(1);
                assertThat(statements(policies.values().iterator().next())).as(bucket).anySatisfy(s -> {
                    assertThat(s).containsEntry("Effect", "Deny");
                    assertThat(String.valueOf(s.get("Condition"))).contains("NumericLessThan={s3:TlsVersion=1.2}");
                });
            }
        }
        assertThat(buckets).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Requirement("S3-3")
    void everyServiceWritingToABucketDoesSoForThisAccountOnly() {
        for (Template t : STACKS) {
            for (Map<String, Object> policy : t.findResources("AWS::S3::BucketPolicy").values()) {
                for (Map<String, Object> s : statements(policy)) {
                    if ("Allow".equals(s.get("Effect")) && String.valueOf(s.get("Principal")).contains("Service")) {
                        String condition = String.valueOf(s.get("Condition"));
                        // The account itself, or a source ARN of this account (CloudFront's
                        // distributions, CloudTrail's trail, as CDK's Trail writes its statements).
                        boolean accountBound = condition.contains("aws:SourceAccount")
                                || condition.toLowerCase(java.util.Locale.ROOT).contains("aws:sourcearn")
                                && condition.contains("AWS::AccountId");
                        assertThat(accountBound).as(String.valueOf(s)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @Requirement("S3-2")
    void theMediaBucketRefusesUploadsUnderAnotherKey() {
        media.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of(
                                "Sid", "DenyUploadsUnderAnotherKey", "Effect", "Deny", "Action", "s3:PutObject",
                                "Condition", Match.objectLike(Map.of(
                                        "Null", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id", "false"),
                                        "StringNotEquals", Map.of("s3:x-amz-server-side-encryption-aws-kms-key-id",
                                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysS3.*"))))))),
                        Match.objectLike(Map.of(
                                "Sid", "DenyKmsUploadsWithoutAKeyId", "Effect", "Deny",
                                "Condition", Map.of("Null", Map.of("s3:x-amz-server-side-encryption", "false",
                                        "s3:x-amz-server-side-encryption-aws-kms-key-id", "true")))))))))));
    }
}
