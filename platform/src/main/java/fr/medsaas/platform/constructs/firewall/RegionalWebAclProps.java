package fr.medsaas.platform.constructs.firewall;

import software.amazon.awscdk.services.kms.IKey;

/**
 * A regional web ACL in front of a load balancer.
 *
 * @param name            the web ACL's name
 * @param resourceArn     the ARN of the load balancer to protect
 * @param logsKey         the key of its log group
 * @param retentionDays   how long its logs are kept (OBS-1)
 * @param firewall        upload paths and login rate limit (issue 20)
 */
public record RegionalWebAclProps(String name, String resourceArn, IKey logsKey, int retentionDays,
                                  fr.medsaas.config.FirewallConfig firewall) {
}
