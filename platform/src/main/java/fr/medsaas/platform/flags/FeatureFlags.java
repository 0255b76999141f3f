package fr.medsaas.platform.flags;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDK feature flags the app sets (HARD-8): aws-cdk-lib's recommended values, each either set
 * here or declined in {@link #DECLINED} with the reason. Without flags, CDK keeps the behaviour of
 * its first v2 release for every construct, some of which silently widen or undo a setting of ours;
 * a new aws-cdk-lib brings new recommendations, and FeatureFlagsTest fails until each is decided.
 */
public final class FeatureFlags {
    private FeatureFlags() {
    }

    /** The flags set, with their values, as the app's context. */
    public static final Map<String, Object> SET = new TreeMap<>(Map.ofEntries(
            Map.entry("@aws-cdk/aws-signer:signingProfileNamePassedToCfn", true),
            Map.entry("@aws-cdk/aws-ecs-patterns:secGroupsDisablesImplicitOpenListener", true),
            Map.entry("@aws-cdk/aws-lambda:recognizeLayerVersion", true),
            Map.entry("@aws-cdk/core:checkSecretUsage", true),
            Map.entry("@aws-cdk/core:target-partitions", List.of("aws", "aws-cn")),
            Map.entry("@aws-cdk-containers/ecs-service-extensions:enableDefaultLogDriver", true),
            Map.entry("@aws-cdk/aws-ec2:uniqueImdsv2TemplateName", true),
            Map.entry("@aws-cdk/aws-ecs:arnFormatIncludesClusterName", true),
            Map.entry("@aws-cdk/core:validateSnapshotRemovalPolicy", true),
            Map.entry("@aws-cdk/aws-codepipeline:crossAccountKeyAliasStackSafeResourceName", true),
            Map.entry("@aws-cdk/aws-s3:createDefaultLoggingPolicy", true),
            Map.entry("@aws-cdk/aws-sns-subscriptions:restrictSqsDescryption", true),
            Map.entry("@aws-cdk/aws-apigateway:disableCloudWatchRole", true),
            Map.entry("@aws-cdk/aws-events:eventsTargetQueueSameAccount", true),
            Map.entry("@aws-cdk/aws-iam:importedRoleStackSafeDefaultPolicyName", true),
            Map.entry("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true),
            Map.entry("@aws-cdk/aws-route53-patters:useCertificate", true),
            Map.entry("@aws-cdk/customresources:installLatestAwsSdkDefault", false),
            Map.entry("@aws-cdk/aws-rds:databaseProxyUniqueResourceName", true),
            Map.entry("@aws-cdk/aws-codedeploy:removeAlarmsFromDeploymentGroup", true),
            Map.entry("@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId", true),
            Map.entry("@aws-cdk/aws-ec2:launchTemplateDefaultUserData", true),
            Map.entry("@aws-cdk/aws-redshift:columnId", true),
            Map.entry("@aws-cdk/aws-stepfunctions-tasks:enableEmrServicePolicyV2", true),
            Map.entry("@aws-cdk/aws-ec2:restrictDefaultSecurityGroup", true),
            Map.entry("@aws-cdk/aws-apigateway:requestValidatorUniqueId", true),
            Map.entry("@aws-cdk/aws-kms:aliasNameRef", true),
            Map.entry("@aws-cdk/aws-kms:applyImportedAliasPermissionsToPrincipal", true),
            Map.entry("@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig", true),
            Map.entry("@aws-cdk/core:includePrefixInUniqueNameGeneration", true),
            Map.entry("@aws-cdk/aws-efs:denyAnonymousAccess", true),
            Map.entry("@aws-cdk/aws-opensearchservice:enableOpensearchMultiAzWithStandby", true),
            Map.entry("@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion", true),
            Map.entry("@aws-cdk/aws-efs:mountTargetOrderInsensitiveLogicalId", true),
            Map.entry("@aws-cdk/aws-rds:auroraClusterChangeScopeOfInstanceParameterGroupWithEachParameters", true),
            Map.entry("@aws-cdk/aws-appsync:useArnForSourceApiAssociationIdentifier", true),
            Map.entry("@aws-cdk/aws-rds:preventRenderingDeprecatedCredentials", true),
            Map.entry("@aws-cdk/aws-codepipeline-actions:useNewDefaultBranchForCodeCommitSource", true),
            Map.entry("@aws-cdk/aws-cloudwatch-actions:changeLambdaPermissionLogicalIdForLambdaAction", true),
            Map.entry("@aws-cdk/aws-codepipeline:crossAccountKeysDefaultValueToFalse", true),
            Map.entry("@aws-cdk/aws-codepipeline:defaultPipelineTypeToV2", true),
            Map.entry("@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope", true),
            Map.entry("@aws-cdk/aws-eks:nodegroupNameAttribute", true),
            Map.entry("@aws-cdk/aws-eks:useNativeOidcProvider", true),
            Map.entry("@aws-cdk/aws-ec2:ebsDefaultGp3Volume", true),
            Map.entry("@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm", true),
            Map.entry("@aws-cdk/custom-resources:logApiResponseDataPropertyTrueDefault", false),
            Map.entry("@aws-cdk/aws-s3:keepNotificationInImportedBucket", false),
            Map.entry("@aws-cdk/core:explicitStackTags", true),
            Map.entry("@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions", true),
            Map.entry("@aws-cdk/aws-dynamodb:resourcePolicyPerReplica", true),
            Map.entry("@aws-cdk/aws-ec2:ec2SumTImeoutEnabled", true),
            Map.entry("@aws-cdk/aws-appsync:appSyncGraphQLAPIScopeLambdaPermission", true),
            Map.entry("@aws-cdk/aws-rds:setCorrectValueForDatabaseInstanceReadReplicaInstanceResourceId", true),
            Map.entry("@aws-cdk/core:cfnIncludeRejectComplexResourceUpdateCreatePolicyIntrinsics", true),
            Map.entry("@aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages", true),
            Map.entry("@aws-cdk/aws-stepfunctions-tasks:fixRunEcsTaskPolicy", true),
            Map.entry("@aws-cdk/aws-ec2:bastionHostUseAmazonLinux2023ByDefault", true),
            Map.entry("@aws-cdk/aws-route53-targets:userPoolDomainNameMethodWithoutCustomResource", true),
            Map.entry("@aws-cdk/aws-elasticloadbalancingV2:albDualstackWithoutPublicIpv4SecurityGroupRulesDefault", true),
            Map.entry("@aws-cdk/aws-iam:oidcRejectUnauthorizedConnections", true),
            Map.entry("@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy", false),
            Map.entry("@aws-cdk/aws-s3:setUniqueReplicationRoleName", true),
            Map.entry("@aws-cdk/aws-events:requireEventBusPolicySid", true),
            Map.entry("@aws-cdk/core:aspectPrioritiesMutating", true),
            Map.entry("@aws-cdk/aws-dynamodb:retainTableReplica", true),
            Map.entry("@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2", true),
            Map.entry("@aws-cdk/s3-notifications:addS3TrustKeyPolicyForSnsSubscriptions", true),
            Map.entry("@aws-cdk/aws-ec2:requirePrivateSubnetsForEgressOnlyInternetGateway", true),
            Map.entry("@aws-cdk/aws-s3:publicAccessBlockedByDefault", true),
            Map.entry("@aws-cdk/aws-lambda:useCdkManagedLogGroup", true),
            Map.entry("@aws-cdk/aws-elasticloadbalancingv2:networkLoadBalancerWithSecurityGroupByDefault", true),
            Map.entry("@aws-cdk/aws-ecs-patterns:uniqueTargetGroupId", true),
            Map.entry("@aws-cdk/aws-route53-patterns:useDistribution", true),
            Map.entry("@aws-cdk/aws-cloudfront:defaultFunctionRuntimeV2_0", true),
            Map.entry("@aws-cdk/aws-elasticloadbalancingv2:usePostQuantumTlsPolicy", true),
            Map.entry("@aws-cdk/aws-batch:defaultToAL2023", true),
            Map.entry("@aws-cdk/aws-eks:defaultToAL2023", true),
            Map.entry("@aws-cdk/core:annotationsInValidationReport", true),
            Map.entry("@aws-cdk/core:validateAgainstDefaultRules", true)));

    /** Recommended flags that are not set, each with why. */
    public static final Map<String, String> DECLINED = new TreeMap<>(Map.ofEntries(
            Map.entry("@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker",
                    "removes DeploymentController ECS from the web and worker services, which is already the default; "
                            + "CloudFormation documents a change of DeploymentController as a replacement, and our services have "
                            + "fixed names (django-service, celery-service), so a replacement would fail on a deployed App stack"),
            Map.entry("@aws-cdk/core:defaultCrossStackReferences",
                    "turns the platform's same-region references (Fn::ImportValue of exports) into Fn::GetStackOutput reads: CloudFormation would no longer refuse to delete or change an output another stack still uses, and every reference would need cloudformation:DescribeStacks of the execution role; the strong exports are the safety we rely on between the Keys, Network, Data and App stacks"),
            Map.entry("@aws-cdk/aws-iam:minimizePolicies",
                    "merges statements into fewer, wider ones: no permission changes, but the statement-per-purpose layout (Sids, one resource family per statement) is what KeyUsersTest, docs/security-model.md and the access proof read and what an auditor reviews; and it re-sorts every policy of every deployed stack"),
            Map.entry("@aws-cdk/core:enableAdditionalMetadataCollection",
                    "collects construct properties for CDK's usage telemetry, which the app turns off (analyticsReporting false): it would only add analytics metadata to every construct of the assembly"),
            Map.entry("@aws-cdk/aws-secretsmanager:useAttachedSecretResourcePolicyForSecretTargetAttachments",
                    "moves the master secret's resource policy to a new logical ID; AWS allows one policy per secret, so on a deployed Data stack the swap fails unless done in two deployments (the flag's own documentation); our secret policies already stand on the secrets themselves, one per secret (MEDSAAS-SEC-1)"),
            Map.entry("@aws-cdk/core:enablePartitionLiterals",
                    "writes \"arn:aws:\" where the templates now join AWS::Partition: no change in AWS's commercial partition, but it rewrites the ARNs of every policy of every deployed stack while the access proof (issue 24) is built on their current text; to set with that work")));
}
