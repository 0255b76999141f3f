package fr.medsaas.platform.constructs.waf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;

/**
 * The rules of WAF-1, shared by the CloudFront web ACL and the load balancer's (ALB-3): a rate
 * limit of 2000 requests per 5 minutes per IP, AWS's SQL-injection, common and known-bad-inputs
 * managed rule groups; metrics and sampled requests on for each.
 */
public final class WebAclRules {
    /** Requests per IP per 5 minutes before blocking (the source's limit). */
    public static final int RATE_LIMIT = 2000;

    /** The managed rule groups, in priority order after the rate limit. */
    public static final List<String> MANAGED_GROUPS = List.of(
            "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

    private WebAclRules() {
    }

    /** The rules, with metric names prefixed by {@code metricPrefix}. */
    public static List<Object> rules(String metricPrefix) {
        List<Object> rules = new ArrayList<>();
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("RateLimitRule")
                .priority(1)
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(RATE_LIMIT).aggregateKeyType("IP").evaluationWindowSec(300).build())
                        .build())
                .visibilityConfig(visibility(metricPrefix + "RateLimitRule"))
                .build());
        int priority = 2;
        for (String group : MANAGED_GROUPS) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group)
                    .priority(priority++)
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .visibilityConfig(visibility(metricPrefix + group))
                    .build());
        }
        return rules;
    }

    /** Metrics and sampled requests on. */
    public static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName)
                .build();
    }
}
