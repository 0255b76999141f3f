package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.edge.CdnLogDelivery;
import fr.medsaas.platform.constructs.edge.CdnLogDeliveryProps;
import software.amazon.awscdk.ArnComponents;
import software.constructs.Construct;

/**
 * CloudFront's standard logging v2 (CF-4): the delivery source, destination and delivery that
 * AWS accepts for a distribution only in us-east-1. Configuration only (REG-3): the log files go
 * to the Media stack's EU log bucket. It reads the distribution's ARN with
 * {@code Fn::GetStackOutput} (see {@link EdgeWiring}), so it deploys after the Media stack.
 */
public final class EdgeLoggingStack extends PlatformStack {
    public EdgeLoggingStack(Construct scope, EnvironmentConfig config, EdgeLoggingStackInputs in) {
        super(scope, config, "EdgeLogging", config.regions().edge(),
                "medsaas " + config.name() + ": CloudFront access-log delivery to the EU log bucket, no data (CF-4, REG-3)");
        // Fn::GetStackOutput reads one value: the id, from which this stack writes the ARN.
        String distributionArn = formatArn(ArnComponents.builder()
                .service("cloudfront").region("").resource("distribution")
                .resourceName(EdgeWiring.acrossRegions(in.distributionId()))
                .build());
        new CdnLogDelivery(this, "CdnLogDelivery", new CdnLogDeliveryProps(EdgeWiring.cdnLogDeliveryName(config),
                distributionArn, config.media().cdnLogsBucketName()));
    }
}
