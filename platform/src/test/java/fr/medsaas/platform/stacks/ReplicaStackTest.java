package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Replica stack of prod in eu-central-1: its keys (REG-2), the media replica bucket (S3-5) and its policy (CF-5). */
class ReplicaStackTest {
    private static final String REPLICA = "medical-saas-media-prod-replica";
    private static Template replica;

    @BeforeAll
    static void templates() {
        replica = TestApps.template(TestApps.app("prod").replica());
    }

    private static String keyId(String description) {
        return replica.getResourceId("AWS::KMS::Key", Map.of("Properties", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp(description + ".*")))));
    }

    private static List<Object> keyStatements(String description) {
        Capture statements = new Capture();
        replica.hasResourceProperties("AWS::KMS::Key", Map.of("Description", Match.stringLikeRegexp(description + ".*"),
                "KeyPolicy", Match.objectLike(Map.of("Statement", statements))));
        return statements.asArray();
    }

    @Test
    @Requirement("REG-2")
    void reg2_theReplicaStackIsInEuCentral1WithAnS3AndABackupKeyOfThatRegion() {
        StackTemplate stack = TestApps.assembly("prod").stacks().stream()
                .filter(s -> s.stackName().equals("MedSaas-prod-Replica")).findFirst().orElseThrow();
        assertThat(stack.region()).isEqualTo("eu-central-1");
        replica.resourceCountIs("AWS::KMS::Key", 2);
        replica.allResources("AWS::KMS::Key", Map.of("Properties", Match.objectLike(Map.of("EnableKeyRotation", true)),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain"));
        replica.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/medical-saas-s3-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(keyId("S3 media"), "Arn"))));
        replica.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/medical-saas-backup-key",
                "TargetKeyId", Map.of("Fn::GetAtt", List.of(keyId("AWS Backup"), "Arn"))));
    }

    @Test
    @Requirement("REG-2")
    void reg2_theKeysAreUsedOnlyThroughServicesOfEuCentral1() {
        List<Object> s3 = keyStatements("S3 media");
        assertThat(s3).anySatisfy(st -> assertThat(st.toString())
                .contains("kms:ViaService=s3.eu-central-1.amazonaws.com").contains("kms:CallerAccount"));
        List<Object> backup = keyStatements("AWS Backup");
        assertThat(backup).anySatisfy(st -> assertThat(st.toString()).contains("kms:ViaService=backup.eu-central-1.amazonaws.com"));
        assertThat(backup).anySatisfy(st -> assertThat(st.toString()).contains("kms:ViaService=rds.eu-central-1.amazonaws.com"));
        assertThat(backup.toString()).doesNotContain("eu-west-3").doesNotContain("cloudfront");
    }

    @Test
    @Requirement("CF-5")
    void cf5_theReplicaKeyLetsCloudFrontDecryptOnlyThroughS3ForThisAccountsDistributions() {
        List<Object> cloudFront = keyStatements("S3 media").stream().filter(s -> s.toString().contains("cloudfront")).toList();
        assertThat(cloudFront).singleElement().satisfies(s -> assertThat(s.toString())
                .contains("Action=kms:Decrypt").contains("Service=cloudfront.amazonaws.com")
                .contains("kms:ViaService=s3.eu-central-1.amazonaws.com").contains("AWS:SourceArn")
                .contains(":cloudfront::").contains(":distribution/*"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaBucketIsEncryptedWithTheEuCentral1KeyVersionedPrivateLoggedTaggedAndRetained() {
        replica.hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Match.objectLike(Map.of(
                        "BucketName", REPLICA,
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                                "BucketKeyEnabled", true,
                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                        "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(keyId("S3 media"), "Arn"))))))),
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                        "LoggingConfiguration", Match.objectLike(Map.of("DestinationBucketName", Map.of("Ref",
                                replica.getResourceId("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of(
                                        "BucketName", REPLICA + "-access-logs"))))))),
                        "Tags", Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive"))))),
                "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaBucketPolicyIsTlsOnlyRegionBoundAndOpensOnlyToCloudFrontOfThisAccount() {
        String bucket = replica.getResourceId("AWS::S3::Bucket", Map.of("Properties", Match.objectLike(Map.of("BucketName", REPLICA))));
        Capture statements = new Capture();
        replica.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("Bucket", Map.of("Ref", bucket),
                "PolicyDocument", Match.objectLike(Map.of("Statement", statements))));
        String all = statements.asArray().toString();
        assertThat(all).contains("aws:SecureTransport=false").contains("s3:TlsVersion=1.2")
                .contains("Sid=RestrictToEUOnly").contains("aws:RequestedRegion=[eu-west-3, eu-central-1]")
                .contains("Sid=DenyUploadsNotUnderKms");
        List<Object> allows = statements.asArray().stream().filter(s -> s.toString().contains("Effect=Allow")).toList();
        assertThat(allows).singleElement().satisfies(s -> assertThat(s.toString())
                .contains("Service=cloudfront.amazonaws.com").contains("Action=s3:GetObject")
                .contains("AWS:SourceArn").contains(":distribution/*"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_theReplicaDependsOnNoOtherStack() {
        // It deploys first in its region: the Media stack reads its key, not the other way round.
        assertThat(TestApps.app("prod").replica().getDependencies()).isEmpty();
        assertThat(replica.toJSON().toString()).doesNotContain("Fn::ImportValue").doesNotContain("Fn::GetStackOutput");
    }
}
