package fr.medsaas.compliance.guardrails;

import java.util.List;
import java.util.Objects;

/**
 * What the organisation guardrails are generated from (HARD-9), all from an environment's
 * configuration: names, not ARNs, so that the policies hold in the account they are attached over.
 *
 * @param environment      the environment's name, in the policies' names
 * @param eeaRegions       the regions the platform uses for data (primary, backup): every service allowed
 * @param edgeRegion       the region AWS requires for CloudFront's web ACL and log delivery (us-east-1):
 *                         only the services the edge stacks need
 * @param breakGlassRole   the one role allowed what the guardrails deny (a person, MFA, an incident)
 * @param deployRole       the role CloudFormation deploys with ({@code cdk-<qualifier>-cfn-exec-role-*}),
 *                         allowed to set (never to remove) what it declares: key policies, vault locks
 * @param taskRole         the application's task role, held to the VPC endpoints for S3 and KMS (HARD-10)
 */
public record GuardrailInputs(String environment, List<String> eeaRegions, String edgeRegion, String breakGlassRole,
                              String deployRole, String taskRole) {
    public GuardrailInputs {
        Objects.requireNonNull(environment, "environment");
        eeaRegions = List.copyOf(eeaRegions);
        Objects.requireNonNull(edgeRegion, "edgeRegion");
        Objects.requireNonNull(breakGlassRole, "breakGlassRole");
        Objects.requireNonNull(deployRole, "deployRole");
        Objects.requireNonNull(taskRole, "taskRole");
    }
}
