package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.ObservabilityConfig;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.constructs.observability.AlarmCatalog;
import fr.medsaas.platform.constructs.observability.AlarmTargets;
import fr.medsaas.platform.constructs.observability.AlertsTopic;
import fr.medsaas.platform.constructs.observability.AlertsTopicProps;
import fr.medsaas.platform.constructs.observability.PlatformAlarms;
import fr.medsaas.platform.constructs.observability.PlatformAlarmsProps;
import fr.medsaas.platform.constructs.observability.PlatformDashboard;
import fr.medsaas.platform.constructs.observability.PlatformDashboardProps;
import java.util.Optional;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The Observability stack (OBS-2..4): the alerts topic, the alarms on the platform's resources
 * and the application's {@code PatientDataAccess} metric, and the dashboard. It holds no data
 * beyond the alarms' state; the Compliance stack routes security events to its topic (OBS-5).
 */
public final class ObservabilityStack extends PlatformStack {
    private final AlertsTopic alerts;

    public ObservabilityStack(Construct scope, EnvironmentConfig config, ObservabilityStackInputs in) {
        super(scope, config, "Observability", config.regions().primary(),
                "medsaas " + config.name() + ": alerts topic, alarms and dashboard (OBS-2..4)");
        ObservabilityConfig obs = config.observability();
        this.alerts = new AlertsTopic(this, "Alerts", new AlertsTopicProps(config.physicalName("alerts"),
                "medsaas " + config.name() + " alerts", in.keys().key(KeyPurpose.ALERTS), obs.alertEmails(),
                Optional.ofNullable(obs.alertHttpsEndpoint())));
        AlarmTargets targets = new AlarmTargets(in.loadBalancerFullName(), in.targetGroupFullName(),
                in.databaseInstanceId(), in.cacheClusterIds(), in.clusterName(), in.serviceNames(), in.webAclName(),
                config.regions().primary(), config.environmentTag());
        PlatformAlarms alarms = new PlatformAlarms(this, "Alarms", new PlatformAlarmsProps(config.namePrefix(),
                AlarmCatalog.alarms(obs.alarms(), targets), alerts.topic().getTopicArn()));
        new PlatformDashboard(this, "Dashboard", new PlatformDashboardProps(config.physicalName("platform"),
                config.regions().primary(), alarms.alarmNames()));
    }

    /** The alerts topic; the Compliance stack sends security events to it (OBS-5). */
    public ITopic alertsTopic() {
        return alerts.topic();
    }
}
