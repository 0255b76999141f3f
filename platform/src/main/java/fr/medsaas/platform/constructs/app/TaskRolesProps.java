package fr.medsaas.platform.constructs.app;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * What the ECS roles may touch, and nothing else (ECS-5).
 *
 * @param secrets      the three secrets the execution role reads
 * @param repositories the image repositories the execution role pulls from
 * @param logGroups    the log groups the containers write to
 * @param dataKey      the data key the task role may Decrypt and GenerateDataKey with
 * @param metricsNamespace the only CloudWatch namespace the task role may publish to
 * @param ecsExec      whether ECS Exec is allowed (SSM messages channel)
 * @param principals   the fixed names of the two roles, which key and secret policies name (HARD-7)
 * @param vpcId        the platform's VPC: the task role's S3 and direct KMS calls must come through its
 *                     endpoints ({@code aws:SourceVpc}, HARD-10)
 * @param kmsEndpoint  whether KMS is reached through an interface endpoint of that VPC; without one
 *                     (dev) the data key's calls leave through NAT and cannot carry {@code aws:SourceVpc}
 * @param guardDutyAgentRepository the ARN of GuardDuty's AWS-owned repository of the Fargate agent, which the
 *                     execution role pulls the agent's sidecar from when runtime monitoring is on (HARD-9); empty: off
 */
public record TaskRolesProps(AppSecrets secrets, List<IRepository> repositories, List<ILogGroup> logGroups,
                             IKey dataKey, String metricsNamespace, boolean ecsExec,
                             fr.medsaas.platform.constructs.iam.PlatformPrincipals principals, String vpcId,
                             boolean kmsEndpoint, Optional<String> guardDutyAgentRepository) {
}
