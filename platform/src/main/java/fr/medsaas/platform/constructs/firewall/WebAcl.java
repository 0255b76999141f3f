package fr.medsaas.platform.constructs.firewall;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * A WAFv2 web ACL with the rules of WAF-1, in the source's order: at most 2000 requests per
 * 5 minutes per client IP (blocked beyond), then AWS's managed SQL injection, common and
 * known-bad-inputs rule groups; everything else allowed. CloudWatch metrics and sampled
 * requests are on for the ACL and every rule. It keeps no log: see {@link #acknowledgeNoLogStore}.
 */
public final class WebAcl extends Construct {
    /** Requests a client IP may send in {@link #RATE_WINDOW_SECONDS} before it is blocked (WAF-1). */
    public static final int RATE_LIMIT = 2000;
    /** The rate limit's window: 5 minutes. */
    public static final int RATE_WINDOW_SECONDS = 300;
    /** The AWS managed rule groups of WAF-1, in priority order after the rate limit. */
    public static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

    private final CfnWebACL acl;

    public WebAcl(Construct scope, String id, WebAclProps props) {
        super(scope, id);
        this.acl = CfnWebACL.Builder.create(this, "Resource")
                .name(props.name())
                .scope(props.scope())
                .description(props.description())
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(props.name()))
                .rules(rules(props.name()))
                .build();
    }

    /** WAF-1's rules; each rule's metric is named {@code <acl name>-<rule name>}. */
    static List<RuleProperty> rules(String metricPrefix) {
        List<RuleProperty> rules = new ArrayList<>();
        rules.add(RuleProperty.builder()
                .name("RateLimitRule")
                .priority(1)
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                        .limit(RATE_LIMIT)
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .aggregateKeyType("IP")
                        .build()).build())
                .visibilityConfig(visibility(metricPrefix + "-RateLimitRule"))
                .build());
        for (int i = 0; i < MANAGED_RULE_GROUPS.size(); i++) {
            String group = MANAGED_RULE_GROUPS.get(i);
            rules.add(RuleProperty.builder()
                    .name(group)
                    .priority(i + 2)
                    // The group's own actions (block) apply: "none" overrides nothing.
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                    .statement(StatementProperty.builder().managedRuleGroupStatement(ManagedRuleGroupStatementProperty.builder()
                            .vendorName("AWS")
                            .name(group)
                            .build()).build())
                    .visibilityConfig(visibility(metricPrefix + "-" + group))
                    .build());
        }
        return rules;
    }

    private static VisibilityConfigProperty visibility(String metricName) {
        return VisibilityConfigProperty.builder()
                .metricName(metricName)
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .build();
    }

    /**
     * Records, next to the ACL, why it has no logging configuration: its logs would hold client
     * IP addresses and request lines (personal data), and a CLOUDFRONT-scope ACL logs to
     * destinations in us-east-1, outside the EU (REG-3). Metrics and sampled requests (kept by
     * AWS WAF three hours) are what stays. See docs/media-edge.md.
     */
    public void acknowledgeNoLogStore() {
        Acknowledge.rules(acl, "No WAF log store: a CLOUDFRONT-scope web ACL logs to destinations in us-east-1 (log group, "
                        + "Firehose; an EU bucket is not documented as accepted), and its logs hold client IPs (personal data) "
                        + "that must stay in the EU (REG-3); metrics and sampled requests are on instead, and CloudFront's "
                        + "own access logs are kept in eu-west-3 (CF-4).",
                "NIST.800.53.R5-WAFv2LoggingEnabled", "HIPAA.Security-WAFv2LoggingEnabled");
    }

    /** The web ACL's ARN. */
    public String arn() {
        return acl.getAttrArn();
    }
}
