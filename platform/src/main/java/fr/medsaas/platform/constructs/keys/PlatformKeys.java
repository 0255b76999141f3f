package fr.medsaas.platform.constructs.keys;

import fr.medsaas.compliance.rules.access.KeyPolicyNames;
import fr.medsaas.platform.constructs.iam.RolePattern;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * deleted, one alias each. Their policies (KMS-2, HARD-7) name who may use them:
 * <ul>
 *   <li>the account root administers the key and nothing more: no cryptographic action and no
 *       grant, so no IAM policy of the account opens a key on its own;</li>
 *   <li>each use of {@link KeyUses} is a statement for {@code Principal *} held to the named roles
 *       ({@code aws:PrincipalArn}), to this account ({@code kms:CallerAccount}) and, for a
 *       service's use, to that service ({@code kms:ViaService}); a service that needs grants gets
 *       {@code kms:CreateGrant} in a statement of its own, only for an AWS resource
 *       ({@code kms:GrantIsForAWSResource}), never in a wide allow;</li>
 *   <li>CloudWatch Logs may use the logs key only for this account's log groups in this region
 *       (encryption-context condition), and CloudFront may decrypt media objects with the S3 key
 *       only through S3 and only for this account's distributions (CF-1).</li>
 * </ul>
 */
public final class PlatformKeys extends Construct {
    /** What the account root may do: administer the key, never use it nor grant its use (the list MEDSAAS-KEY-1 accepts). */
    public static final List<String> ADMIN_ACTIONS = KeyPolicyNames.ADMINISTRATION;
    /** The statement id of the root's administration. */
    public static final String ADMIN_SID = "AccountAdministersTheKey";

    private final Map<KeyPurpose, Key> keys = new EnumMap<>(KeyPurpose.class);
    private final Map<KeyPurpose, IKey> byArn = new EnumMap<>(KeyPurpose.class);

    public PlatformKeys(Construct scope, String id, PlatformKeysProps props) {
        super(scope, id);
        for (KeyPurpose purpose : props.purposes()) {
            Key key = Key.Builder.create(this, purpose.constructId())
                    .alias(purpose.alias(props.namePrefix()))
                    .description(props.region().equals(props.principals().region())
                            ? purpose.description() : purpose.backupRegionDescription())
                    .enableKeyRotation(true)
                    .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                    .policy(policyFor(purpose, props))
                    .build();
            if (purpose.healthData()) {
                Tags.of(key).add("DataType", "medical-sensitive");
            }
            keys.put(purpose, key);
            byArn.put(purpose, Key.fromKeyArn(this, purpose.constructId() + "ByArn", key.getKeyArn()));
        }
    }

    private static PolicyDocument policyFor(KeyPurpose purpose, PlatformKeysProps props) {
        String region = props.region();
        PolicyDocument doc = new PolicyDocument();
        doc.addStatements(PolicyStatement.Builder.create()
                .sid(ADMIN_SID)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(ADMIN_ACTIONS)
                .resources(List.of("*"))
                .build());
        for (KeyUse use : KeyUses.of(purpose, props.principals(), region, region.equals(props.principals().region()))) {
            doc.addStatements(statement(use.sid(), use.actions(), use, region, Map.of()));
            if (use.grants()) {
                doc.addStatements(statement(use.sid() + "Grants", List.of("kms:CreateGrant", "kms:ListGrants"), use, region,
                        Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))));
                // CloudFormation's handlers of the resources that take a grant (Backup's vaults, ECR's
                // repositories) retire it on rollback and deletion (their registry schemas list
                // kms:RetireGrant); a retirement carries no kms:GrantIsForAWSResource, so it is its own
                // statement, for the same principals through the same service.
                doc.addStatements(statement(use.sid() + "RetireGrants", List.of("kms:RetireGrant"), use, region, Map.of()));
            }
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
        if (purpose == KeyPurpose.AUDIT && region.equals(props.principals().region())) {
            // The multi-region trail writes to the primary region's bucket only.
            cloudTrailOfThisAccount().forEach(doc::addStatements);
        }
        if (purpose == KeyPurpose.ALERTS) {
            doc.addStatements(alarmsOfThisAccount(region), eventBridgeToTheAlertsTopic(), notificationsThroughSns(region));
        }
        return doc;
    }

    private static PolicyStatement statement(String sid, List<String> actions, KeyUse use, String region,
                                             Map<String, Object> extra) {
        Map<String, Object> equals = new TreeMap<>();
        equals.put("kms:CallerAccount", Aws.ACCOUNT_ID);
        use.viaService().ifPresent(s -> equals.put("kms:ViaService", s + "." + region + ".amazonaws.com"));
        Map<String, Object> conditions = new TreeMap<>(extra);
        conditions.put("StringEquals", equals);
        conditions.put("ArnLike", Map.of("aws:PrincipalArn",
                use.principals().stream().map(RolePattern::resolved).toList()));
        return PolicyStatement.Builder.create()
                .sid(sid)
                .principals(List.of(new AnyPrincipal()))
                .actions(actions)
                .resources(List.of("*"))
                .conditions(conditions)
                .build();
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
                        .conditions(new TreeMap<>(Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
                                        "arn:" + Aws.PARTITION + ":cloudtrail:*:" + Aws.ACCOUNT_ID + ":trail/*"))))
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
                .conditions(new TreeMap<>(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                        "ArnLike", Map.of("aws:SourceArn",
                                "arn:" + Aws.PARTITION + ":cloudwatch:" + region + ":" + Aws.ACCOUNT_ID + ":alarm:*"))))
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

    /**
     * CI-1: the delivery pipeline's notification rule publishes failures and waiting approvals to
     * the alerts topic through CodeStar Notifications, which makes the data key through SNS
     * ({@code kms:ViaService}, as AWS documents for encrypted notification topics), on behalf of
     * this account only.
     */
    private static PolicyStatement notificationsThroughSns(String region) {
        return PolicyStatement.Builder.create()
                .sid("AllowCodeStarNotificationsThroughSns")
                .principals(List.of(new ServicePrincipal("codestar-notifications.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", new TreeMap<>(Map.of(
                        "kms:ViaService", "sns." + region + ".amazonaws.com",
                        "aws:SourceAccount", Aws.ACCOUNT_ID))))
                .build();
    }

    /**
     * The key of one purpose, held by ARN: CDK constructs given it (a secret, a log group) cannot
     * append their own statements to its policy, such as a Secret's account-wide use through
     * Secrets Manager, which would undo the named principals of HARD-7. The policy is
     * {@link KeyUses}' alone.
     */
    public IKey key(KeyPurpose purpose) {
        return byArn.get(purpose);
    }

    /** The key itself, with its policy, for tests and the security model. */
    public Key resource(KeyPurpose purpose) {
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
