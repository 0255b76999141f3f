package fr.medsaas.platform.constructs.observability;

import java.util.List;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/** OBS-4: one CloudWatch dashboard of the platform, built from its alarms ({@link DashboardBody}). */
public final class PlatformDashboard extends Construct {
    public PlatformDashboard(Construct scope, String id, String dashboardName, String region, List<String> alarmNames) {
        super(scope, id);
        CfnDashboard.Builder.create(this, "Resource")
                .dashboardName(dashboardName)
                .dashboardBody(Fn.sub(DashboardBody.of(dashboardName, region, alarmNames)))
                .build();
    }
}
