package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.edge.EdgeParameter;
import fr.medsaas.platform.constructs.edge.EdgeParameterProps;
import fr.medsaas.platform.constructs.firewall.WebAcl;
import fr.medsaas.platform.constructs.firewall.WebAclProps;
import software.constructs.Construct;

/**
 * The CloudFront web ACL (WAF-1), in us-east-1 where AWS requires CLOUDFRONT-scope ACLs, and
 * nothing that stores data (REG-3): no bucket, no log group, no function. Its ARN is published
 * as an SSM parameter of this region for the Media stack to read at deploy time.
 */
public final class EdgeFirewallStack extends PlatformStack {
    private final WebAcl webAcl;

    public EdgeFirewallStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, "EdgeFirewall", config.regions().edge(),
                "medsaas " + config.name() + ": the CloudFront web ACL only, no data (WAF-1, REG-3)");
        this.webAcl = new WebAcl(this, "WebAcl", new WebAclProps(config.physicalName("waf"), "CLOUDFRONT",
                "WAF for medical SaaS - RGPD compliant"));
        webAcl.acknowledgeNoLogStore();
        new EdgeParameter(this, "WebAclArn", new EdgeParameterProps(EdgeWiring.webAclArnParameter(config), webAcl.arn(),
                "ARN of the CloudFront web ACL " + config.physicalName("waf") + ", read by the Media stack at deploy time"));
    }

    /** The web ACL. */
    public WebAcl webAcl() {
        return webAcl;
    }
}
