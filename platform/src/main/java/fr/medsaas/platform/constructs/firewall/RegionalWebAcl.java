package fr.medsaas.platform.constructs.firewall;

import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * ALB-3: a REGIONAL web ACL with the rules of WAF-1 on the load balancer, its logs kept in the
 * EU in an encrypted log group, with the Authorization and Cookie headers redacted (they carry
 * session secrets and nothing the audit needs: RGPD data minimisation).
 */
public final class RegionalWebAcl extends Construct {
    private final WebAcl webAcl;

    public RegionalWebAcl(Construct scope, String id, RegionalWebAclProps props) {
        super(scope, id);
        this.webAcl = new WebAcl(this, "Resource", new WebAclProps(props.name(), "REGIONAL",
                "WAF for medical SaaS load balancer - RGPD compliant - ALB-3 and WAF-1", props.firewall()));
        CfnWebACLAssociation.Builder.create(this, "Association")
                .resourceArn(props.resourceArn())
                .webAclArn(webAcl.arn())
                .build();
        // WAF requires its log groups to be named aws-waf-logs-*.
        String logGroupName = "aws-waf-logs-" + props.name();
        EncryptedLogGroup logs = new EncryptedLogGroup(this, "Logs",
                new EncryptedLogGroupProps(logGroupName, props.logsKey(), props.retentionDays()));
        CfnLoggingConfiguration logging = CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.arn())
                // WAF wants the log group's ARN without the trailing ":*" of its Arn attribute.
                .logDestinationConfigs(List.of(Arn.format(ArnComponents.builder()
                        .service("logs").resource("log-group").resourceName(logGroupName)
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build(), Stack.of(this))))
                .redactedFields(List.of(
                        CfnLoggingConfiguration.FieldToMatchProperty.builder().singleHeader(Map.of("Name", "authorization")).build(),
                        CfnLoggingConfiguration.FieldToMatchProperty.builder().singleHeader(Map.of("Name", "cookie")).build()))
                .build();
        logging.getNode().addDependency(logs);
    }

    /** The web ACL's ARN. */
    public String arn() {
        return webAcl.arn();
    }
}
