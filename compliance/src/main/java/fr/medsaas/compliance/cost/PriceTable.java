package fr.medsaas.compliance.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped, dated price table ({@code prices.csv}): one row per price id and region, in USD,
 * with its source; the header's {@code # key: value} lines say the date, currency and EUR rate.
 *
 * @param date      the day the table was compiled
 * @param currency  the currency of every price (USD, as AWS lists them)
 * @param eurPerUsd the EUR rate and its date, as written in the header, or empty
 * @param sources   what each source letter means
 * @param rows      every row, by {@code id@region}
 */
public record PriceTable(String date, String currency, String eurPerUsd, String sources, Map<String, Row> rows) {

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
                header.getOrDefault("eur_per_usd", ""), sources.toString(), Map.copyOf(rows));
    }

    /** The row of {@code id} in {@code region}. */
    public Optional<Row> find(String id, String region) {
        return Optional.ofNullable(rows.get(id + "@" + region));
    }

    /** The EUR-per-USD rate, when the header gives one. */
    public Optional<Double> eurRate() {
        if (eurPerUsd.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(eurPerUsd.split("\\s+")[0]));
    }
}
