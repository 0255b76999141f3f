package fr.medsaas.compliance.aws;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where GuardDuty keeps its Runtime Monitoring agent for Fargate (HARD-9): one AWS-owned ECR
 * repository per region, {@code <account>.dkr.ecr.<region>.amazonaws.com/aws-guardduty-agent-fargate},
 * as AWS lists them ("ECR Repository for GuardDuty agent on AWS Fargate (Amazon ECS only)",
 * https://docs.aws.amazon.com/guardduty/latest/ug/ecs-runtime-agent-ecr-image-uri.html, read on
 * 2026-12-06). With automated agent management, each new task pulls the agent's sidecar image
 * from there with its execution role; its layers come from the region's ECR layer bucket, as
 * every ECR image's. One fact shared by the platform (the execution roles, the ECR endpoints'
 * policies) and the access-proof catalogue.
 */
public final class GuardDutyAgent {
    /** The repository's name, the same in every region. */
    public static final String REPOSITORY = "aws-guardduty-agent-fargate";
    /** The service name of the endpoint GuardDuty creates in each VPC that runs monitored tasks. */
    public static final String DATA_ENDPOINT_SERVICE = "guardduty-data";

    /** AWS's accounts holding the repository, for the regions where medsaas may run its tasks (the EU, Regions.EU). */
    private static final Map<String, String> ACCOUNTS = new TreeMap<>(Map.of(
            "eu-west-3", "665651866788",
            "eu-central-1", "323658145986",
            "eu-west-1", "694911143906",
            "eu-north-1", "591436053604"));

    private GuardDutyAgent() {
    }

    /** The AWS account that holds the agent's repository in {@code region}. */
    public static String account(String region) {
        String account = ACCOUNTS.get(region);
        if (account == null) {
            throw new IllegalArgumentException("region: value \"" + region + "\" has no known GuardDuty Fargate agent "
                    + "repository here (known: " + String.join(", ", ACCOUNTS.keySet()) + "): add its account from "
                    + "https://docs.aws.amazon.com/guardduty/latest/ug/ecs-runtime-agent-ecr-image-uri.html to "
                    + "GuardDutyAgent, or set compliance.guardDutyProtection.runtimeMonitoring: false");
        }
        return account;
    }

    /** The agent repository's ARN in {@code region}, in {@code partition} (a literal or a CloudFormation token). */
    public static String repositoryArn(String partition, String region) {
        return "arn:" + partition + ":ecr:" + region + ":" + account(region) + ":repository/" + REPOSITORY;
    }
}
