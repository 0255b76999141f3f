package fr.medsaas.platform.constructs.app;

import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import java.util.List;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The ECS cluster of the services (ECS-1): Fargate only, Container Insights on, a private Cloud
 * Map namespace, and Container Insights' log group made beforehand, encrypted and kept (OBS-1).
 *
 * <p>Not a construct of its own: it builds the cluster ({@code Cluster}) and the log group
 * ({@code ContainerInsightsLogs}) directly in the scope it is given, because those ids are on the
 * path of a running cluster and of a stateful log group whose logical ID is pinned
 * (StatefulLogicalIdsTest); one more level would rename and replace both.
 */
public final class ServiceCluster {
    private ServiceCluster() {
    }

    /**
     * The cluster's parts.
     *
     * @param clusterName      the cluster's name
     * @param namespace        the Cloud Map namespace ({@code medical-saas.internal})
     * @param vpc              the VPC
     * @param logsKey          the logs key (OBS-1)
     * @param logRetentionDays days Container Insights' events are kept (OBS-1)
     */
    public record Props(String clusterName, String namespace, IVpc vpc, IKey logsKey, int logRetentionDays) {
    }

    /** Builds the cluster and its Container Insights log group in {@code scope}. */
    public static Cluster build(Construct scope, Props props) {
        Cluster cluster = Cluster.Builder.create(scope, "Cluster")
                .clusterName(props.clusterName())
                .vpc(props.vpc())
                .enableFargateCapacityProviders(true)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(props.namespace()).vpc(props.vpc()).build())
                .build();
        // Container Insights writes its performance events here; made beforehand, and before the
        // cluster, so that it is encrypted and kept like every other log group (OBS-1) instead of
        // being created by the service unencrypted.
        EncryptedLogGroup insights = new EncryptedLogGroup(scope, "ContainerInsightsLogs", new EncryptedLogGroupProps(
                "/aws/ecs/containerinsights/" + props.clusterName() + "/performance", props.logsKey(),
                props.logRetentionDays()));
        cluster.getNode().addDependency(insights);
        cluster.addDefaultCapacityProviderStrategy(List.of(
                CapacityProviderStrategy.builder().capacityProvider("FARGATE").weight(1).build()));
        return cluster;
    }
}
