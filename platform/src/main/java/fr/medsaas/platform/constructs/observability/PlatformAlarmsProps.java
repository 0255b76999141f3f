package fr.medsaas.platform.constructs.observability;

import java.util.List;

/**
 * The platform's alarms.
 *
 * @param namePrefix prefix of the alarms' names
 * @param alarms     the alarms, from {@link AlarmCatalog}
 * @param topicArn   the alerts topic, notified on ALARM and on OK
 */
public record PlatformAlarmsProps(String namePrefix, List<AlarmSpec> alarms, String topicArn) {
    public PlatformAlarmsProps {
        alarms = List.copyOf(alarms);
    }
}
