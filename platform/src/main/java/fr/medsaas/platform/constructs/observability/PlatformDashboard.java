package fr.medsaas.platform.constructs.observability;

import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/** OBS-4: one CloudWatch dashboard of the platform, built from its alarms ({@link DashboardBody}). */
public final class PlatformDashboard extends Construct {
    public PlatformDashboard(Construct scope, String id, PlatformDashboardProps props) {
        super(scope, id);
        CfnDashboard.Builder.create(this, "Resource")
                .dashboardName(props.dashboardName())
                .dashboardBody(Fn.sub(DashboardBody.of(props.dashboardName(), props.region(), props.alarmNames())))
                .build();
    }
}
