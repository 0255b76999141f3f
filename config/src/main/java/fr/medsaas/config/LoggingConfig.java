package fr.medsaas.config;

/**
 * How long logs are kept (OBS-1).
 *
 * @param retentionDays days every log group keeps its events
 */
public record LoggingConfig(
        @Doc(value = "Days every log group keeps its events (OBS-1, CNIL: bounded, at most three years)",
                defaultValue = "365", rule = "365, 400, 545 or 731: the CloudWatch Logs values from 365 to 1095")
        int retentionDays) {

    /** The retention values CloudWatch Logs accepts inside the 365..1095-day window of OBS-1. */
    public static final java.util.List<Integer> ALLOWED_RETENTION_DAYS = java.util.List.of(365, 400, 545, 731);
}
