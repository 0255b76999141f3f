package fr.medsaas.config;

/**
 * Alerts, alarms and the dashboard (OBS-2..5).
 *
 * <p>Placeholder section: its fields arrive with the stack that uses them.
 */
public record ObservabilityConfig() {
}
