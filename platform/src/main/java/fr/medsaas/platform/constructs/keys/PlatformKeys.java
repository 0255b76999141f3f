package fr.medsaas.platform.constructs.keys;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The platform's customer-managed KMS keys (KMS-1): rotation on, retained when the stack is
 * deleted, one alias each. Their policies (KMS-2) keep the source's account statement, let AWS
 * services use a key only on the account's behalf ({@code kms:ViaService} and
 * {@code kms:CallerAccount}), let CloudWatch Logs use the logs key only for this account's
 * log groups in this region (encryption-context condition), and let CloudFront decrypt media
 * objects with the S3 key only through S3 and only for this account's distributions (CF-1).
 */
public final class PlatformKeys extends Construct {
    private static final List<String> USE_ACTIONS = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");

    private final Map<KeyPurpose, Key> keys = new EnumMap<>(KeyPurpose.class);

    public PlatformKeys(Construct scope, String id, PlatformKeysProps props) {
        super(scope, id);
        for (KeyPurpose purpose : props.purposes()) {
            Key key = Key.Builder.create(this, purpose.constructId())
                    .alias(purpose.alias(props.namePrefix()))
                    .description(purpose.description())
                    .enableKeyRotation(true)
                    .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                    .policy(policyFor(purpose, props.region()))
                    .build();
            if (purpose.healthData()) {
                Tags.of(key).add("DataType", "medical-sensitive");
            }
            keys.put(purpose, key);
        }
    }

    private static PolicyDocument policyFor(KeyPurpose purpose, String region) {
        PolicyDocument doc = new PolicyDocument();
        // The source's first statement: IAM policies of the account decide who may use the key.
        doc.addStatements(PolicyStatement.Builder.create()
                .sid("Enable IAM User Permissions")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:*"))
                .resources(List.of("*"))
                .build());
        for (String service : purpose.viaServices()) {
            doc.addStatements(PolicyStatement.Builder.create()
                    .sid("AllowUseThrough" + Character.toUpperCase(service.charAt(0)) + service.substring(1))
                    .principals(List.of(new AnyPrincipal()))
                    .actions(USE_ACTIONS)
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", new java.util.TreeMap<>(Map.of(
                            "kms:ViaService", service + "." + region + ".amazonaws.com",
                            "kms:CallerAccount", Aws.ACCOUNT_ID))))
                    .build());
            // HARD-4: a service may create grants on the key only for an AWS resource it manages.
            doc.addStatements(PolicyStatement.Builder.create()
                    .sid("AllowGrantsForAwsResourcesThrough" + Character.toUpperCase(service.charAt(0)) + service.substring(1))
                    .principals(List.of(new AnyPrincipal()))
                    .actions(List.of("kms:CreateGrant"))
                    .resources(List.of("*"))
                    .conditions(Map.of(
                            "StringEquals", Map.of(
                                    "kms:ViaService", service + "." + region + ".amazonaws.com",
                                    "kms:CallerAccount", Aws.ACCOUNT_ID),
                            "Bool", Map.of("kms:GrantIsForAWSResource", "true")))
                    .build());
        }
        // HARD-4 for every principal, the account's administrators included: a grant is a standing
        // permission outside IAM, so none is made but by or for an AWS service (Control Tower's
        // CT.KMS.PR.3, in the form its proactive control checks).
        doc.addStatements(PolicyStatement.Builder.create()
                .sid("DenyGrantsNotForAwsResources")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:CreateGrant"))
                .resources(List.of("*"))
                .conditions(Map.of("BoolIfExists", new java.util.TreeMap<>(Map.of(
                        "kms:GrantIsForAWSResource", "false", "aws:PrincipalIsAWSService", "false"))))
                .build());
        if (purpose == KeyPurpose.LOGS) {
            doc.addStatements(PolicyStatement.Builder.create()
                    .sid("AllowCloudWatchLogsOfThisAccount")
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("logs." + region + ".amazonaws.com")))
                    .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
                    .resources(List.of("*"))
                    .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                            "arn:" + Aws.PARTITION + ":logs:" + region + ":" + Aws.ACCOUNT_ID + ":log-group:*")))
                    .build());
        }
        if (purpose == KeyPurpose.S3) {
            doc.addStatements(cloudFrontThroughS3(region));
        }
        if (purpose == KeyPurpose.AUDIT) {
            cloudTrailOfThisAccount().forEach(doc::addStatements);
        }
        if (purpose == KeyPurpose.ALERTS) {
            doc.addStatements(alarmsOfThisAccount(region), eventBridgeToTheAlertsTopic());
        }
        return doc;
    }

    /**
     * CF-1: CloudFront reads the SSE-KMS media objects through Origin Access Control, as its
     * service principal. It may decrypt only when S3 asks on its behalf ({@code kms:ViaService})
     * and only for a distribution of this account ({@code AWS:SourceArn}). Naming the media
     * distribution itself would make this key (Keys stack) depend on the distribution (Media
     * stack), which depends on the bucket, which depends on this key: a cycle, so the
     * distribution id is a wildcard. Decrypt only: CloudFront never writes to the bucket.
     */
    private static PolicyStatement cloudFrontThroughS3(String region) {
        return PolicyStatement.Builder.create()
                .sid("AllowCloudFrontOfThisAccountToDecryptThroughS3")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                .actions(List.of("kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(new java.util.TreeMap<>(Map.of(
                        "StringEquals", Map.of("kms:ViaService", "s3." + region + ".amazonaws.com"),
                        "ArnLike", Map.of("AWS:SourceArn",
                                "arn:" + Aws.PARTITION + ":cloudfront::" + Aws.ACCOUNT_ID + ":distribution/*"))))
                .build();
    }

    /**
     * CMP-2, CMP-5: CloudTrail encrypts the trail's log and digest files with the audit key, as
     * AWS documents it: GenerateDataKey only for trails of this account (encryption-context
     * condition) and only on this account's behalf, and DescribeKey to check the key. Reading the
     * files back goes through the account statement and IAM. The trail is named by wildcard: naming
     * it would make this key (Keys stack) depend on the Compliance stack.
     */
    private static List<PolicyStatement> cloudTrailOfThisAccount() {
        ServicePrincipal cloudTrail = new ServicePrincipal("cloudtrail.amazonaws.com");
        return List.of(
                PolicyStatement.Builder.create()
                        .sid("AllowCloudTrailOfThisAccountToEncrypt")
                        .principals(List.of(cloudTrail))
                        .actions(List.of("kms:GenerateDataKey*"))
                        .resources(List.of("*"))
                        .conditions(Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
                                        "arn:" + Aws.PARTITION + ":cloudtrail:*:" + Aws.ACCOUNT_ID + ":trail/*")))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("AllowCloudTrailOfThisAccountToDescribe")
                        .principals(List.of(cloudTrail))
                        .actions(List.of("kms:DescribeKey"))
                        .resources(List.of("*"))
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                        .build());
    }

    /**
     * OBS-3: CloudWatch alarms publish to the encrypted alerts topic, which needs the service to
     * make a data key (SNS, "compatibility between event sources from AWS services and encrypted
     * topics"); only for alarms of this account and region.
     */
    private static PolicyStatement alarmsOfThisAccount(String region) {
        return PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccount")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                        "ArnLike", Map.of("aws:SourceArn",
                                "arn:" + Aws.PARTITION + ":cloudwatch:" + region + ":" + Aws.ACCOUNT_ID + ":alarm:*")))
                .build();
    }

    /**
     * OBS-5: EventBridge rules deliver security events to the encrypted alerts topic. EventBridge's
     * KMS requests for an SNS target carry no source account or ARN, so a condition on them would
     * drop every event without a word: the statement is unconditioned, and what limits it is the
     * topic's own policy (only this account's rules may publish) and this key's single use, the
     * alerts topic. It grants no decryption of anything else.
     */
    private static PolicyStatement eventBridgeToTheAlertsTopic() {
        return PolicyStatement.Builder.create()
                .sid("AllowEventBridgeToPublishToTheAlertsTopic")
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build();
    }

    /** The key of one purpose. */
    public IKey key(KeyPurpose purpose) {
        return keys.get(purpose);
    }

    /** The data key, {@code alias/<prefix>-data-key}. */
    public IKey data() {
        return key(KeyPurpose.DATA);
    }

    /** The key of every log group. */
    public IKey logs() {
        return key(KeyPurpose.LOGS);
    }
}
