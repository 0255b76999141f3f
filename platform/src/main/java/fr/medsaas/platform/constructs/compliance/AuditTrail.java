package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.config.ObjectLockMode;
import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudtrail.CfnTrail;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.CfnMetricFilter;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * CMP-2 and CMP-5: the account's audit trail. Multi-region (every region's management events
 * land here, in the primary region), log file validation on, encrypted with the audit key,
 * delivered to CloudWatch Logs too, and recording object-level reads and writes of the media
 * bucket (who read which medical file). Its bucket is kept apart from the application's:
 * Object Lock for the retention period (a version cannot be overwritten or deleted early),
 * versioned, TLS-only, and a policy that refuses every deletion to every principal, so no role
 * of the application (nor an operator) can delete a trail file; S3 lifecycle removes them once
 * the retention has passed. A metric filter on the trail's log group raises an alarm on any use
 * of the root user in any region (OBS-5).
 */
public final class AuditTrail extends Construct {
    /**
     * The S3 actions that would delete a trail file or shorten its lock. The bucket's lifecycle
     * and default-retention settings stay writable, so that CloudFormation can follow a change of
     * the configured retention: neither can touch a version already locked, and the trail records
     * (and the Config rules check) every such change.
     */
    static final List<String> DELETIONS = List.of("s3:DeleteObject", "s3:DeleteObjectVersion",
            "s3:BypassGovernanceRetention", "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:DeleteBucket");

    private final Bucket bucket;
    private final CfnTrail trail;

    public AuditTrail(Construct scope, String id, AuditTrailProps props) {
        super(scope, id);
        int days = props.retentionDays();
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(props.bucketName())
                .encryption(BucketEncryption.KMS)
                .encryptionKey(Key.fromKeyArn(this, "AuditKey", props.auditKey().getKeyArn()))
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .objectLockEnabled(true)
                .objectLockDefaultRetention(props.lockMode() == ObjectLockMode.COMPLIANCE
                        ? ObjectLockRetention.compliance(Duration.days(days))
                        : ObjectLockRetention.governance(Duration.days(days)))
                .serverAccessLogsBucket(props.accessLogsBucket())
                .serverAccessLogsPrefix(props.bucketName() + "/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAfterRetention")
                        .expiration(Duration.days(days))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        fr.medsaas.platform.constructs.media.BucketEvents.toEventBridge(bucket);
        String trailArn = "arn:" + Aws.PARTITION + ":cloudtrail:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":trail/" + props.trailName();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AWSCloudTrailAclCheck")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)))
                .build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AWSCloudTrailWrite")
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("AWSLogs/" + Aws.ACCOUNT_ID + "/*")))
                .conditions(Map.of("StringEquals", new java.util.TreeMap<>(Map.of("aws:SourceArn", trailArn,
                        "s3:x-amz-acl", "bucket-owner-full-control"))))
                .build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("DenyEveryDeletionOfTrailFiles")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(DELETIONS)
                .resources(List.of(bucket.getBucketArn(), bucket.arnForObjects("*")))
                .build());
        Acknowledge.rules(bucket, "The audit trail's files stay in the primary region (REG-1) under Object Lock; a copy "
                        + "in another region would need its own lock and key, and CloudTrail's digest files already prove "
                        + "that none was altered or removed.",
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");

        EncryptedLogGroup logs = new EncryptedLogGroup(this, "Logs",
                new EncryptedLogGroupProps(props.logGroupName(), props.logsKey(), days));
        ManagedPolicyRole toLogs = new ManagedPolicyRole(this, "LogsRole", new ServicePrincipal("cloudtrail.amazonaws.com"),
                "CloudTrail delivers the audit trail's events to its CloudWatch Logs log group");
        String logGroupArn = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:"
                + props.logGroupName();
        toLogs.allow(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroupArn + ":log-stream:*"))
                .build());
        Acknowledge.rule(toLogs, "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:"
                        + props.logGroupName() + ":log-stream:*]",
                "CloudTrail names a new log stream of the trail's own log group per account and region; the role may "
                        + "only create streams and put events in that one log group.");

        this.trail = CfnTrail.Builder.create(this, "Resource")
                .trailName(props.trailName())
                .isLogging(true)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .s3BucketName(bucket.getBucketName())
                .kmsKeyId(props.auditKey().getKeyArn())
                .cloudWatchLogsLogGroupArn(logs.logGroup().getLogGroupArn())
                .cloudWatchLogsRoleArn(toLogs.role().getRoleArn())
                .eventSelectors(List.of(CfnTrail.EventSelectorProperty.builder()
                        .includeManagementEvents(true)
                        .readWriteType("All")
                        .dataResources(List.of(CfnTrail.DataResourceProperty.builder()
                                .type("AWS::S3::Object")
                                .values(props.healthDataBuckets().stream()
                                        .map(b -> "arn:" + Aws.PARTITION + ":s3:::" + b + "/").toList())
                                .build()))
                        .build()))
                .build();
        // CloudTrail checks at creation that it may write to the bucket and the log group.
        trail.getNode().addDependency(bucket.getPolicy());
        trail.getNode().addDependency(toLogs);

        // OBS-5: root activity in any region reaches this log group (multi-region trail): CIS's filter.
        String metricNamespace = "MedicalSaaS/Security";
        CfnMetricFilter.Builder.create(this, "RootActivityFilter")
                .logGroupName(logs.logGroup().getLogGroupName())
                .filterName("root-user-activity")
                .filterPattern("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS "
                        + "&& $.eventType != \"AwsServiceEvent\" }")
                .metricTransformations(List.of(CfnMetricFilter.MetricTransformationProperty.builder()
                        .metricNamespace(metricNamespace).metricName("RootUserActivity").metricValue("1")
                        .defaultValue(0).build()))
                .build();
        CfnAlarm.Builder.create(this, "RootActivityAlarm")
                .alarmName(props.alarmNamePrefix() + "-root-user-activity")
                .alarmDescription("The account's root user was used, in any region (OBS-5): confirm who and why")
                .namespace(metricNamespace)
                .metricName("RootUserActivity")
                .statistic("Sum")
                .period(300)
                .evaluationPeriods(1)
                .threshold(1)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(List.of(props.alertsTopicArn()))
                .okActions(List.of(props.alertsTopicArn()))
                .build();
    }

    /** The trail's bucket. */
    public IBucket bucket() {
        return bucket;
    }

    /** The trail. */
    public CfnTrail trail() {
        return trail;
    }
}
