package fr.medsaas.platform.constructs.app;

import fr.medsaas.platform.nag.Acknowledge;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.regioninfo.RegionInfo;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The patient-facing entry point (ALB-1, ALB-2): internet-facing in the public tier, HTTPS on
 * 443 with the configured certificate and a TLS 1.2+ policy, port 80 only redirecting to 443,
 * invalid header fields dropped, deletion protection, access logs to a bucket of their own.
 */
public final class PublicLoadBalancer extends Construct {
    private final ApplicationLoadBalancer loadBalancer;
    private final ApplicationTargetGroup targetGroup;
    private final Bucket accessLogs;

    public PublicLoadBalancer(Construct scope, String id, PublicLoadBalancerProps props) {
        super(scope, id);
        // ALB access logs cannot be written to an SSE-KMS bucket: SSE-S3 is the documented exception
        // (ALB-2). The logs hold client IPs and paths, never request bodies or health data.
        this.accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(props.logRetentionDays()))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        fr.medsaas.platform.constructs.media.BucketEvents.toEventBridge(accessLogs);
        Acknowledge.rules(accessLogs,
                "Elastic Load Balancing writes access logs only to SSE-S3 buckets (ALB-2, a documented AWS limit); this "
                        + "bucket holds request metadata, no health data, and is private, TLS-only and versioned.",
                "NIST.800.53.R5-S3DefaultEncryptionKMS", "HIPAA.Security-S3DefaultEncryptionKMS");
        Acknowledge.rules(accessLogs,
                "This bucket is itself the access-log destination of the load balancer; logging its own accesses would "
                        + "need another log bucket for no audit gain, and CloudTrail records its management events.",
                "AwsSolutions-S1", "NIST.800.53.R5-S3BucketLoggingEnabled", "HIPAA.Security-S3BucketLoggingEnabled");
        Acknowledge.rules(accessLogs,
                "Access logs are kept for their retention period in the primary region only; replicating them to a "
                        + "second region would copy personal data (client IPs) for no recovery need.",
                "NIST.800.53.R5-S3BucketReplicationEnabled", "HIPAA.Security-S3BucketReplicationEnabled");

        this.loadBalancer = ApplicationLoadBalancer.Builder.create(this, "Resource")
                .loadBalancerName(props.name())
                .vpc(props.vpc())
                .vpcSubnets(props.subnets())
                .internetFacing(true)
                .securityGroup(props.securityGroup())
                .dropInvalidHeaderFields(true)
                .deletionProtection(props.deletionProtection())
                .build();
        logAccessLogs();
        if (!props.deletionProtection()) {
            Acknowledge.rules(loadBalancer,
                    "Deletion protection was turned off by configuration (app.loadBalancerDeletionProtection: false) "
                            + "for an environment that is torn down on purpose; the load balancer holds no data.",
                    "NIST.800.53.R5-ELBDeletionProtectionEnabled", "HIPAA.Security-ELBDeletionProtectionEnabled");
        }

        this.targetGroup = ApplicationTargetGroup.Builder.create(this, "Web")
                .vpc(props.vpc())
                .port(props.targetPort())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path(props.healthCheckPath())
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(30))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
        ApplicationListener https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443)
                .protocol(ApplicationProtocol.HTTPS)
                .certificates(List.of(ListenerCertificate.fromArn(props.certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .open(false)
                .defaultTargetGroups(List.of(targetGroup))
                .build());
        ApplicationListener http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        https.getNode().addDependency(targetGroup);
        Acknowledge.rules(http,
                "Port 80 only answers a permanent redirect to HTTPS on 443 (ALB-1); it forwards nothing, so it has no "
                        + "certificate to carry. The HTTPS listener uses the configured ACM certificate.",
                "HIPAA.Security-ELBv2ACMCertificateRequired", "NIST.800.53.R5-ELBv2ACMCertificateRequired");
    }

    /**
     * ALB-2: access logs to the bucket, with a policy written here rather than CDK's
     * {@code logAccessLogs}, which also lets {@code delivery.logs.amazonaws.com} write with no
     * {@code aws:SourceAccount}. In a region opened before August 2022 (eu-west-3 among them),
     * Elastic Load Balancing writes as its regional account, which AWS documents no condition key
     * for: its writes are held to this account's prefix. In a later region, the log-delivery
     * service principal writes, held to this account by {@code aws:SourceAccount}.
     */
    private void logAccessLogs() {
        String region = Stack.of(this).getRegion();
        String prefix = "alb";
        String objects = accessLogs.arnForObjects(prefix + "/AWSLogs/" + Aws.ACCOUNT_ID + "/*");
        String elbAccount = RegionInfo.get(region).getElbv2Account();
        PolicyStatement.Builder write = PolicyStatement.Builder.create()
                .sid("ElasticLoadBalancingWritesThisAccountsLogs")
                .actions(List.of("s3:PutObject"))
                .resources(List.of(objects));
        if (elbAccount != null) {
            write.principals(List.of(new AccountPrincipal(elbAccount)));
        } else {
            write.principals(List.of(new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com")))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)));
        }
        accessLogs.addToResourcePolicy(write.build());
        loadBalancer.setAttribute("access_logs.s3.enabled", "true");
        loadBalancer.setAttribute("access_logs.s3.bucket", accessLogs.getBucketName());
        loadBalancer.setAttribute("access_logs.s3.prefix", prefix);
        // The policy must be in place before the load balancer checks it can write.
        loadBalancer.getNode().addDependency(accessLogs);
    }

    /** The load balancer. */
    public ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** The web containers' target group. */
    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    /** The access-log bucket. */
    public Bucket accessLogs() {
        return accessLogs;
    }
}
