package fr.medsaas.platform.constructs.edge;

import software.amazon.awscdk.services.kms.IKey;

/**
 * Deploy-time access, from an EU stack, to the SSM parameters of the edge region.
 *
 * @param edgeRegion    the region of the parameters: us-east-1
 * @param parameterPath the path the parameters live under, e.g. {@code /medical-saas/edge}; the
 *                      access is limited to it
 * @param logGroupName  the name of the encrypted log group of the function doing the calls
 * @param logsKey       the logs key (OBS-1)
 * @param retentionDays days its log events are kept (OBS-1)
 */
public record EdgeParameterAccessProps(String edgeRegion, String parameterPath, String logGroupName, IKey logsKey,
                                       int retentionDays) {
}
