package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.platform.constructs.iam.ManagedPolicyRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * HARD-9: in a region that holds keys but not the alerts topic (the backup region), an
 * EventBridge rule per forwarded {@link SecurityEvent} sends the event as it is to the primary
 * region's default bus, where the Compliance stack's rule of the same kind turns it into a
 * message to the alerts topic. EventBridge sees a region's API calls only in that region, so
 * without this a key scheduled for deletion in the backup region raises nothing.
 */
public final class SecurityEventForwarding extends Construct {
    /**
     * @param namePrefix    the environment's name prefix
     * @param primaryRegion the region of the alerts topic and of the rules that publish to it
     */
    public SecurityEventForwarding(Construct scope, String id, String namePrefix, String primaryRegion) {
        super(scope, id);
        String bus = primaryBusArn(primaryRegion);
        ManagedPolicyRole role = new ManagedPolicyRole(this, "Role", new ServicePrincipal("events.amazonaws.com")
                .withConditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))),
                "EventBridge forwards security events of this region to " + primaryRegion + " (HARD-9)", Optional.empty());
        role.allow(PolicyStatement.Builder.create().sid("PutEventsOnThePrimaryBus")
                .actions(List.of("events:PutEvents")).resources(List.of(bus)).build());
        for (SecurityEvent event : SecurityEvent.forwardedFromOtherRegions()) {
            CfnRule.Builder.create(this, event.id())
                    .name(namePrefix + "-" + event.nameSuffix() + "-to-" + primaryRegion)
                    .description(event.description() + ": forwarded to " + primaryRegion + " (HARD-9, OBS-5)")
                    .state("ENABLED")
                    .eventPattern(event.pattern())
                    .targets(List.of(CfnRule.TargetProperty.builder()
                            .id("PrimaryRegionBus")
                            .arn(bus)
                            .roleArn(role.role().getRoleArn())
                            .build()))
                    .build();
        }
    }

    /** The primary region's default event bus. */
    public static String primaryBusArn(String primaryRegion) {
        return "arn:" + Aws.PARTITION + ":events:" + primaryRegion + ":" + Aws.ACCOUNT_ID + ":event-bus/default";
    }
}
