package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.config.SigningPublicKey;
import fr.medsaas.platform.Acknowledgements;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.edge.CdnLogDelivery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Media stack of prod (S3-1..4, CF-1..4, REG-4), and its us-east-1 log delivery (CF-4). */
class MediaStackTest {
    /** CloudFront's managed CachingDisabled cache policy (TTLs 0, nothing in the cache key). */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    private static EnvironmentConfig config;
    private static Template media;
    private static Template keys;
    private static Template edgeLogging;
    private static String mediaBucket;

    @BeforeAll
    static void templates() {
        config = TestApps.config("prod");
        MedSaasApp app = TestApps.app("prod");
        media = TestApps.template(app.media());
        keys = TestApps.template(app.keys());
        edgeLogging = TestApps.template(app.edgeLogging());
        mediaBucket = bucketId("medical-saas-media-prod");
    }

    private static String bucketId(String name) {
        return media.getResourceId("AWS::S3::Bucket", Map.of("Properties", Map.of("BucketName", name)));
    }

    private static Map<String, Object> resource(Template template, String logicalId) {
        return template.toJSON().entrySet().stream().filter(e -> e.getKey().equals("Resources")).findFirst()
                .map(e -> asMap(asMap(e.getValue()).get(logicalId))).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** The media bucket policy's statements, in template order. */
    private static List<Object> mediaBucketStatements() {
        Capture statements = new Capture();
        media.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", mediaBucket),
                "PolicyDocument", Map.of("Statement", statements)));
        return statements.asArray();
    }

    private static Map<String, Object> bucketArnAndObjects() {
        return Map.of("Resource", List.of(
                Map.of("Fn::GetAtt", List.of(mediaBucket, "Arn")),
                Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(mediaBucket, "Arn")), "/*")))));
    }

    // ---- S3-1..4: the media bucket ----

    @Test
    @Requirement("S3-1")
    void theMediaBucketHasTheConfiguredNameAndIsInThePrimaryRegion() {
        assertThat(mediaBucket).isNotNull();
        StackTemplate stack = TestApps.assembly("prod").stacks().stream()
                .filter(s -> s.stackName().equals("MedSaas-prod-Media")).findFirst().orElseThrow();
        assertThat(stack.region()).isEqualTo("eu-west-3");
    }

    @Test
    @Requirement("S3-1")
    void theMediaBucketIsRetainedAndTaggedMedicalSensitive() {
        media.hasResource("AWS::S3::Bucket", Map.of(
                "Properties", Map.of("BucketName", "medical-saas-media-prod",
                        "Tags", Match.arrayWith(List.of(Map.of("Key", "DataType", "Value", "medical-sensitive")))),
                "DeletionPolicy", "RetainExceptOnCreate",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    @Requirement("S3-2")
    void encryptedWithTheS3CustomerManagedKeyOfTheKeysStackAndABucketKey() {
        Capture keyArn = new Capture();
        media.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "medical-saas-media-prod",
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "BucketKeyEnabled", true,
                        "BlockedEncryptionTypes", Map.of("EncryptionType", List.of("SSE-C")),
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", keyArn))))));
        // The export of the Keys stack's S3 key (alias/medical-saas-s3-key), whose logical ID is pinned.
        assertThat(keyArn.asObject().get("Fn::ImportValue").toString()).contains("KeysS3A8F0A1AC");
        keys.hasResourceProperties("AWS::KMS::Alias", Map.of(
                "AliasName", "alias/medical-saas-s3-key", "TargetKeyId", Map.of("Fn::GetAtt", List.of("KeysS3A8F0A1AC", "Arn"))));
    }

    @Test
    @Requirement("S3-3")
    void publicAccessBlockedVersionedOwnerEnforcedAndLoggedToTheAccessLogBucket() {
        media.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "medical-saas-media-prod",
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                "LoggingConfiguration", Map.of("DestinationBucketName", Map.of("Ref", bucketId("medical-saas-media-prod-access-logs")))));
    }

    @Test
    @Requirement("S3-4")
    void theMediaBucketPolicyHoldsExactlyTheseStatementsInOrder() {
        List<Object> statements = mediaBucketStatements();
        assertThat(statements).hasSize(7);
        // 1. S3-3 TLS only.
        assertThat(asMap(statements.get(0))).containsAllEntriesOf(Map.of(
                "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "s3:*",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))
                .containsAllEntriesOf(bucketArnAndObjects());
        // 2. S3-3 TLS 1.2 at least.
        assertThat(asMap(statements.get(1))).containsAllEntriesOf(Map.of(
                "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "s3:*",
                "Condition", Map.of("NumericLessThan", Map.of("s3:TlsVersion", 1.2))));
        // 3. S3-4 the source's region deny, service principals (CloudFront OAC) exempt.
        assertThat(asMap(statements.get(2))).containsAllEntriesOf(Map.of(
                "Sid", "RestrictToEUOnly", "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "s3:*",
                "Condition", Map.of(
                        "StringNotEquals", Map.of("aws:RequestedRegion", List.of("eu-west-3", "eu-central-1")),
                        "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false"))))
                .containsAllEntriesOf(bucketArnAndObjects());
        // 4. S3-2 no upload under another encryption than SSE-KMS; a missing header gets the default.
        assertThat(asMap(statements.get(3))).containsAllEntriesOf(Map.of(
                "Sid", "DenyUploadsNotUnderKms", "Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "s3:PutObject",
                "Condition", Map.of(
                        "Null", Map.of("s3:x-amz-server-side-encryption", "false"),
                        "StringNotEquals", Map.of("s3:x-amz-server-side-encryption", "aws:kms"))));
        // 5, 6. S3-2 tightened (issue 14): a named key must be ours; SSE-KMS without a key id is refused.
        assertThat(asMap(statements.get(4))).containsEntry("Sid", "DenyUploadsUnderAnotherKey");
        assertThat(asMap(statements.get(5))).containsEntry("Sid", "DenyKmsUploadsWithoutAKeyId");
        // 7. CF-1 CloudFront reads objects, for this distribution only.
        Map<String, Object> oac = asMap(statements.get(6));
        assertThat(oac).containsAllEntriesOf(Map.of(
                "Effect", "Allow", "Principal", Map.of("Service", "cloudfront.amazonaws.com"), "Action", "s3:GetObject"));
        assertThat(oac.get("Condition").toString()).contains("AWS:SourceArn").contains(":distribution/")
                .contains("Ref=" + media.getResourceId("AWS::CloudFront::Distribution"));
    }

    @Test
    @Requirement("S3-4")
    void noStatementOfTheMediaBucketAllowsAnyoneOutsideTheAccountOrUnconditionally() {
        for (Object s : mediaBucketStatements()) {
            Map<String, Object> statement = asMap(s);
            if ("Allow".equals(statement.get("Effect"))) {
                assertThat(statement.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
                assertThat(statement).containsKey("Condition");
            }
        }
    }

    @Test
    @Requirement("S3-3")
    void logBucketsUseSseS3BlockPublicAccessExpireAtTheRetentionAndAreRetained() {
        for (String name : List.of("medical-saas-media-prod-access-logs", "medical-saas-media-prod-cdn-logs")) {
            media.hasResource("AWS::S3::Bucket", Map.of(
                    "Properties", Map.of(
                            "BucketName", name,
                            "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                                    "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                            "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                    "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                            "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                            "VersioningConfiguration", Map.of("Status", "Enabled"),
                            "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                                    "ExpirationInDays", config.logging().retentionDays(),
                                    "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 1),
                                    "Status", "Enabled")))))),
                    "DeletionPolicy", "RetainExceptOnCreate",
                    "UpdateReplacePolicy", "Retain"));
            media.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                    "Bucket", Map.of("Ref", bucketId(name)),
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        }
    }

    @Test
    @Requirement("S3-3")
    void onlyS3LoggingMayWriteServerAccessLogsAndOnlyFromThisAccountsBuckets() {
        media.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", bucketId("medical-saas-media-prod-access-logs")),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                        "Action", "s3:PutObject",
                        "Condition", Match.objectLike(Map.of(
                                "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::GetAtt", List.of(mediaBucket, "Arn"))),
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")))))))))));
    }

    // ---- CF-1: Origin Access Control and the key policy ----

    @Test
    @Requirement("CF-1")
    void cloudFrontReadsTheBucketThroughOriginAccessControlNeverAnIdentity() {
        media.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
        media.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig", Match.objectLike(Map.of(
                "OriginAccessControlOriginType", "s3", "SigningBehavior", "always", "SigningProtocol", "sigv4"))));
        String oac = media.getResourceId("AWS::CloudFront::OriginAccessControl");
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                // The first origin; the second, the replica through the same OAC, is CF-5's (MediaReplicationTest).
                "Origins", Match.arrayWith(List.of(Map.of(
                        "DomainName", Map.of("Fn::GetAtt", List.of(mediaBucket, "RegionalDomainName")),
                        "Id", Match.anyValue(),
                        "OriginAccessControlId", Map.of("Fn::GetAtt", List.of(oac, "Id")),
                        "S3OriginConfig", Map.of("OriginAccessIdentity", ""))))))));
    }

    @Test
    @Requirement("CF-1")
    void theS3KeyLetsCloudFrontDecryptOnlyThroughS3AndOnlyForThisAccountsDistributions() {
        Capture statements = new Capture();
        keys.hasResourceProperties("AWS::KMS::Key", Map.of(
                "Description", Match.stringLikeRegexp("S3 media bucket.*"),
                "KeyPolicy", Map.of("Statement", statements, "Version", "2012-10-17")));
        List<Map<String, Object>> cloudFront = statements.asArray().stream().map(MediaStackTest::asMap)
                .filter(s -> s.get("Principal").toString().contains("cloudfront")).toList();
        // Exactly one: ours. The OAC origin's own statement (no kms:ViaService) must not be appended.
        assertThat(cloudFront).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("Effect", "Allow").containsEntry("Action", "kms:Decrypt")
                    .containsEntry("Principal", Map.of("Service", "cloudfront.amazonaws.com"));
            Map<String, Object> condition = asMap(s.get("Condition"));
            assertThat(condition).containsEntry("StringEquals", Map.of("kms:ViaService", "s3.eu-west-3.amazonaws.com"));
            assertThat(condition.get("ArnLike").toString()).contains("AWS:SourceArn").contains(":cloudfront::")
                    .contains("AWS::AccountId").endsWith(":distribution/*]]}}");
        });
    }

    @Test
    @Requirement("CF-1")
    void noKeyPolicyOfTheKeysStackReferencesTheMediaStack() {
        // A reference would make Keys depend on Media, which depends on Keys: a cycle.
        assertThat(keys.toJSON().toString()).doesNotContain("Fn::ImportValue").doesNotContain("MedSaas-prod-Media");
    }

    // ---- CF-2: HTTPS, TLS, nothing forwarded ----

    @Test
    @Requirement("CF-2")
    void viewersUseHttpsOnlyAndNothingOfTheirRequestIsForwardedOrCachedOn() {
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultCacheBehavior", Match.objectLike(Map.of(
                        "ViewerProtocolPolicy", "https-only",
                        "AllowedMethods", List.of("GET", "HEAD"),
                        // CachingDisabled forwards and keys on no query string, cookie or header.
                        "CachePolicyId", CACHING_DISABLED,
                        "OriginRequestPolicyId", Match.absent(),
                        "ForwardedValues", Match.absent()))))));
    }

    @Test
    @Requirement("CF-2")
    void withoutACustomDomainTheDefaultCertificateIsUsedAndItsTlsFloorAcknowledged() {
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", Match.absent(),
                "ViewerCertificate", Match.absent()))));
        assertThat(Acknowledgements.of(TestApps.app("prod").media().distribution().distribution()))
                .hasEntrySatisfying("AwsSolutions-CFR4", reason -> assertThat(reason)
                        .contains("*.cloudfront.net").contains("TLSv1 minimum").contains("media.domainNames"));
    }

    @Test
    @Requirement("CF-2")
    void withACustomDomainItsUsEast1CertificateServesTls12_2021AtLeast() {
        Template custom = TestApps.template(TestApps.prodWithCustomDomain().media());
        custom.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", TestApps.CUSTOM_DOMAINS,
                "ViewerCertificate", Map.of(
                        "AcmCertificateArn", TestApps.CUSTOM_DOMAIN_CERTIFICATE,
                        "MinimumProtocolVersion", "TLSv1.2_2021",
                        "SslSupportMethod", "sni-only")))));
        // Nothing left to acknowledge on that distribution.
        assertThat(Acknowledgements.of(TestApps.prodWithCustomDomain().media().distribution().distribution()))
                .doesNotContainKey("AwsSolutions-CFR4");
    }

    // ---- CF-3: signed URLs ----

    @Test
    @Requirement("CF-3")
    void signedUrlsAreRequiredWithTheConfiguredPublicKey() {
        String pem = SigningPublicKey.read(Path.of(config.media().signingPublicKeyPem())).pem();
        media.hasResourceProperties("AWS::CloudFront::PublicKey", Map.of("PublicKeyConfig", Match.objectLike(Map.of(
                "EncodedKey", pem))));
        String publicKey = media.getResourceId("AWS::CloudFront::PublicKey");
        media.hasResourceProperties("AWS::CloudFront::KeyGroup", Map.of("KeyGroupConfig", Match.objectLike(Map.of(
                "Name", "medical-saas-media-signers",
                "Items", List.of(Map.of("Ref", publicKey))))));
        String keyGroup = media.getResourceId("AWS::CloudFront::KeyGroup");
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultCacheBehavior", Match.objectLike(Map.of("TrustedKeyGroups", List.of(Map.of("Ref", keyGroup))))))));
        assertThat(media.toJSON().toString()).doesNotContain("PRIVATE KEY");
    }

    /**
     * CloudFormation cannot update a public key's EncodedKey in place, so the key's fingerprint names
     * the resource: replacing the sample key makes a new PublicKey and moves the key group to it.
     */
    @Test
    @fr.medsaas.config.Requirement("CF-3")
    void aNewSigningKeyIsANewResourceNamedByItsFingerprint() {
        SigningPublicKey key = SigningPublicKey.read(Path.of(config.media().signingPublicKeyPem()));
        String publicKey = media.getResourceId("AWS::CloudFront::PublicKey");
        assertThat(publicKey).contains("SigningKey" + key.fingerprint());
        media.hasResourceProperties("AWS::CloudFront::PublicKey", Map.of("PublicKeyConfig", Match.objectLike(Map.of(
                "Name", "medical-saas-media-signing-" + key.fingerprint()))));
    }

    /** RGPD art. 17 and 5(1)(e) (issue 20): erased files leave every copy within a known time. */
    @Test
    void oldMediaVersionsExpire() {
        media.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "medical-saas-media-prod",
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "ExpireOldVersions", "Status", "Enabled", "ExpiredObjectDeleteMarker", true,
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", config.media().noncurrentVersionDays())))))))));
        assertThat(config.media().noncurrentVersionDays()).isEqualTo(30);
    }

    /**
     * HARD-11: no edge keeps a health file, in the EEA or outside it (PriceClass_100 holds North
     * American edges): every behaviour uses CloudFront's managed CachingDisabled policy, and the
     * Media stack makes no cache policy of its own that could be swapped in.
     */
    @Test
    @Requirement("HARD-11")
    void noEdgeCachesAMediaFile() {
        Map<String, Map<String, Object>> distributions = media.findResources("AWS::CloudFront::Distribution");
        assertThat(distributions).hasSize(1);
        Map<String, Object> dc = asMap(asMap(asMap(distributions.values().iterator().next()).get("Properties"))
                .get("DistributionConfig"));
        assertThat(asMap(dc.get("DefaultCacheBehavior")).get("CachePolicyId")).isEqualTo(CACHING_DISABLED);
        assertThat(dc.get("CacheBehaviors")).isNull();
        media.resourceCountIs("AWS::CloudFront::CachePolicy", 0);
    }

    /** HARD-11: the erasure role reaches the replica, where S3 does not carry a version's deletion. */
    @Test
    @Requirement("HARD-11")
    void erasureGoesThroughOneMfaOnlyRoleThatReachesTheReplicaAndThatTheTaskRolesAreNot() {
        media.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of(
                "RoleName", "medical-saas-media-erasure",
                "MaxSessionDuration", 3600,
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Condition", Map.of("Bool", Map.of("aws:MultiFactorAuthPresent", "true"))))))))));
        Object replica = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":s3:::" + config.backup().replicaBucketName())));
        Object replicaObjects = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":s3:::" + config.backup().replicaBucketName() + "/*")));
        media.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Sid", "FindTheVersions",
                                "Action", List.of("s3:ListBucket", "s3:ListBucketVersions"),
                                "Resource", List.of(Map.of("Fn::GetAtt", List.of(mediaBucket, "Arn")), replica))),
                        Match.objectLike(Map.of("Sid", "EraseTheVersions",
                                "Action", List.of("s3:GetObjectVersion", "s3:DeleteObject", "s3:DeleteObjectVersion"),
                                "Resource", List.of(Match.anyValue(), replicaObjects))),
                        // SSE-KMS objects: S3 decrypts each copy with its own region's key for the role.
                        Match.objectLike(Map.of("Sid", "ReadTheVersionsThroughS3", "Action", "kms:Decrypt",
                                "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3.eu-west-3.amazonaws.com")))),
                        Match.objectLike(Map.of("Sid", "ReadTheReplicaVersionsThroughS3", "Action", "kms:Decrypt",
                                "Condition", Map.of("StringEquals",
                                        Map.of("kms:ViaService", "s3." + config.regions().backup() + ".amazonaws.com"))))))))));
        // Nothing of the App stack may delete a version.
        assertThat(TestApps.template(TestApps.app("prod").application()).toJSON().toString())
                .doesNotContain("s3:DeleteObjectVersion");
    }

    // ---- CF-4: access logs, standard logging v2, kept in the EU ----

    @Test
    @Requirement("CF-4")
    void cloudFrontAccessLogsAreDeliveredToTheEuLogBucketThroughStandardLoggingV2() {
        Capture output = new Capture();
        edgeLogging.hasResourceProperties("AWS::Logs::DeliverySource", Map.of(
                "Name", "medical-saas-media-cdn-access-logs",
                "LogType", "ACCESS_LOGS",
                "ResourceArn", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"), ":cloudfront::", Map.of("Ref", "AWS::AccountId"), ":distribution/",
                        Map.of("Fn::GetStackOutput", Map.of(
                                "StackName", "MedSaas-prod-Media", "Region", "eu-west-3", "OutputName", output)))))));
        media.hasOutput(output.asString(), Map.of("Value", Map.of("Ref", media.getResourceId("AWS::CloudFront::Distribution"))));
        edgeLogging.hasResourceProperties("AWS::Logs::DeliveryDestination", Map.of(
                "DestinationResourceArn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":s3:::medical-saas-media-prod-cdn-logs")))));
        String destination = edgeLogging.getResourceId("AWS::Logs::DeliveryDestination");
        edgeLogging.hasResourceProperties("AWS::Logs::Delivery", Map.of(
                "DeliverySourceName", Map.of("Ref", edgeLogging.getResourceId("AWS::Logs::DeliverySource")),
                "DeliveryDestinationArn", Map.of("Fn::GetAtt", List.of(destination, "Arn"))));
        // The bucket named there is the Media stack's, in eu-west-3, kept for the OBS-1 retention.
        assertThat(bucketId(config.media().cdnLogsBucketName())).isNotNull();
    }

    @Test
    @Requirement("CF-4")
    void logsLeaveOutCookiesAndQueryStringsWhichCarrySessionsAndUrlSignatures() {
        assertThat(CdnLogDelivery.RECORD_FIELDS).contains("c-ip", "cs-uri-stem", "sc-status", "date", "time")
                .doesNotContain("cs(Cookie)", "cs-uri-query");
        edgeLogging.hasResourceProperties("AWS::Logs::Delivery", Map.of("RecordFields", CdnLogDelivery.RECORD_FIELDS));
    }

    @Test
    @Requirement("CF-4")
    void onlyThisDeliverySourceMayWriteIntoTheCdnLogBucket() {
        Capture statements = new Capture();
        media.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                "Bucket", Map.of("Ref", bucketId("medical-saas-media-prod-cdn-logs")),
                "PolicyDocument", Map.of("Statement", statements)));
        List<Map<String, Object>> delivery = statements.asArray().stream().map(MediaStackTest::asMap)
                .filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertThat(delivery).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("Principal")).isEqualTo(Map.of("Service", "delivery.logs.amazonaws.com"));
            assertThat(s.get("Condition").toString())
                    .contains("aws:SourceAccount").contains(":logs:us-east-1:").contains(":delivery-source:medical-saas-media-cdn-access-logs");
        });
        assertThat(delivery).extracting(s -> s.get("Action")).containsExactly("s3:GetBucketAcl", "s3:PutObject");
    }

    // ---- REG-4: Europe only ----

    @Test
    @Requirement("REG-4")
    void priceClass100AndTheConfiguredViewerCountriesOnly() {
        media.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "PriceClass", "PriceClass_100",
                "Restrictions", Map.of("GeoRestriction", Map.of(
                        "RestrictionType", "whitelist",
                        "Locations", List.of("FR", "DE", "AT", "CH", "BE", "LU")))))));
    }

    @Test
    @Requirement("HARD-9")
    void hard9_guardDutyScansAndTagsTheUploadsWithARoleOfItsOwn() {
        media.hasResourceProperties("AWS::GuardDuty::MalwareProtectionPlan", Map.of(
                "ProtectedResource", Map.of("S3Bucket", Map.of("BucketName", Map.of("Ref", mediaBucket))),
                "Actions", Map.of("Tagging", Map.of("Status", "ENABLED")),
                "Role", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("MalwareScanRole.*"), "Arn"))));
        // The role: trusted by the plan's service for this account's plans of this region only.
        Map<String, Map<String, Object>> roles = media.findResources("AWS::IAM::Role", Map.of(
                "Properties", Map.of("RoleName", "medical-saas-media-malware-scan")));
        assertThat(roles).hasSize(1);
        Map<String, Object> trust = asMap(((List<?>) asMap(asMap(roles.values().iterator().next().get("Properties"))
                .get("AssumeRolePolicyDocument")).get("Statement")).get(0));
        assertThat(trust).containsEntry("Principal", Map.of("Service", "malware-protection-plan.guardduty.amazonaws.com"))
                .containsEntry("Action", "sts:AssumeRole");
        assertThat(trust.get("Condition").toString()).contains("StringEquals={aws:SourceAccount={Ref=AWS::AccountId}}")
                .contains("ArnLike={aws:SourceArn=").contains(":guardduty:").contains(":malware-protection-plan/*");
        // Its policy: AWS's documented rights, on this bucket and its key only.
        Capture statements = new Capture();
        media.hasResourceProperties("AWS::IAM::ManagedPolicy", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("MalwareScanRole.*"))),
                "PolicyDocument", Map.of("Statement", statements, "Version", "2012-10-17"))));
        String all = statements.asArray().toString();
        assertThat(statements.asArray()).hasSize(8);
        assertThat(all).contains("Sid=ManagedRuleSendsS3Events")
                .contains("rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*")
                .contains("events:ManagedBy=malware-protection-plan.guardduty.amazonaws.com")
                .contains("Action=[s3:PutObjectTagging, s3:GetObjectTagging, s3:PutObjectVersionTagging, s3:GetObjectVersionTagging]")
                .contains("Action=[s3:PutBucketNotification, s3:GetBucketNotification]")
                .contains("/malware-protection-resource-validation-object")
                .contains("Action=[s3:GetObject, s3:GetObjectVersion]")
                .contains("Action=[kms:GenerateDataKey, kms:Decrypt]").contains("kms:ViaService=s3.eu-west-3.amazonaws.com")
                .doesNotContain("s3:DeleteObject").doesNotContain("Action=s3:*");
        // The bucket policy names no principal: none of its denies keys on who calls, from where in the
        // VPC; the plan's role, calling from eu-west-3 over TLS, meets none of them.
        assertThat(mediaBucketStatements().toString()).doesNotContain("aws:PrincipalArn").doesNotContain("aws:SourceVpc")
                .doesNotContain("aws:SourceVpce");
        // The S3 key names the role, through S3 only.
        Capture keyStatements = new Capture();
        keys.hasResourceProperties("AWS::KMS::Key", Map.of(
                "Description", Match.stringLikeRegexp("S3 media bucket.*"),
                "KeyPolicy", Map.of("Statement", keyStatements, "Version", "2012-10-17")));
        assertThat(keyStatements.asArray().stream().map(MediaStackTest::asMap)
                .filter(st -> "AllowMalwareScanThroughS3".equals(st.get("Sid"))).toList()).singleElement().satisfies(st -> {
                    assertThat(st).containsEntry("Effect", "Allow")
                            .containsEntry("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"));
                    assertThat(st.get("Condition").toString()).contains("kms:ViaService=s3.eu-west-3.amazonaws.com")
                            .contains("kms:CallerAccount").contains(":role/medical-saas-media-malware-scan");
                });
    }
}
