package fr.medsaas.platform.constructs.observability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alarm of the platform, as plain data (OBS-2, OBS-3): what it watches, when it fires and
 * why. {@link PlatformAlarms} turns it into a CloudWatch alarm; the docs' alarm table lists the
 * same rows.
 *
 * @param id                construct id; part of the alarm's logical ID
 * @param nameSuffix        the alarm's name after the prefix: {@code <prefix>-<suffix>}
 * @param requirement       the requirement it serves
 * @param description       what firing means, for the person who reads the alert
 * @param queries           the metrics and expressions; one returns data (an anomaly alarm: the metric and its band)
 * @param comparison        CloudWatch's comparison operator
 * @param threshold         the threshold; absent for an anomaly band
 * @param thresholdMetricId the id of the band expression; present for an anomaly band only
 * @param evaluationPeriods periods looked at
 * @param missingData       CloudWatch's treatment of missing data
 */
public record AlarmSpec(String id, String nameSuffix, String requirement, String description, List<Query> queries,
                        String comparison, Optional<Double> threshold, Optional<String> thresholdMetricId,
                        int evaluationPeriods, String missingData) {

    public AlarmSpec {
        queries = List.copyOf(queries);
        if (threshold.isPresent() == thresholdMetricId.isPresent()) {
            throw new IllegalArgumentException("alarm " + id + ": a threshold or an anomaly band, not both");
        }
        // CloudWatch evaluates the one query that returns data; an anomaly alarm returns its metric and its band.
        long returned = queries.stream().filter(Query::returnData).count();
        if (returned != (thresholdMetricId.isPresent() ? 2 : 1)) {
            throw new IllegalArgumentException("alarm " + id + ": one query returns data (two with an anomaly band)");
        }
    }

    /** The period of the alarm's metrics, in seconds. */
    public int periodSeconds() {
        return queries.stream().filter(q -> q.metric().isPresent()).findFirst()
                .map(q -> q.metric().get().periodSeconds()).orElseThrow();
    }

    /**
     * One query of an alarm: a metric or an expression over the others.
     *
     * @param id         the query's id, lower case first
     * @param metric     the metric, for a metric query
     * @param expression the metric-math expression, for an expression query
     * @param label      the label of the returned series
     * @param returnData whether this query is the one the alarm evaluates (or the band's input)
     */
    public record Query(String id, Optional<Metric> metric, Optional<String> expression, String label, boolean returnData) {
        /** A metric query. */
        public static Query metric(String id, Metric metric, boolean returnData) {
            return new Query(id, Optional.of(metric), Optional.empty(), metric.name(), returnData);
        }

        /** An expression query. */
        public static Query expression(String id, String expression, String label, boolean returnData) {
            return new Query(id, Optional.empty(), Optional.of(expression), label, returnData);
        }
    }

    /**
     * A CloudWatch metric with its statistic and period.
     *
     * @param namespace     the namespace
     * @param name          the metric name
     * @param dimensions    dimension names to values (values may be CloudFormation tokens)
     * @param statistic     Sum, Average, Maximum or Minimum
     * @param periodSeconds the period
     */
    public record Metric(String namespace, String name, Map<String, String> dimensions, String statistic, int periodSeconds) {
        public Metric {
            dimensions = new java.util.TreeMap<>(dimensions);
        }
    }
}
