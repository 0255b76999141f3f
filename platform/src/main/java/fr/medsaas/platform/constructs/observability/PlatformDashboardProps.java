package fr.medsaas.platform.constructs.observability;

import java.util.List;

/**
 * The platform's dashboard.
 *
 * @param dashboardName its name
 * @param region        the region of the alarms it shows
 * @param alarmNames    the alarms, in the order shown
 */
public record PlatformDashboardProps(String dashboardName, String region, List<String> alarmNames) {
    public PlatformDashboardProps {
        alarmNames = List.copyOf(alarmNames);
    }
}
