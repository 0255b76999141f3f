package fr.medsaas.config;

/**
 * Thresholds of the platform's alarms (OBS-2, OBS-3). Periods and evaluation windows are fixed
 * by the platform (docs/observability.md lists them with their reasons); an alarm fires when
 * the value is above its threshold, except free storage, which fires below.
 *
 * @param loadBalancer5xx            5xx answers of the load balancer and its targets, per 5 minutes
 * @param unhealthyTargets           unhealthy web targets at which the alarm fires
 * @param databaseCpuPercent         RDS CPU utilisation, percent
 * @param databaseFreeStorageGiB     RDS free storage, GiB, below which the alarm fires
 * @param databaseConnections        RDS connections
 * @param cacheEngineCpuPercent      Redis engine CPU utilisation, percent
 * @param cacheMemoryPercent         Redis memory used, percent
 * @param cacheEvictions             Redis evictions per 5 minutes
 * @param serviceCpuPercent          ECS service CPU utilisation, percent
 * @param serviceMemoryPercent       ECS service memory utilisation, percent
 * @param webAclBlockedRequests      requests the load balancer's web ACL blocked, per 5 minutes
 * @param patientDataAccessBandWidth width of PatientDataAccess's anomaly band, in standard deviations
 */
public record AlarmsConfig(
        @Doc(value = "5xx answers of the load balancer and its targets per 5 minutes, 2 periods in a row (OBS-3: the source's alarm)",
                defaultValue = "10", rule = "1 to 100000")
        int loadBalancer5xx,
        @Doc(value = "Unhealthy web targets, 3 minutes in a row (OBS-3)", defaultValue = "1", rule = "1 to 100")
        int unhealthyTargets,
        @Doc(value = "RDS CPU utilisation, percent, 3 x 5 minutes (OBS-3)", defaultValue = "80", rule = "1 to 100")
        int databaseCpuPercent,
        @Doc(value = "RDS free storage in GiB below which the alarm fires, 5 minutes (OBS-3)", defaultValue = "10",
                rule = "1 to 65536")
        int databaseFreeStorageGiB,
        @Doc(value = "RDS connections, 2 x 5 minutes (OBS-3); keep it under the class's max_connections", defaultValue = "500",
                rule = "1 to 100000")
        int databaseConnections,
        @Doc(value = "Redis engine CPU utilisation, percent of the node's main thread, 3 x 5 minutes (OBS-3)",
                defaultValue = "80", rule = "1 to 100")
        int cacheEngineCpuPercent,
        @Doc(value = "Redis memory used, percent of what the node may use, 3 x 5 minutes (OBS-3)", defaultValue = "80",
                rule = "1 to 100")
        int cacheMemoryPercent,
        @Doc(value = "Redis evictions per 5 minutes above which the alarm fires (OBS-3); 0: any eviction", defaultValue = "0",
                rule = "0 to 1000000")
        int cacheEvictions,
        @Doc(value = "ECS CPU utilisation of each service, percent, 3 x 5 minutes (OBS-3)", defaultValue = "85",
                rule = "1 to 100")
        int serviceCpuPercent,
        @Doc(value = "ECS memory utilisation of each service, percent, 3 x 5 minutes (OBS-3)", defaultValue = "85",
                rule = "1 to 100")
        int serviceMemoryPercent,
        @Doc(value = "Requests the load balancer's web ACL blocked per 5 minutes, 2 periods in a row (OBS-3)",
                defaultValue = "500", rule = "1 to 10000000")
        int webAclBlockedRequests,
        @Doc(value = "Width of the anomaly band of PatientDataAccess, in standard deviations; the alarm fires "
                + "above the band, 3 x 5 minutes (OBS-2)", defaultValue = "3", rule = "1 to 10")
        int patientDataAccessBandWidth) {
}
