package fr.medsaas.compliance.diagram;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CloudFormation type becomes in the diagram: a labelled node with a glyph, one node per
 * group of its kind, or nothing (IAM and plumbing).
 *
 * @param name    the kind's name, plural-ready ("NAT gateway")
 * @param glyph   a short glyph drawn in the node (text, no font needed beyond the default)
 * @param color   the node's accent colour
 * @param display shown one node per resource, grouped per container, or hidden
 */
public record Kind(String name, String glyph, String color, Display display) {

    /** How resources of a kind are drawn. */
    public enum Display { SHOWN, GROUPED, HIDDEN }

    /** The pseudo-type of a bucket that only receives logs (grouped). */
    public static final String LOG_BUCKET = "medsaas::S3::LogBucket";

    private static final String NET = "#8c4fff";
    private static final String COMPUTE = "#ed7100";
    private static final String DATA = "#3b48cc";
    private static final String STORE = "#3f8624";
    private static final String SEC = "#dd344c";
    private static final String OPS = "#e7157b";
    private static final String DEV = "#01a88d";

    private static final Map<String, Kind> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::EC2::NatGateway", new Kind("NAT gateway", "NAT", NET, Display.GROUPED)),
            Map.entry("AWS::EC2::VPCEndpoint", new Kind("VPC endpoint", "EP", NET, Display.GROUPED)),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", new Kind("Load balancer", "ALB", NET, Display.SHOWN)),
            Map.entry("AWS::CloudFront::Distribution", new Kind("CloudFront distribution", "CDN", NET, Display.SHOWN)),
            Map.entry("AWS::WAFv2::WebACL", new Kind("WAF web ACL", "WAF", SEC, Display.SHOWN)),
            Map.entry("AWS::ECS::Service", new Kind("Fargate service", "ECS", COMPUTE, Display.SHOWN)),
            Map.entry("AWS::Lambda::Function", new Kind("Lambda function", "λ", COMPUTE, Display.GROUPED)),
            Map.entry("AWS::RDS::DBInstance", new Kind("RDS database", "RDS", DATA, Display.SHOWN)),
            Map.entry("AWS::RDS::DBCluster", new Kind("Aurora cluster", "RDS", DATA, Display.SHOWN)),
            Map.entry("AWS::ElastiCache::ReplicationGroup", new Kind("ElastiCache Redis", "RED", DATA, Display.SHOWN)),
            Map.entry("AWS::S3::Bucket", new Kind("S3 bucket", "S3", STORE, Display.SHOWN)),
            Map.entry(LOG_BUCKET, new Kind("S3 log bucket", "S3", STORE, Display.GROUPED)),
            Map.entry("AWS::Backup::BackupVault", new Kind("Backup vault", "BKP", STORE, Display.SHOWN)),
            Map.entry("AWS::Backup::BackupPlan", new Kind("Backup plan", "BKP", STORE, Display.SHOWN)),
            Map.entry("AWS::KMS::Key", new Kind("KMS key", "KMS", SEC, Display.GROUPED)),
            Map.entry("AWS::KMS::ReplicaKey", new Kind("KMS replica key", "KMS", SEC, Display.GROUPED)),
            Map.entry("AWS::SecretsManager::Secret", new Kind("Secret", "SM", SEC, Display.GROUPED)),
            Map.entry("AWS::Logs::LogGroup", new Kind("Log group", "CW", OPS, Display.GROUPED)),
            Map.entry("AWS::CloudWatch::Alarm", new Kind("CloudWatch alarm", "ALM", OPS, Display.GROUPED)),
            Map.entry("AWS::CloudWatch::CompositeAlarm", new Kind("CloudWatch alarm", "ALM", OPS, Display.GROUPED)),
            Map.entry("AWS::CloudWatch::Dashboard", new Kind("CloudWatch dashboard", "DSH", OPS, Display.SHOWN)),
            Map.entry("AWS::SNS::Topic", new Kind("SNS topic", "SNS", OPS, Display.SHOWN)),
            Map.entry("AWS::CloudTrail::Trail", new Kind("CloudTrail trail", "TRL", OPS, Display.SHOWN)),
            Map.entry("AWS::Config::ConfigurationRecorder", new Kind("Config recorder", "CFG", OPS, Display.SHOWN)),
            Map.entry("AWS::Config::ConfigRule", new Kind("Config rule", "CFG", OPS, Display.GROUPED)),
            Map.entry("AWS::GuardDuty::Detector", new Kind("GuardDuty detector", "GD", SEC, Display.SHOWN)),
            Map.entry("AWS::ECR::Repository", new Kind("ECR repository", "ECR", DEV, Display.SHOWN)),
            Map.entry("AWS::CodeBuild::Project", new Kind("CodeBuild project", "CB", DEV, Display.SHOWN)),
            Map.entry("AWS::CodePipeline::Pipeline", new Kind("CodePipeline", "CP", DEV, Display.SHOWN)));

    /** Types hidden by default as IAM or plumbing; anything not listed in the table is hidden too. */
    public static final List<String> HIDDEN_FAMILIES = List.of("AWS::IAM::", "Custom::", "AWS::EC2::Route",
            "AWS::EC2::SecurityGroup", "AWS::EC2::SubnetRouteTableAssociation", "AWS::Lambda::Permission");

    /** The kind of a type, when the diagram draws it. */
    public static Optional<Kind> of(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
