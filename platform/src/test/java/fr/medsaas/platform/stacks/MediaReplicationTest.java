package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.media.MediaDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The media bucket's replication to eu-central-1 (S3-5) and CloudFront's failover to the replica (CF-5). */
class MediaReplicationTest {
    private static Template media;
    private static Template replica;
    private static Template devMedia;

    @BeforeAll
    static void templates() {
        MedSaasApp app = TestApps.app("prod");
        media = TestApps.template(app.media());
        replica = TestApps.template(app.replica());
        devMedia = TestApps.template(TestApps.app("dev").media());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyRule(Template t) {
        Capture rules = new Capture();
        t.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketName", Match.stringLikeRegexp("medical-saas-media-.*"),
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", rules))));
        assertThat(rules.asArray()).hasSize(1);
        return (Map<String, Object>) rules.asArray().get(0);
    }

    @Test
    @Requirement("S3-5")
    void s3_5_everyObjectIsReplicatedToTheReplicaBucketReEncryptedWithTheEuCentral1Key() {
        Map<String, Object> rule = onlyRule(media);
        assertThat(rule).containsEntry("Status", "Enabled").containsEntry("Filter", Map.of("Prefix", ""))
                .containsEntry("SourceSelectionCriteria", Map.of("SseKmsEncryptedObjects", Map.of("Status", "Enabled")))
                .containsEntry("DeleteMarkerReplication", Map.of("Status", "Enabled"));
        @SuppressWarnings("unchecked")
        Map<String, Object> destination = (Map<String, Object>) rule.get("Destination");
        assertThat(destination.get("Bucket").toString()).endsWith(":s3:::medical-saas-media-prod-replica]]}");
        // The replica key's ARN, read from the Replica stack's output in eu-central-1 when Media deploys.
        Map<?, ?> reference = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) destination.get("EncryptionConfiguration"))
                .get("ReplicaKmsKeyID")).get("Fn::GetStackOutput");
        assertThat(reference.get("StackName")).isEqualTo("MedSaas-prod-Replica");
        assertThat(reference.get("Region")).isEqualTo("eu-central-1");
        String outputName = (String) reference.get("OutputName");
        String s3Key = replica.getResourceId("AWS::KMS::Key", Map.of("Properties", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp("S3 media.*")))));
        replica.hasOutput(outputName, Map.of("Value", Map.of("Fn::GetAtt", List.of(s3Key, "Arn"))));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_prodHasReplicationMetricsAndTimeControlDevMetricsOnly() {
        assertThat(onlyRule(media).get("Destination").toString())
                .contains("Metrics={EventThreshold={Minutes=15}, Status=Enabled}")
                .contains("ReplicationTime={Status=Enabled, Time={Minutes=15}}");
        assertThat(onlyRule(devMedia).get("Destination").toString())
                .contains("Metrics={EventThreshold={Minutes=15}, Status=Enabled}").doesNotContain("ReplicationTime");
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicationRoleIsTrustedByS3ForThisBucketOnly() {
        String role = ((Map<?, ?>) media.findResources("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of(
                "BucketName", "medical-saas-media-prod")))).values().iterator().next().get("Properties"))
                .get("ReplicationConfiguration").toString();
        assertThat(role).contains("Role={Fn::GetAtt=[ReplicationRole");
        media.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))))))));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicationRoleMayDoOnlyReplicationOnTheTwoBucketsAndUseTheTwoKeysThroughS3() {
        Capture statements = new Capture();
        media.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("Description", Match.stringLikeRegexp(".*S3 replication.*"),
                "PolicyDocument", Match.objectLike(Map.of("Statement", statements))));
        List<String> all = statements.asArray().stream().map(Object::toString).toList();
        assertThat(all).hasSize(5);
        for (String s : all) {
            assertThat(s).doesNotContain("Resource=*").doesNotContain("s3:*").doesNotContain("kms:*")
                    .doesNotContain("s3:PutObject,").doesNotContain("s3:DeleteObject");
            if (s.contains("s3:")) {
                assertThat(s).containsAnyOf(":s3:::medical-saas-media-prod]", ":s3:::medical-saas-media-prod/*",
                        ":s3:::medical-saas-media-prod-replica/*");
            }
        }
        assertThat(all.get(3)).contains("Action=kms:Decrypt").contains("kms:ViaService=s3.eu-west-3.amazonaws.com")
                .contains("KeysS3A8F0A1AC");
        assertThat(all.get(4)).contains("kms:Encrypt").contains("kms:ViaService=s3.eu-central-1.amazonaws.com")
                .contains("Fn::GetStackOutput");
    }

    @Test
    @Requirement("CF-5")
    void cf5_anOriginGroupFailsOverToTheReplicaThroughTheSameOacOnServerErrorsOnly() {
        String oac = media.getResourceId("AWS::CloudFront::OriginAccessControl");
        Capture origins = new Capture();
        Capture groups = new Capture();
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Origins", origins, "OriginGroups", groups))));
        assertThat(origins.asArray()).hasSize(2).allSatisfy(o -> assertThat(o.toString())
                .contains("OriginAccessControlId={Fn::GetAtt=[" + oac + ", Id]}").contains("OriginAccessIdentity="));
        assertThat(origins.asArray().get(1).toString())
                .contains("DomainName=medical-saas-media-prod-replica.s3.eu-central-1.amazonaws.com");
        assertThat(groups.asObject().toString()).contains("Items=[500, 502, 503, 504]").contains("Quantity=4");
        assertThat(MediaDistribution.FAILOVER_STATUS_CODES).doesNotContain(403, 404);
        // The default behaviour targets the group.
        assertThat(media.toJSON().toString()).contains("TargetOriginId=MedSaasprodMediaDistributionOriginGroup");
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theMediaBucketNoLongerAcknowledgesMissingReplication() {
        Map<String, Map<String, Object>> bucket = media.findResources("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of(
                "BucketName", "medical-saas-media-prod"))));
        assertThat(bucket.values().iterator().next().get("Metadata").toString()).doesNotContain("S3BucketReplicationEnabled");
    }

    @Test
    @Requirement("CF-5")
    void cf5_theMediaStackDeploysAfterTheReplicaItReadsNeverTheReverse() {
        MedSaasApp app = TestApps.app("prod");
        assertThat(app.media().getDependencies()).contains(app.replica());
        assertThat(app.replica().getDependencies()).doesNotContain(app.media());
        assertThat(app.stacks().indexOf(app.replica())).isLessThan(app.stacks().indexOf(app.media()));
    }
}
