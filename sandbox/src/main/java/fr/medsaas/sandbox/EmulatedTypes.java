package fr.medsaas.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data table of the sandbox: which CloudFormation resource types the emulator (moto 5.2.1)
 * creates from the platform's templates, and why every other type is left out. A type is emulated
 * only once a stack using it has deployed and been read back; any type not listed is left out.
 * A new stack plugs in by adding rows here and read-back assertions in the tests.
 */
public final class EmulatedTypes {
    /** Prefix of CloudFormation custom resources; every one is left out. */
    public static final String CUSTOM_PREFIX = "Custom::";

    /** Why a type nobody listed is left out. */
    public static final String UNLISTED_REASON = "not in the sandbox's table of emulated types (EmulatedTypes)";

    private static final String NO_MODEL = "moto 5.2.1 has no CloudFormation model for it";
    private static final String UNVERIFIED = "moto 5.2.1 has a CloudFormation model for it, not yet verified against "
            + "the platform's templates: add it as emulated with the stack's read-back test";
    private static final String LAMBDA_BACKED = "Lambda-backed custom resource: the emulator runs no Lambda code";

    /**
     * One row of the table.
     *
     * @param type     the CloudFormation type
     * @param emulated whether the sandbox deploys it to the emulator
     * @param note     for an emulated type, what to know (its moto defects); otherwise why it is left out
     */
    public record Row(String type, boolean emulated, String note) {
    }

    private static final Map<String, Row> ROWS = new LinkedHashMap<>();

    static {
        // Keys stack
        emulated("AWS::KMS::Key", "tags and key policy rewritten for moto (" + MotoDefect.KMS_KEY_TAGS.id() + ", "
                + MotoDefect.KMS_KEY_POLICY.id() + ")");
        emulated("AWS::KMS::Alias", "");
        // Network stack
        emulated("AWS::EC2::VPC", "DNS attributes ignored by moto (" + MotoDefect.VPC_DNS_ATTRIBUTES.id() + ")");
        emulated("AWS::EC2::Subnet", "");
        emulated("AWS::EC2::RouteTable", "");
        emulated("AWS::EC2::SubnetRouteTableAssociation", "not shown on the route table by moto ("
                + MotoDefect.ROUTE_TABLE_ASSOCIATIONS.id() + ")");
        emulated("AWS::EC2::Route", "");
        emulated("AWS::EC2::InternetGateway", "");
        emulated("AWS::EC2::VPCGatewayAttachment", "");
        emulated("AWS::EC2::EIP", "");
        emulated("AWS::EC2::NatGateway", "");
        emulated("AWS::EC2::VPCEndpoint", "gateway and interface endpoints");
        emulated("AWS::EC2::FlowLog", "");
        emulated("AWS::EC2::SecurityGroup", "inline ingress rules included");
        emulated("AWS::EC2::SecurityGroupIngress", "");
        emulated("AWS::IAM::Role", "");
        emulated("AWS::IAM::ManagedPolicy", "");
        emulated("AWS::Logs::LogGroup", "key property renamed for moto (" + MotoDefect.LOG_GROUP_KMS_KEY.id() + ")");
        // Data stack
        emulated("AWS::RDS::DBInstance", "parameter group reference dropped, security groups renamed, backup window "
                + "pulled off the maintenance window for moto (" + MotoDefect.RDS_PARAMETER_GROUP_REF.id() + ", "
                + MotoDefect.RDS_SECURITY_GROUPS.id() + ", " + MotoDefect.RDS_ADJACENT_WINDOWS.id() + "); protection, "
                + "log exports and monitoring ignored by moto (" + MotoDefect.RDS_IGNORED_PROPERTIES.id() + ")");
        emulated("AWS::RDS::DBSubnetGroup", "");
        emulated("AWS::RDS::DBParameterGroup", "created under a generated name (" + MotoDefect.RDS_PARAMETER_GROUP_REF.id() + ")");
        // Media and App stacks
        emulated("AWS::S3::Bucket", "only name, encryption and tags kept by moto (" + MotoDefect.S3_BUCKET_PROPERTIES.id() + ")");
        emulated("AWS::ECS::Cluster", "settings ignored by moto (" + MotoDefect.ECS_IGNORED_PROPERTIES.id() + ")");
        emulated("AWS::ECS::TaskDefinition", "CPU, network mode, compatibilities and roles ignored by moto ("
                + MotoDefect.ECS_IGNORED_PROPERTIES.id() + ")");
        emulated("AWS::ECS::Service", "launch type, network, load balancers and deployment ignored by moto ("
                + MotoDefect.ECS_IGNORED_PROPERTIES.id() + ")");
        emulated("AWS::ElasticLoadBalancingV2::LoadBalancer", "attributes ignored by moto ("
                + MotoDefect.ELBV2_LOAD_BALANCER_ATTRIBUTES.id() + ")");
        emulated("AWS::ElasticLoadBalancingV2::Listener", "the configured certificate gets a stand-in in the emulator's ACM");
        emulated("AWS::ElasticLoadBalancingV2::TargetGroup", "");
        // Observability and Compliance stacks
        emulated("AWS::SNS::Topic", "the alerts topic; its subscriptions and policy are left out (no model in moto)");
        emulated("AWS::Events::Rule", "the OBS-5 rules with their input transformers");
        // Delivery stack
        emulated("AWS::ECR::Repository", "scanning and encryption rewritten for moto ("
                + MotoDefect.ECR_SCANNING_CONFIGURATION.id() + ", " + MotoDefect.ECR_ENCRYPTION_CONFIGURATION.id()
                + "); the lifecycle policy ignored by moto (checked on the template sent)");

        leftOut("AWS::EC2::SecurityGroupEgress", NO_MODEL + "; the egress rules are checked on the template "
                + "(platform's NetworkStackTest)");
        leftOut("AWS::Lambda::Function", "its code is a CDK asset in the bootstrap bucket, which the emulator does not have "
                + "(no bootstrap), and the emulator runs no Lambda code");
        leftOut("AWS::CloudFormation::CustomResource", LAMBDA_BACKED);
        leftOut("AWS::Lambda::Permission", "it grants a left-out Lambda function to its caller; nothing to emulate");
        leftOut("AWS::CDK::Metadata", "CDK version reporting, off in this app; nothing to emulate");

        // The other types of the Data, Media, App, EdgeFirewall, EdgeLogging, Replica and Backup stacks
        // (the vaults, plan and selection of BCK-1: docs/disaster-recovery.md).
        for (String type : List.of("AWS::SecretsManager::Secret", "AWS::SecretsManager::SecretTargetAttachment",
                "AWS::SecretsManager::RotationSchedule", "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::SubnetGroup",
                "AWS::ElastiCache::ParameterGroup", "AWS::RDS::DBCluster", "AWS::S3::BucketPolicy",
                "AWS::SecretsManager::ResourcePolicy", "AWS::CloudFront::CachePolicy", "AWS::Logs::Delivery",
                "AWS::Logs::DeliverySource", "AWS::Logs::DeliveryDestination",
                "AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl", "AWS::CloudFront::KeyGroup",
                "AWS::CloudFront::PublicKey", "AWS::WAFv2::WebACL", "AWS::WAFv2::WebACLAssociation",
                "AWS::WAFv2::LoggingConfiguration", "AWS::ECS::ClusterCapacityProviderAssociations",
                "AWS::ServiceDiscovery::PrivateDnsNamespace", "AWS::ServiceDiscovery::Service",
                "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
                "AWS::CloudWatch::Alarm", "AWS::Logs::SubscriptionFilter", "AWS::KMS::ReplicaKey",
                "AWS::Backup::BackupVault", "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection",
                "AWS::SNS::Subscription", "AWS::SNS::TopicPolicy", "AWS::CloudTrail::Trail", "AWS::Logs::MetricFilter",
                "AWS::Config::ConfigRule", "AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel",
                "AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub", "AWS::CodeBuild::Project", "AWS::CodePipeline::Pipeline",
                "AWS::CodeStarNotifications::NotificationRule")) {
            leftOut(type, NO_MODEL);
        }
        for (String type : List.of("AWS::SSM::Parameter",
                "AWS::IAM::Policy", "AWS::CloudWatch::Dashboard")) {
            leftOut(type, UNVERIFIED);
        }
    }

    /**
     * Types whose {@code Ref} is an ARN (CloudFormation's documented return values): a placeholder
     * for a left-out one is ARN-shaped, since what reads it (an IAM policy, another stack's import)
     * may require an ARN.
     */
    private static final Set<String> REF_IS_ARN = Set.of(
            "AWS::SecretsManager::Secret", "AWS::SecretsManager::SecretTargetAttachment", "AWS::SNS::Topic",
            "AWS::IAM::ManagedPolicy", "AWS::ECS::TaskDefinition", "AWS::ECS::Service",
            "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
            "AWS::ApplicationAutoScaling::ScalingPolicy", "AWS::StepFunctions::StateMachine",
            "AWS::CertificateManager::Certificate");

    private EmulatedTypes() {
    }

    /** Whether CloudFormation's {@code Ref} of this type returns an ARN. */
    public static boolean refReturnsArn(String type) {
        return REF_IS_ARN.contains(type);
    }

    private static void emulated(String type, String note) {
        put(new Row(type, true, note));
    }

    private static void leftOut(String type, String reason) {
        put(new Row(type, false, reason));
    }

    private static void put(Row row) {
        if (ROWS.putIfAbsent(row.type(), row) != null) {
            throw new IllegalStateException("EmulatedTypes lists " + row.type() + " twice");
        }
    }

    /** Every row, in the table's order. */
    public static List<Row> rows() {
        return List.copyOf(ROWS.values());
    }

    /** The row of a type, when the table lists it. */
    public static Optional<Row> row(String type) {
        return Optional.ofNullable(ROWS.get(type));
    }

    /** Whether the sandbox deploys resources of this type to the emulator. */
    public static boolean isEmulated(String type) {
        return row(type).map(Row::emulated).orElse(false);
    }

    /** Why a type is left out; empty for an emulated type. */
    public static String whyLeftOut(String type) {
        if (type.startsWith(CUSTOM_PREFIX)) {
            return LAMBDA_BACKED;
        }
        return row(type).map(r -> r.emulated() ? "" : r.note()).orElse(UNLISTED_REASON);
    }
}
