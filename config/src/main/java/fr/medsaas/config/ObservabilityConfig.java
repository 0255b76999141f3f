package fr.medsaas.config;

import java.util.List;

/**
 * Alerts, alarms and the dashboard (OBS-2..5): who is told, and when an alarm fires.
 *
 * @param alertEmails        e-mail addresses subscribed to the alerts topic
 * @param alertHttpsEndpoint an HTTPS endpoint subscribed to the alerts topic (an on-call tool), or null for none
 * @param alarms             the alarms' thresholds
 */
public record ObservabilityConfig(
        @Doc(value = "E-mail addresses subscribed to the alerts topic `<prefix>-alerts` (OBS-3); each confirms "
                + "its subscription from the message AWS sends", defaultValue = "[]",
                rule = "e-mail addresses (name@domain.tld), each once; none leaves the topic without a reader")
        List<String> alertEmails,
        @Doc(value = "HTTPS endpoint subscribed to the alerts topic, e.g. an on-call tool's webhook (OBS-3)",
                defaultValue = "~", rule = "an https:// URL with a host, or none")
        String alertHttpsEndpoint,
        @Doc(value = "Thresholds of the platform's alarms (OBS-2, OBS-3)", defaultValue = "{}")
        AlarmsConfig alarms) {

    public ObservabilityConfig {
        alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
    }
}
