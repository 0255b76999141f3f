package fr.medsaas.compliance.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy the CDK execution role deploys with ({@code ./medsaas bootstrap --print-policy}),
 * written once: the bootstrap prints it and the access proof evaluates every deploy-time path
 * against it.
 */
public final class ExecutionPolicy {
    /**
     * The services whose actions CloudFormation may call for the platform's stacks. IAM and
     * CloudFormation are not among them: their rights are limited to the platform's own names below.
     */
    public static final List<String> SERVICES = List.of("application-autoscaling", "backup", "backup-storage",
            "cloudfront", "cloudtrail", "cloudwatch", "codebuild", "codepipeline", "codestar-notifications", "config",
            "ec2", "ecr", "ecs", "elasticache", "elasticloadbalancing", "events", "guardduty", "kms", "lambda", "logs",
            "rds", "route53", "s3", "secretsmanager", "securityhub", "servicediscovery", "sns", "ssm", "wafv2");

    /** The fixed-name prefix of the platform's roles ({@code medical-saas-ecs-task-role}, ...). */
    public static final String FIXED_ROLE_PREFIX = "medical-saas-";

    private static final List<String> ROLE_ACTIONS = List.of("iam:CreateRole", "iam:DeleteRole", "iam:GetRole",
            "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole",
            "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy",
            "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:UpdateRoleDescription");
    private static final List<String> POLICY_ACTIONS = List.of("iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy",
            "iam:GetPolicyVersion", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:ListPolicyVersions",
            "iam:TagPolicy", "iam:UntagPolicy", "iam:ListEntitiesForPolicy");

    private ExecutionPolicy() {
    }

    /**
     * The policy document.
     *
     * @param stackPrefix the environment's stack-name prefix ({@code MedSaas-prod-}); roles and policies
     *                    CloudFormation names start with it
     * @param regions     the environment's regions (primary, backup, edge)
     * @param account     the account, 12 digits (or a placeholder when only printed)
     */
    public static Map<String, Object> document(String stackPrefix, List<String> regions, String account) {
        String iam = "arn:aws:iam::" + account + ":";
        List<Object> statements = new ArrayList<>();
        statements.add(statement("PlatformServicesInItsRegions",
                SERVICES.stream().map(s -> s + ":*").toList(), List.of("*"),
                Map.of("StringEquals", Map.of("aws:RequestedRegion", regions))));
        statements.add(statement("TheStacksOwnRoles", ROLE_ACTIONS,
                List.of(iam + "role/" + stackPrefix + "*", iam + "role/" + FIXED_ROLE_PREFIX + "*"), null));
        statements.add(statement("TheStacksOwnPolicies", POLICY_ACTIONS,
                List.of(iam + "policy/" + stackPrefix + "*", iam + "policy/" + FIXED_ROLE_PREFIX + "*"), null));
        // PassRole only to the services that take the platform's roles; the execution role passes
        // itself to the nested stacks of the AWS::SecretsManager-2024-09-16 transform.
        List<String> execRoles = regions.stream()
                .map(r -> iam + "role/cdk-hnb659fds-cfn-exec-role-" + account + "-" + r).toList();
        List<String> passable = new ArrayList<>(List.of(iam + "role/" + stackPrefix + "*", iam + "role/" + FIXED_ROLE_PREFIX + "*"));
        statements.add(statement("PassThePlatformsRolesToItsServices", List.of("iam:PassRole"), passable,
                Map.of("StringEquals", Map.of("iam:PassedToService", PASSED_TO))));
        statements.add(statement("PassItselfToTheTransformsNestedStacks", List.of("iam:PassRole"), execRoles,
                Map.of("StringEquals", Map.of("iam:PassedToService", List.of("cloudformation.amazonaws.com")))));
        // RDS's create handler lists the account's roles (AWS::RDS::DBInstance's registry schema):
        // an action that takes no resource, so "*".
        statements.add(statement("ListingsTheHandlersMake", List.of("iam:ListRoles"), List.of("*"), null));
        statements.add(statement("ServiceLinkedRolesOfThePlatformServices", List.of("iam:CreateServiceLinkedRole",
                "iam:GetRole"), List.of(iam + "role/aws-service-role/*"), null));
        List<String> stacks = regions.stream()
                .map(r -> "arn:aws:cloudformation:" + r + ":" + account + ":stack/" + stackPrefix + "*/*").toList();
        statements.add(statement("ReadOtherStacksOutputsAndRunTheTransformsNestedStacks", List.of(
                "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResources",
                "cloudformation:GetTemplate", "cloudformation:CreateStack", "cloudformation:UpdateStack",
                "cloudformation:DeleteStack", "cloudformation:TagResource", "cloudformation:UntagResource"), stacks, null));
        List<String> transforms = regions.stream()
                .map(r -> "arn:aws:cloudformation:" + r + ":aws:transform/*").toList();
        statements.add(statement("UseTheSecretsManagerTransform", List.of("cloudformation:CreateChangeSet"), transforms, null));
        List<String> connections = new ArrayList<>();
        for (String r : regions) {
            connections.add("arn:aws:codeconnections:" + r + ":" + account + ":connection/*");
            connections.add("arn:aws:codestar-connections:" + r + ":" + account + ":connection/*");
        }
        statements.add(statement("PassTheSourceConnectionToThePipeline", List.of("codeconnections:PassConnection",
                "codestar-connections:PassConnection", "codeconnections:UseConnection", "codestar-connections:UseConnection"),
                connections, null));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return doc;
    }

    /** The services the platform passes its roles to (iam:PassedToService). */
    public static final List<String> PASSED_TO = List.of("backup.amazonaws.com", "codebuild.amazonaws.com",
            "codepipeline.amazonaws.com", "config.amazonaws.com", "ecs-tasks.amazonaws.com", "events.amazonaws.com",
            "lambda.amazonaws.com", "monitoring.rds.amazonaws.com", "s3.amazonaws.com", "vpc-flow-logs.amazonaws.com",
            "cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com", "malware-protection-plan.guardduty.amazonaws.com");

    private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources,
                                                 Map<String, Object> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Action", actions);
        s.put("Resource", resources);
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }
}
