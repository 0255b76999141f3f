package fr.medsaas.platform.constructs.firewall;

/**
 * A web ACL with the rules of WAF-1.
 *
 * @param name        the web ACL's name, e.g. {@code medical-saas-waf}; also its metrics' prefix
 * @param scope       {@code CLOUDFRONT} (only in us-east-1) or {@code REGIONAL}
 * @param description what it protects
 * @param firewall    upload paths and login rate limit (issue 20)
 */
public record WebAclProps(String name, String scope, String description, fr.medsaas.config.FirewallConfig firewall) {
    public WebAclProps {
        if (!"CLOUDFRONT".equals(scope) && !"REGIONAL".equals(scope)) {
            throw new IllegalArgumentException("web ACL scope " + scope + ": CLOUDFRONT or REGIONAL");
        }
    }
}
