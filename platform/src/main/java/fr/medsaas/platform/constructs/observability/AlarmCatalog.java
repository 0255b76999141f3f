package fr.medsaas.platform.constructs.observability;

import fr.medsaas.config.AlarmsConfig;
import fr.medsaas.platform.constructs.observability.AlarmSpec.Metric;
import fr.medsaas.platform.constructs.observability.AlarmSpec.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's alarms as plain data (OBS-2, OBS-3), from the configured thresholds and the
 * dimension values of what they watch. Periods and windows are fixed here; docs/observability.md
 * gives the reason of each.
 */
public final class AlarmCatalog {
    /** The namespace of the application's own metrics (OBS-2). */
    public static final String APPLICATION_NAMESPACE = "MedicalSaaS/Application";
    /** The metric the application publishes each time it reads a patient's data (OBS-2). */
    public static final String PATIENT_DATA_ACCESS = "PatientDataAccess";

    private static final int FIVE_MINUTES = 300;
    private static final String GT = "GreaterThanThreshold";
    private static final String GTE = "GreaterThanOrEqualToThreshold";
    private static final String NOT_BREACHING = "notBreaching";
    private static final String MISSING = "missing";
    private static final double GIB = 1024d * 1024d * 1024d;

    private AlarmCatalog() {
    }

    /** Every alarm, in the order of the dashboard. */
    public static List<AlarmSpec> alarms(AlarmsConfig c, AlarmTargets t) {
        List<AlarmSpec> out = new ArrayList<>();
        Map<String, String> lb = Map.of("LoadBalancer", t.loadBalancerFullName());
        // The source's alarm (named as in the source), on the metrics that exist: the source's
        // "Errors" is not a metric of AWS/ApplicationELB. 5xx made by the load balancer and by its targets.
        out.add(new AlarmSpec("LoadBalancer5xx", "high-error-rate", "OBS-3",
                "High error rate in medical SaaS application: more than " + c.loadBalancer5xx()
                        + " HTTP 5xx answers (load balancer and targets) per 5 minutes, twice in a row",
                List.of(Query.metric("elb", new Metric("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", lb, "Sum", FIVE_MINUTES), false),
                        Query.metric("target", new Metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb, "Sum", FIVE_MINUTES), false),
                        Query.expression("errors", "FILL(elb, 0) + FILL(target, 0)", "5xx answers", true)),
                GT, Optional.of((double) c.loadBalancer5xx()), Optional.empty(), 2, NOT_BREACHING));
        out.add(single("UnhealthyTargets", "unhealthy-targets", "OBS-3",
                "At least " + c.unhealthyTargets() + " web task(s) failing the load balancer's health check for 3 minutes",
                new Metric("AWS/ApplicationELB", "UnHealthyHostCount",
                        Map.of("LoadBalancer", t.loadBalancerFullName(), "TargetGroup", t.targetGroupFullName()), "Maximum", 60),
                GTE, c.unhealthyTargets(), 3, NOT_BREACHING));

        Map<String, String> db = Map.of("DBInstanceIdentifier", t.databaseInstanceId());
        out.add(single("DatabaseCpu", "rds-cpu", "OBS-3",
                "PostgreSQL CPU above " + c.databaseCpuPercent() + "% for 15 minutes",
                new Metric("AWS/RDS", "CPUUtilization", db, "Average", FIVE_MINUTES), GT, c.databaseCpuPercent(), 3, MISSING));
        out.add(single("DatabaseFreeStorage", "rds-free-storage", "OBS-3",
                "PostgreSQL free storage below " + c.databaseFreeStorageGiB() + " GiB: autoscaling is at its ceiling or cannot keep up",
                new Metric("AWS/RDS", "FreeStorageSpace", db, "Minimum", FIVE_MINUTES), "LessThanThreshold",
                c.databaseFreeStorageGiB() * GIB, 1, MISSING));
        out.add(single("DatabaseConnections", "rds-connections", "OBS-3",
                "More than " + c.databaseConnections() + " PostgreSQL connections for 10 minutes",
                new Metric("AWS/RDS", "DatabaseConnections", db, "Maximum", FIVE_MINUTES), GT, c.databaseConnections(), 2, MISSING));

        out.add(overNodes("CacheEngineCpu", "redis-cpu", "Redis engine CPU above " + c.cacheEngineCpuPercent()
                + "% on a node for 15 minutes", "EngineCPUUtilization", "Average", "MAX", t, c.cacheEngineCpuPercent(), 3, MISSING));
        out.add(overNodes("CacheMemory", "redis-memory", "Redis memory above " + c.cacheMemoryPercent()
                + "% on a node for 15 minutes", "DatabaseMemoryUsagePercentage", "Average", "MAX", t, c.cacheMemoryPercent(), 3, MISSING));
        out.add(overNodes("CacheEvictions", "redis-evictions", "Redis evicted more than " + c.cacheEvictions()
                + " keys in 5 minutes: sessions or queued tasks are being lost", "Evictions", "Sum", "SUM", t,
                c.cacheEvictions(), 1, NOT_BREACHING));

        for (String service : t.serviceNames()) {
            Map<String, String> svc = new LinkedHashMap<>();
            svc.put("ClusterName", t.clusterName());
            svc.put("ServiceName", service);
            String id = camel(service);
            out.add(single(id + "Cpu", service + "-cpu", "OBS-3", "ECS service " + service + " CPU above "
                            + c.serviceCpuPercent() + "% for 15 minutes: autoscaling is at its ceiling or the tasks are stuck",
                    new Metric("AWS/ECS", "CPUUtilization", svc, "Average", FIVE_MINUTES), GT, c.serviceCpuPercent(), 3, MISSING));
            out.add(single(id + "Memory", service + "-memory", "OBS-3", "ECS service " + service + " memory above "
                            + c.serviceMemoryPercent() + "% for 15 minutes: tasks near their hard limit get killed",
                    new Metric("AWS/ECS", "MemoryUtilization", svc, "Average", FIVE_MINUTES), GT, c.serviceMemoryPercent(), 3, MISSING));
        }

        out.add(single("WebAclBlocked", "waf-blocked-requests", "OBS-3",
                "The load balancer's web ACL blocked more than " + c.webAclBlockedRequests()
                        + " requests per 5 minutes, twice in a row: an attack or a client gone wrong",
                new Metric("AWS/WAFV2", "BlockedRequests",
                        Map.of("WebACL", t.webAclName(), "Region", t.region(), "Rule", "ALL"), "Sum", FIVE_MINUTES),
                GT, c.webAclBlockedRequests(), 2, NOT_BREACHING));

        // OBS-2: an anomaly band, not a fixed threshold: normal reading of patient files follows the
        // practices' opening hours and grows with the customers, so no one number fits every hour
        // and every month; the band learns the hourly and weekly pattern, and a mass export by a
        // stolen account shows as a rise above it.
        out.add(new AlarmSpec("PatientDataAccess", "patient-data-access-anomaly", "OBS-2",
                "Patient data read far above its usual level for this hour and weekday (" + c.patientDataAccessBandWidth()
                        + " standard deviations) for 15 minutes: look for a mass export or a compromised account",
                List.of(Query.metric("reads", new Metric(APPLICATION_NAMESPACE, PATIENT_DATA_ACCESS,
                                Map.of("Environment", t.environmentTag()), "Sum", FIVE_MINUTES), true),
                        Query.expression("band", "ANOMALY_DETECTION_BAND(reads, " + c.patientDataAccessBandWidth() + ")",
                                "expected range", true)),
                "GreaterThanUpperThreshold", Optional.empty(), Optional.of("band"), 3, NOT_BREACHING));
        return List.copyOf(out);
    }

    private static AlarmSpec single(String id, String suffix, String requirement, String description, Metric metric,
                                    String comparison, double threshold, int periods, String missing) {
        return new AlarmSpec(id, suffix, requirement, description, List.of(Query.metric("m", metric, true)),
                comparison, Optional.of(threshold), Optional.empty(), periods, missing);
    }

    /** A metric of every Redis node, reduced to one series (MAX or SUM): a failover moves the primary. */
    private static AlarmSpec overNodes(String id, String suffix, String description, String metric, String statistic,
                                       String reduce, AlarmTargets t, double threshold, int periods, String missing) {
        List<Query> queries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < t.cacheClusterIds().size(); i++) {
            String q = "node" + (i + 1);
            ids.add(q);
            queries.add(Query.metric(q, new Metric("AWS/ElastiCache", metric,
                    Map.of("CacheClusterId", t.cacheClusterIds().get(i)), statistic, FIVE_MINUTES), false));
        }
        queries.add(Query.expression("nodes", reduce + "([" + String.join(", ", ids) + "])", metric + " (" + reduce + " of nodes)", true));
        return new AlarmSpec(id, suffix, "OBS-3", description, queries, GT, Optional.of(threshold), Optional.empty(), periods, missing);
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
