package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awscdk.ReferenceStrength;
import software.amazon.awscdk.Stack;

/**
 * What the Observability stack takes from the stacks before it: the keys, and the values of the
 * CloudWatch dimensions of what it watches. Names the configuration fixes are passed as plain
 * strings; the load balancer's and target group's generated names are weak references
 * ({@code Fn::GetStackOutput}), so that the App stack stays free to replace them: a strong
 * reference (an export) would block that.
 *
 * @param keys                 the platform's keys (the alerts key)
 * @param loadBalancerFullName the {@code LoadBalancer} dimension, {@code app/<name>/<id>}
 * @param targetGroupFullName  the {@code TargetGroup} dimension of the web target group
 * @param databaseInstanceId   the PostgreSQL instance identifier
 * @param cacheClusterIds      the Redis nodes, {@code <replication group>-001}, ...
 * @param clusterName          the ECS cluster
 * @param serviceNames         the web and worker services
 * @param webAclName           the load balancer's regional web ACL
 */
public record ObservabilityStackInputs(PlatformKeys keys, String loadBalancerFullName, String targetGroupFullName,
                                       String databaseInstanceId, List<String> cacheClusterIds, String clusterName,
                                       List<String> serviceNames, String webAclName) {
    public ObservabilityStackInputs {
        cacheClusterIds = List.copyOf(cacheClusterIds);
        serviceNames = List.copyOf(serviceNames);
    }

    /**
     * The inputs of an environment: names as the Data and App stacks give them, and the load
     * balancer's generated names from the App stack.
     */
    public static ObservabilityStackInputs of(EnvironmentConfig config, PlatformKeys keys, AppStack app) {
        String replicationGroup = config.physicalName("redis");
        // ElastiCache names the nodes of a replication group without cluster mode <id>-001, <id>-002, ...
        List<String> nodes = IntStream.rangeClosed(1, config.data().redis().numNodes())
                .mapToObj(i -> String.format("%s-%03d", replicationGroup, i)).toList();
        return new ObservabilityStackInputs(keys,
                Stack.consumeReference(app.loadBalancer().loadBalancer().getLoadBalancerFullName(), ReferenceStrength.WEAK),
                Stack.consumeReference(app.loadBalancer().targetGroup().getTargetGroupFullName(), ReferenceStrength.WEAK),
                config.physicalName("postgres"), nodes, config.physicalName("cluster"),
                List.of(AppStack.WEB_SERVICE, AppStack.WORKER_SERVICE), config.physicalName("alb-waf"));
    }
}
