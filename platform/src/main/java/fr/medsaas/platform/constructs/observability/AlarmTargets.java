package fr.medsaas.platform.constructs.observability;

import java.util.List;

/**
 * What the alarms watch, by the values of their CloudWatch dimensions: names from the
 * configuration, and the load balancer's and target group's generated names (tokens).
 *
 * @param loadBalancerFullName  {@code app/<name>/<id>}, the {@code LoadBalancer} dimension
 * @param targetGroupFullName   {@code targetgroup/<name>/<id>}, the {@code TargetGroup} dimension
 * @param databaseInstanceId    the RDS instance identifier
 * @param cacheClusterIds       the Redis nodes (member clusters of the replication group)
 * @param clusterName           the ECS cluster
 * @param serviceNames          the ECS services
 * @param webAclName            the load balancer's regional web ACL
 * @param region                the region of all of them
 * @param environmentTag        the {@code Environment} dimension of the application's own metrics
 */
public record AlarmTargets(String loadBalancerFullName, String targetGroupFullName, String databaseInstanceId,
                           List<String> cacheClusterIds, String clusterName, List<String> serviceNames,
                           String webAclName, String region, String environmentTag) {
    public AlarmTargets {
        cacheClusterIds = List.copyOf(cacheClusterIds);
        serviceNames = List.copyOf(serviceNames);
    }
}
