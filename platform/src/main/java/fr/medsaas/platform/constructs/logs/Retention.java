package fr.medsaas.platform.constructs.logs;

import software.amazon.awscdk.services.logs.RetentionDays;

/** Maps a validated retention in days (OBS-1) to CloudWatch Logs' enumeration. */
public final class Retention {
    private Retention() {
    }

    /** The CloudWatch value for {@code days}; the configuration has already refused others. */
    public static RetentionDays of(int days) {
        return switch (days) {
            case 365 -> RetentionDays.ONE_YEAR;
            case 400 -> RetentionDays.THIRTEEN_MONTHS;
            case 545 -> RetentionDays.EIGHTEEN_MONTHS;
            case 731 -> RetentionDays.TWO_YEARS;
            default -> throw new IllegalArgumentException("log retention " + days
                    + " days is outside OBS-1 (365, 400, 545 or 731)");
        };
    }
}
