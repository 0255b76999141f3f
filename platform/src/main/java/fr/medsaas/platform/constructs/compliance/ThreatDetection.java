package fr.medsaas.platform.constructs.compliance;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.guardduty.CfnDetector;
import software.amazon.awscdk.services.securityhub.CfnHub;
import software.constructs.Construct;

/**
 * CMP-3: GuardDuty's detector of the region with S3 protection (findings on the media bucket's
 * object-level activity), unless the account has one; and Security Hub with AWS's default
 * standards, when configured. Their findings reach people through {@link SecurityEventRules}.
 *
 * <p>HARD-9 adds, when configured: RDS Protection (the database's logins profiled), and Runtime
 * Monitoring of the Fargate tasks with GuardDuty managing its agent. With automated agent
 * management GuardDuty adds a sidecar to each new task, pulled with the task's execution role from
 * GuardDuty's own ECR repository of the region, and creates a {@code guardduty-data} endpoint in the
 * VPC with a security group open to the VPC's CIDR on 443; the network, the execution roles and the
 * ECR endpoints' policies let that through ({@code PlatformSecurityGroups}, {@code TaskRoles},
 * {@code EndpointPolicies}). The other agent managements (EC2, EKS) stay off: the platform runs
 * neither.
 */
public final class ThreatDetection extends Construct {
    /** S3 protection: object-level API activity on the buckets. */
    public static final String S3_DATA_EVENTS = "S3_DATA_EVENTS";
    /** RDS protection: the databases' login activity. */
    public static final String RDS_LOGIN_EVENTS = "RDS_LOGIN_EVENTS";
    /** Runtime monitoring: operating-system events from GuardDuty's agent. */
    public static final String RUNTIME_MONITORING = "RUNTIME_MONITORING";
    /** GuardDuty deploys and updates its agent as a sidecar of each new Fargate task. */
    public static final String ECS_FARGATE_AGENT_MANAGEMENT = "ECS_FARGATE_AGENT_MANAGEMENT";

    public ThreatDetection(Construct scope, String id, ThreatDetectionProps props) {
        super(scope, id);
        if (props.createDetector()) {
            CfnDetector.Builder.create(this, "Detector")
                    .enable(true)
                    .findingPublishingFrequency("FIFTEEN_MINUTES")
                    .features(features(props))
                    .build();
        }
        if (props.securityHub()) {
            CfnHub.Builder.create(this, "SecurityHub")
                    .enableDefaultStandards(true)
                    .autoEnableControls(true)
                    .build();
        }
    }

    /** The detector's features: S3 protection always, RDS protection and runtime monitoring when configured. */
    static List<CfnDetector.CFNFeatureConfigurationProperty> features(ThreatDetectionProps props) {
        List<CfnDetector.CFNFeatureConfigurationProperty> features = new ArrayList<>();
        features.add(enabled(S3_DATA_EVENTS));
        if (props.rdsProtection()) {
            features.add(enabled(RDS_LOGIN_EVENTS));
        }
        if (props.runtimeMonitoring()) {
            features.add(CfnDetector.CFNFeatureConfigurationProperty.builder()
                    .name(RUNTIME_MONITORING).status("ENABLED")
                    .additionalConfiguration(List.of(CfnDetector.CFNFeatureAdditionalConfigurationProperty.builder()
                            .name(ECS_FARGATE_AGENT_MANAGEMENT).status("ENABLED").build()))
                    .build());
        }
        return features;
    }

    private static CfnDetector.CFNFeatureConfigurationProperty enabled(String name) {
        return CfnDetector.CFNFeatureConfigurationProperty.builder().name(name).status("ENABLED").build();
    }
}
