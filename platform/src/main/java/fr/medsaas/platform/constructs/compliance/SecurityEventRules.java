package fr.medsaas.platform.constructs.compliance;

import java.util.List;
import software.amazon.awscdk.services.events.CfnRule;
import software.constructs.Construct;

/**
 * OBS-5: an EventBridge rule per kind of {@link SecurityEvent}, each sending a readable message
 * (an input transformer, not the raw event) to the alerts topic. The topic's policy lets this
 * account's rules publish; its key lets EventBridge encrypt (both in the Observability and Keys stacks).
 */
public final class SecurityEventRules extends Construct {
    public SecurityEventRules(Construct scope, String id, SecurityEventRulesProps props) {
        super(scope, id);
        for (SecurityEvent event : SecurityEvent.all()) {
            CfnRule.Builder.create(this, event.id())
                    .name(props.namePrefix() + "-" + event.nameSuffix())
                    .description(event.description() + " (OBS-5)")
                    .state("ENABLED")
                    .eventPattern(event.pattern())
                    .targets(List.of(CfnRule.TargetProperty.builder()
                            .id("AlertsTopic")
                            .arn(props.alertsTopicArn())
                            .inputTransformer(CfnRule.InputTransformerProperty.builder()
                                    .inputPathsMap(new java.util.TreeMap<>(event.inputPaths()))
                                    .inputTemplate(event.inputTemplate())
                                    .build())
                            .build()))
                    .build();
        }
    }
}
