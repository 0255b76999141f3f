package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.edge.CdnLogDelivery;
import fr.medsaas.platform.constructs.edge.CdnLogDeliveryProps;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * CloudFront's standard logging v2 (CF-4): the delivery source, destination and delivery that
 * AWS accepts for a distribution only in us-east-1. Configuration only (REG-3): the log files go
 * to the Media stack's EU log bucket. Deployed after the Media stack, whose distribution ARN it
 * reads from an SSM parameter of this region.
 */
public final class EdgeLoggingStack extends PlatformStack {
    public EdgeLoggingStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, "EdgeLogging", config.regions().edge(),
                "medsaas " + config.name() + ": CloudFront access-log delivery to the EU log bucket, no data (CF-4, REG-3)");
        String distributionArn = StringParameter.valueForStringParameter(this, EdgeWiring.distributionArnParameter(config));
        new CdnLogDelivery(this, "CdnLogDelivery", new CdnLogDeliveryProps(EdgeWiring.cdnLogDeliveryName(config),
                distributionArn, config.media().cdnLogsBucketName()));
    }
}
