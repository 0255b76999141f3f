package fr.medsaas.platform.constructs.compliance;

import java.util.List;
import software.amazon.awscdk.services.guardduty.CfnDetector;
import software.amazon.awscdk.services.securityhub.CfnHub;
import software.constructs.Construct;

/**
 * CMP-3: GuardDuty's detector of the region with S3 protection (findings on the media bucket's
 * object-level activity), unless the account has one; and Security Hub with AWS's default
 * standards, when configured. Their findings reach people through {@link SecurityEventRules}.
 */
public final class ThreatDetection extends Construct {
    public ThreatDetection(Construct scope, String id, ThreatDetectionProps props) {
        super(scope, id);
        if (props.createDetector()) {
            CfnDetector.Builder.create(this, "Detector")
                    .enable(true)
                    .findingPublishingFrequency("FIFTEEN_MINUTES")
                    .features(List.of(CfnDetector.CFNFeatureConfigurationProperty.builder()
                            .name("S3_DATA_EVENTS").status("ENABLED").build()))
                    .build();
        }
        if (props.securityHub()) {
            CfnHub.Builder.create(this, "SecurityHub")
                    .enableDefaultStandards(true)
                    .autoEnableControls(true)
                    .build();
        }
    }
}
