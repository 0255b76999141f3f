package fr.medsaas.compliance.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The shipped, dated price table ({@code prices.csv}): one row per price id and region, in USD,
 * with its source; the header's {@code # key: value} lines say the date, currency and EUR rate
 * (with the rate's own date and source).
 *
 * @param date          the day the table was compiled
 * @param currency      the currency of every price (USD, as AWS lists them)
 * @param eurPerUsd     the EUR rate, as written in the header, or empty
 * @param eurRateDate   the day (or month) of that rate, {@code YYYY-MM-DD} or {@code YYYY-MM}, or empty
 * @param eurRateSource where that rate comes from, or empty
 * @param sources       what each source letter means
 * @param rows          every row, by {@code id@region}
 */
public record PriceTable(String date, String currency, String eurPerUsd, String eurRateDate, String eurRateSource,
        String sources, Map<String, Row> rows) {
    /** How far apart the EUR rate's date and the prices' date may be for the total to be converted. */
    public static final int EUR_RATE_MAX_DAYS_FROM_PRICES = 31;

    /**
     * One price.
     *
     * @param id          the price id ({@code rds.gp3})
     * @param region      the region, or {@code global}
     * @param unit        what one unit is ({@code gb-month})
     * @param usd         the price of one unit
     * @param source      the source letter (see the header)
     * @param description what it is, for a person
     */
    public record Row(String id, String region, String unit, double usd, String source, String description) {
    }

    /** The table shipped with medsaas. */
    public static PriceTable shipped() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.csv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped price table", e);
        }
    }

    /** Parses the CSV text of a price table. */
    static PriceTable parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        StringBuilder sources = new StringBuilder();
        boolean inSources = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                String body = line.substring(1).strip();
                int colon = body.indexOf(':');
                String key = colon > 0 ? body.substring(0, colon) : "";
                if (key.matches("[a-z_]+")) {
                    header.put(key, body.substring(colon + 1).strip());
                    inSources = key.equals("sources");
                    if (inSources) {
                        sources.append(body.substring(colon + 1).strip());
                    }
                } else if (inSources) {
                    sources.append(' ').append(body);
                }
                continue;
            }
            if (line.isBlank() || line.startsWith("id,")) {
                continue;
            }
            List<String> f = List.of(line.split(",", 6));
            Row row = new Row(f.get(0), f.get(1), f.get(2), Double.parseDouble(f.get(3)), f.get(4), f.get(5).strip());
            rows.put(row.id() + "@" + row.region(), row);
        }
        return new PriceTable(header.getOrDefault("date", "?"), header.getOrDefault("currency", "USD"),
                header.getOrDefault("eur_per_usd", ""), header.getOrDefault("eur_per_usd_date", ""),
                header.getOrDefault("eur_per_usd_source", ""), sources.toString(), Map.copyOf(rows));
    }

    /** The row of {@code id} in {@code region}. */
    public Optional<Row> find(String id, String region) {
        return Optional.ofNullable(rows.get(id + "@" + region));
    }

    /**
     * The EUR-per-USD rate, when the header gives one dated within {@value #EUR_RATE_MAX_DAYS_FROM_PRICES}
     * days of the prices: a rate of another year would convert this year's prices wrongly.
     */
    public Optional<Double> eurRate() {
        if (eurPerUsd.isBlank() || eurRateStaleness().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(eurPerUsd.split("\\s+")[0]));
    }

    /** Why the total is not converted to EUR (no rate, no date, or too far from the prices' date), or empty. */
    public Optional<String> eurRateStaleness() {
        if (eurPerUsd.isBlank()) {
            return Optional.of("the price table gives no EUR rate");
        }
        if (eurRateDate.isBlank()) {
            return Optional.of("the EUR rate " + eurPerUsd + " has no date (eur_per_usd_date)");
        }
        long days = Math.abs(ChronoUnit.DAYS.between(day(eurRateDate), day(date)));
        if (days > EUR_RATE_MAX_DAYS_FROM_PRICES) {
            return Optional.of(String.format(Locale.ROOT, "the EUR rate %s is dated %s, %d days from the prices (%s); "
                    + "a rate within %d days of them is needed (eur_per_usd and eur_per_usd_date in prices.csv's header)",
                    eurPerUsd, eurRateDate, days, date, EUR_RATE_MAX_DAYS_FROM_PRICES));
        }
        return Optional.empty();
    }

    /** A {@code YYYY-MM-DD} day, or the last day of a {@code YYYY-MM} month. */
    static LocalDate day(String text) {
        return text.length() == 7 ? YearMonth.parse(text).atEndOfMonth() : LocalDate.parse(text);
    }
}
