package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.config.CfnConfigRule;
import software.amazon.awscdk.services.config.CfnConfigurationRecorder;
import software.amazon.awscdk.services.config.CfnDeliveryChannel;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * CMP-1: AWS Config in the region. Where the account has no recorder yet, a recorder of every
 * supported resource type of the region, the global ones (IAM) in one region only, and a delivery
 * channel to a bucket of its own in that region encrypted with that region's audit key; where it
 * has one (Control Tower, another owner), none of that.
 * In both cases, the managed rules of {@link ConfigRules}.
 */
public final class ConfigRecording extends Construct {
    public ConfigRecording(Construct scope, String id, ConfigRecordingProps props) {
        super(scope, id);
        CfnConfigurationRecorder recorder = props.recorder().map(r -> recorder(props.namePrefix(), r)).orElse(null);
        for (ManagedRule rule : props.rules()) {
            CfnConfigRule.Builder b = CfnConfigRule.Builder.create(this, rule.identifier())
                    .configRuleName(rule.ruleName(props.namePrefix()))
                    .description("Checks " + rule.requirement() + " (medsaas)")
                    .source(CfnConfigRule.SourceProperty.builder().owner("AWS").sourceIdentifier(rule.identifier()).build());
            if (!rule.parameters().isEmpty()) {
                b.inputParameters(rule.parameters());
            }
            CfnConfigRule created = b.build();
            if (recorder != null) {
                // A rule needs the region's recorder; with an existing one, it is already there.
                created.addDependency(recorder);
            }
        }
    }

    private CfnConfigurationRecorder recorder(String prefix, ConfigRecordingProps.Recorder r) {
        Bucket bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(r.bucketName())
                .encryption(BucketEncryption.KMS)
                .encryptionKey(Key.fromKeyArn(this, "AuditKey", r.auditKey().getKeyArn()))
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(r.accessLogsBucket())
                .serverAccessLogsPrefix(r.bucketName() + "/")
                .lifecycleRules(List.of(LifecycleRule.builder().id("ExpireAfterRetention")
                        .expiration(Duration.days(r.retentionDays()))
                        .noncurrentVersionExpiration(Duration.days(1))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        fr.medsaas.platform.constructs.media.BucketEvents.toEventBridge(bucket);
        Acknowledge.rules(bucket, "Configuration snapshots and history of a region stay in that region, in the EEA (REG-1, "
                        + "REG-2); they are rebuilt by the recorder and hold no health data, so no copy in another region is kept.",
                "HIPAA.Security-S3BucketReplicationEnabled", "NIST.800.53.R5-S3BucketReplicationEnabled");

        ManagedPolicyRole role = new ManagedPolicyRole(this, "Role", new ServicePrincipal("config.amazonaws.com"),
                "AWS Config records the region's resources and delivers them to its bucket",
                java.util.Optional.of(r.roleName()));
        role.role().addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWS_ConfigRole"));
        Acknowledge.rule(role, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole]",
                "AWS_ConfigRole is the read-only policy AWS maintains for a Config recorder: it follows every resource type "
                        + "AWS Config adds, which a policy of ours would miss.");
        role.allow(PolicyStatement.Builder.create()
                        .actions(List.of("s3:GetBucketAcl"))
                        .resources(List.of(bucket.getBucketArn()))
                        .build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("s3:PutObject"))
                        .resources(List.of(bucket.arnForObjects("AWSLogs/" + Aws.ACCOUNT_ID + "/Config/*")))
                        .conditions(Map.of("StringLike", Map.of("s3:x-amz-acl", "bucket-owner-full-control")))
                        .build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                        .resources(List.of(r.auditKey().getKeyArn()))
                        .build());
        Acknowledge.rule(role, "AwsSolutions-IAM5[Resource::<ConfigBucketF2111528.Arn>/AWSLogs/<AWS::AccountId>/Config/*]",
                "AWS Config names each snapshot and history file itself, under AWSLogs/<account>/Config/ of its own bucket.");

        CfnConfigurationRecorder recorder = CfnConfigurationRecorder.Builder.create(this, "Recorder")
                .name(prefix + "-config-recorder")
                .roleArn(role.role().getRoleArn())
                .recordingGroup(CfnConfigurationRecorder.RecordingGroupProperty.builder()
                        .allSupported(true).includeGlobalResourceTypes(r.globalResources()).build())
                .build();
        CfnDeliveryChannel channel = CfnDeliveryChannel.Builder.create(this, "DeliveryChannel")
                .name(prefix + "-config-delivery")
                .s3BucketName(bucket.getBucketName())
                .s3KmsKeyArn(r.auditKey().getKeyArn())
                .configSnapshotDeliveryProperties(CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty.builder()
                        .deliveryFrequency("TwentyFour_Hours").build())
                .build();
        // AWS Config refuses a delivery channel before the region has a recorder; CloudFormation
        // starts the recorder once its channel exists.
        channel.addDependency(recorder);
        recorder.getNode().addDependency(role);
        return recorder;
    }
}
