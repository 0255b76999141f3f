package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.firewall.WebAcl;
import fr.medsaas.platform.constructs.firewall.WebAclProps;
import software.constructs.Construct;

/**
 * The CloudFront web ACL (WAF-1), in us-east-1 where AWS requires CLOUDFRONT-scope ACLs, and
 * nothing else (REG-3): no bucket, no log group, no function. The Media stack reads its ARN
 * with {@code Fn::GetStackOutput} (see {@link EdgeWiring}).
 */
public final class EdgeFirewallStack extends PlatformStack {
    private final WebAcl webAcl;

    public EdgeFirewallStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, "EdgeFirewall", config.regions().edge(),
                "medsaas " + config.name() + ": the CloudFront web ACL only, no data (WAF-1, REG-3)");
        this.webAcl = new WebAcl(this, "WebAcl", new WebAclProps(config.physicalName("waf"), "CLOUDFRONT",
                "WAF for medical SaaS - RGPD compliant", config.app().firewall()));
        webAcl.acknowledgeNoLogStore();
    }

    /** The web ACL. */
    public WebAcl webAcl() {
        return webAcl;
    }
}
