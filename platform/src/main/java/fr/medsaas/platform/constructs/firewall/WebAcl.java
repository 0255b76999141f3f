package fr.medsaas.platform.constructs.firewall;

import fr.medsaas.config.FirewallConfig;
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
 * A WAFv2 web ACL with the rules of WAF-1, extended for a medical app (issue 20): at most 2000
 * requests per 5 minutes per client IP, a tighter limit on the login path, AWS's IP-reputation
 * and anonymous-IP lists, then the managed SQL injection, common and known-bad-inputs rule
 * groups; everything else allowed. The common rule set's 8 KB body limit
 * ({@code SizeRestrictions_BODY}) only counts and labels; a rule of ours blocks the labelled
 * requests except on the configured upload paths, where patients and doctors send documents.
 * CloudWatch metrics and sampled requests are on for the ACL and every rule. It keeps no log:
 * see {@link #acknowledgeNoLogStore}.
 */
public final class WebAcl extends Construct {
    /** Requests a client IP may send in {@link #RATE_WINDOW_SECONDS} before it is blocked (WAF-1). */
    public static final int RATE_LIMIT = 2000;
    /** The rate limit's window: 5 minutes. */
    public static final int RATE_WINDOW_SECONDS = 300;
    /** The AWS managed rule groups of WAF-1, in priority order after the rate limit. */
    public static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");
    /** AWS's lists of addresses with a bad reputation and of anonymising services (issue 20), first. */
    public static final List<String> IP_LISTS = List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAnonymousIpList");
    /** The common rule set's rule that blocks bodies over 8 KB; counted and labelled here. */
    public static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";
    /** The label the common rule set puts on a request that {@link #BODY_SIZE_RULE} matched. */
    public static final String BODY_SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

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
                .rules(rules(props.name(), props.firewall()))
                .build();
    }

    private static CfnWebACL.RuleActionProperty block() {
        return CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build();
    }

    private static StatementProperty pathStartsWith(String path) {
        return StatementProperty.builder().byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder().uriPath(Map.of()).build())
                .positionalConstraint("STARTS_WITH")
                .searchString(path)
                .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder().priority(0).type("NONE").build()))
                .build()).build();
    }

    private static RuleProperty managed(String group, int priority, String metricPrefix,
                                        List<CfnWebACL.RuleActionOverrideProperty> overrides) {
        ManagedRuleGroupStatementProperty.Builder statement = ManagedRuleGroupStatementProperty.builder()
                .vendorName("AWS").name(group);
        if (!overrides.isEmpty()) {
            statement.ruleActionOverrides(overrides);
        }
        return RuleProperty.builder()
                .name(group)
                .priority(priority)
                // The group's own actions (block) apply: "none" overrides nothing.
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(StatementProperty.builder().managedRuleGroupStatement(statement.build()).build())
                .visibilityConfig(visibility(metricPrefix + "-" + group))
                .build();
    }

    /** The rules; each rule's metric is named {@code <acl name>-<rule name>}. */
    static List<RuleProperty> rules(String metricPrefix, FirewallConfig firewall) {
        List<RuleProperty> rules = new ArrayList<>();
        rules.add(RuleProperty.builder()
                .name("RateLimitRule")
                .priority(1)
                .action(block())
                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                        .limit(RATE_LIMIT)
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .aggregateKeyType("IP")
                        .build()).build())
                .visibilityConfig(visibility(metricPrefix + "-RateLimitRule"))
                .build());
        // Password guessing: the blanket limit still allows ~400 tries a minute on the login form.
        rules.add(RuleProperty.builder()
                .name("LoginRateLimitRule")
                .priority(2)
                .action(block())
                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                        .limit(firewall.loginRateLimit())
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .aggregateKeyType("IP")
                        .scopeDownStatement(pathStartsWith(firewall.loginPath()))
                        .build()).build())
                .visibilityConfig(visibility(metricPrefix + "-LoginRateLimitRule"))
                .build());
        int priority = 3;
        for (String list : IP_LISTS) {
            rules.add(managed(list, priority++, metricPrefix, List.of()));
        }
        for (String group : MANAGED_RULE_GROUPS) {
            if ("AWSManagedRulesCommonRuleSet".equals(group)) {
                rules.add(managed(group, priority++, metricPrefix, List.of(CfnWebACL.RuleActionOverrideProperty.builder()
                        .name(BODY_SIZE_RULE)
                        .actionToUse(CfnWebACL.RuleActionProperty.builder()
                                .count(CfnWebACL.CountActionProperty.builder().build()).build())
                        .build())));
                // The body limit, everywhere but the upload paths (AWS's documented labelled-override pattern).
                List<StatementProperty> uploads = firewall.uploadPaths().stream().map(WebAcl::pathStartsWith).toList();
                StatementProperty onUploadPath = uploads.size() == 1 ? uploads.get(0)
                        : StatementProperty.builder().orStatement(CfnWebACL.OrStatementProperty.builder()
                                .statements(uploads).build()).build();
                rules.add(RuleProperty.builder()
                        .name("BodySizeOutsideUploadPaths")
                        .priority(priority++)
                        .action(block())
                        .statement(StatementProperty.builder().andStatement(CfnWebACL.AndStatementProperty.builder()
                                .statements(List.of(
                                        StatementProperty.builder().labelMatchStatement(CfnWebACL.LabelMatchStatementProperty
                                                .builder().scope("LABEL").key(BODY_SIZE_LABEL).build()).build(),
                                        StatementProperty.builder().notStatement(CfnWebACL.NotStatementProperty.builder()
                                                .statement(onUploadPath).build()).build()))
                                .build()).build())
                        .visibilityConfig(visibility(metricPrefix + "-BodySizeOutsideUploadPaths"))
                        .build());
            } else {
                rules.add(managed(group, priority++, metricPrefix, List.of()));
            }
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
