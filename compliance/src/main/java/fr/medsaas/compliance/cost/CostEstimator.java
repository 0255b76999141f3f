package fr.medsaas.compliance.cost;

import fr.medsaas.config.Plural;
import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.References;
import fr.medsaas.compliance.assembly.ResourceId;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.cost.CostReport.Line;
import fr.medsaas.compliance.cost.CostReport.NotPriced;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices an assembly's resources from their template properties, the price table and the usage
 * assumptions: no CDK call, no network. A resource type that costs money and has no rule or no
 * row is reported as not priced, never as zero.
 */
public final class CostEstimator {
    /** Types that AWS does not bill for by themselves (their cost, if any, is on the resource they serve). */
    static final Set<String> FREE = Set.of(
            "AWS::IAM::Role", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::InstanceProfile",
            "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::Route",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment",
            "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
            "AWS::EC2::FlowLog", "AWS::KMS::Alias", "AWS::S3::BucketPolicy", "AWS::RDS::DBParameterGroup",
            "AWS::RDS::DBSubnetGroup", "AWS::ElastiCache::SubnetGroup", "AWS::ECS::Cluster",
            "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::ECS::TaskDefinition",
            "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::WAFv2::WebACLAssociation", "AWS::WAFv2::LoggingConfiguration", "AWS::CloudFront::PublicKey",
            "AWS::CloudFront::KeyGroup", "AWS::CloudFront::CachePolicy", "AWS::CloudFront::OriginAccessControl",
            "AWS::Logs::DeliverySource", "AWS::Logs::DeliveryDestination", "AWS::SecretsManager::SecretTargetAttachment",
            "AWS::SecretsManager::ResourcePolicy", "AWS::Lambda::Permission",
            "AWS::Backup::BackupSelection", "AWS::Config::DeliveryChannel", "AWS::SNS::Subscription",
            "AWS::SNS::TopicPolicy", "AWS::S3::AccessPoint", "AWS::EC2::EIP", "AWS::Events::Rule",
            "AWS::CodeStarConnections::Connection", "AWS::ECR::RegistryPolicy", "AWS::KMS::KeyPolicy",
            "AWS::CloudTrail::EventDataStore::None", "AWS::ServiceDiscovery::Service", "AWS::SNS::TopicInlinePolicy",
            "AWS::GuardDuty::DetectorFeature::None", "AWS::Config::ConfigurationAggregator::None");

    /** vCPUs of the database instance classes the configurations use (AWS's instance class tables). */
    static final Map<String, Integer> RDS_VCPUS = Map.of("db.r6g.xlarge", 4, "db.r6g.large", 2, "db.t4g.medium", 2,
            "db.t4g.small", 2, "db.t4g.micro", 2);

    private final CloudAssembly assembly;
    private final References refs;
    private final String primary;
    private final PriceTable prices;
    private final UsageAssumptions usage;
    private final List<Line> lines = new ArrayList<>();
    private final List<NotPriced> notPriced = new ArrayList<>();

    private CostEstimator(CloudAssembly assembly, PriceTable prices, UsageAssumptions usage) {
        this.assembly = assembly;
        this.refs = new References(assembly);
        this.primary = HardeningCosts.primaryRegion(assembly);
        this.prices = prices;
        this.usage = usage;
    }

    /** The monthly estimate of {@code assembly}. */
    public static CostReport estimate(CloudAssembly assembly, PriceTable prices, UsageAssumptions usage) {
        CostEstimator e = new CostEstimator(assembly, prices, usage);
        for (StackTemplate s : assembly.stacks()) {
            s.resources().forEach((id, r) -> e.price(s, id, r));
        }
        return new CostReport(e.lines, e.notPriced, prices, usage,
                new HardeningCosts(assembly, e.refs, List.copyOf(e.lines), prices, e.primary).topics());
    }

    private double hours() {
        return usage.get("hoursPerMonth");
    }

    private void price(StackTemplate s, String id, JsonNode r) {
        String type = r.path("Type").asText();
        JsonNode p = r.path("Properties");
        String region = s.region();
        Pricer x = new Pricer(s, id, type, region);
        switch (type) {
            case "AWS::RDS::DBInstance" -> {
                int copies = p.path("MultiAZ").asBoolean() ? 2 : 1;
                String az = copies == 2 ? "Multi-AZ: 2 instances" : "Single-AZ";
                x.line("rds." + p.path("DBInstanceClass").asText() + "." + p.path("Engine").asText(),
                        p.path("DBInstanceClass").asText() + " " + az + " × " + fmt(hours()) + " h", copies * hours());
                x.line("rds." + p.path("StorageType").asText("gp2"),
                        p.path("AllocatedStorage").asText() + " GB " + p.path("StorageType").asText("gp2") + " × " + Plural.of(copies, "copy", "copies"),
                        p.path("AllocatedStorage").asDouble() * copies);
            }
            case "AWS::ElastiCache::ReplicationGroup" -> {
                int nodes = p.path("NumCacheClusters").asInt(1);
                x.line("elasticache." + p.path("CacheNodeType").asText(), Plural.of(nodes, "node") + " × " + fmt(hours()) + " h", nodes * hours());
            }
            case "AWS::ECS::Service" -> {
                JsonNode td = refs.in(s.stackName(), p.path("TaskDefinition")).stream().findFirst()
                        .map(t -> refs.resource(t).path("Properties")).orElse(p);
                int count = p.path("DesiredCount").asInt(1);
                double vcpu = td.path("Cpu").asDouble() / 1024;
                double gb = td.path("Memory").asDouble() / 1024;
                x.line("fargate.vcpu", Plural.of(count, "task") + " × " + fmt(vcpu) + " vCPU × " + fmt(hours()) + " h", count * vcpu * hours());
                x.line("fargate.gb", Plural.of(count, "task") + " × " + fmt(gb) + " GB × " + fmt(hours()) + " h", count * gb * hours());
            }
            case "AWS::EC2::NatGateway" -> {
                x.line("nat.hour", fmt(hours()) + " h", hours());
                x.line("nat.gb", "data processed (usage nat.processedGbPerGateway)", usage.get("nat.processedGbPerGateway"));
                x.line("ipv4.hour", "its Elastic IP × " + fmt(hours()) + " h", hours());
            }
            case "AWS::EC2::VPCEndpoint" -> {
                if ("Interface".equals(p.path("VpcEndpointType").asText())) {
                    int azs = Math.max(1, p.path("SubnetIds").size());
                    x.line("endpoint.interface.hour", Plural.of(azs, "AZ") + " × " + fmt(hours()) + " h", azs * hours());
                    x.line("endpoint.interface.gb", "data processed (usage endpoints.processedGbPerEndpoint)",
                            usage.get("endpoints.processedGbPerEndpoint"));
                }
            }
            case "AWS::ElasticLoadBalancingV2::LoadBalancer" -> {
                x.line("alb.hour", fmt(hours()) + " h", hours());
                x.line("alb.lcu", "usage alb.averageLcu × " + fmt(hours()) + " h", usage.get("alb.averageLcu") * hours());
                if (!"internal".equals(p.path("Scheme").asText())) {
                    int azs = Math.max(1, p.path("Subnets").size());
                    x.line("ipv4.hour", Plural.of(azs, "public address", "public addresses") + " (one per AZ) × " + fmt(hours()) + " h", azs * hours());
                    x.line("transfer.internet", "responses to the internet (usage alb.transferOutGb)", usage.get("alb.transferOutGb"));
                }
            }
            case "AWS::KMS::Key", "AWS::KMS::ReplicaKey" -> {
                x.line("kms.key", "1 key", 1);
                x.line("kms.requests", "usage kms.requestsTenThousandsPerKey", usage.get("kms.requestsTenThousandsPerKey"));
            }
            case "AWS::Logs::LogGroup" -> {
                x.line("logs.ingest", "usage logs.ingestedGbPerLogGroup", usage.get("logs.ingestedGbPerLogGroup"));
                x.line("logs.storage", "usage logs.storedGbPerLogGroup", usage.get("logs.storedGbPerLogGroup"));
            }
            case "AWS::WAFv2::WebACL" -> {
                x.line("waf.acl", "1 web ACL", 1);
                x.line("waf.rule", Plural.of(p.path("Rules").size(), "rule"), p.path("Rules").size());
                x.line("waf.requests", "usage waf.requestsMillionsPerAcl", usage.get("waf.requestsMillionsPerAcl"));
            }
            case "AWS::CloudFront::Distribution" -> {
                x.global("cloudfront.transfer", "usage cloudfront.transferOutGb", usage.get("cloudfront.transferOutGb"));
                x.global("cloudfront.requests", "usage cloudfront.requestsTenThousands", usage.get("cloudfront.requestsTenThousands"));
            }
            case "AWS::S3::Bucket" -> {
                String key = bucketStorageKey(id, p.path("BucketName").asText(""));
                x.line("s3.standard", "usage " + key, usage.get(key));
                if (p.has("ReplicationConfiguration")) {
                    x.line("transfer.inter-region", "replication (usage s3.replicatedGbPerMonth)", usage.get("s3.replicatedGbPerMonth"));
                }
            }
            case "AWS::SecretsManager::Secret" -> {
                x.line("secrets.secret", "1 secret", 1);
                x.line("secrets.api", "usage secrets.apiCallsTenThousandsPerSecret", usage.get("secrets.apiCallsTenThousandsPerSecret"));
            }
            case "AWS::Backup::BackupVault" -> {
                x.line("backup.warm", "usage backup.storedGbPerVault", usage.get("backup.storedGbPerVault"));
            }
            case "AWS::Backup::BackupPlan" -> {
                if (p.toString().contains("CopyActions")) {
                    x.line("transfer.inter-region", "cross-region backup copies (usage backup.copiedGbPerMonth)",
                            usage.get("backup.copiedGbPerMonth"));
                }
            }
            case "AWS::Config::ConfigurationRecorder" -> {
                String key = regional(region, "config", "itemsPerMonth");
                x.line("config.item", "usage " + key, usage.get(key));
            }
            case "AWS::Config::ConfigRule" -> {
                String key = regional(region, "config", "evaluationsPerRule");
                x.line("config.evaluation", "usage " + key, usage.get(key));
            }
            case "AWS::CloudTrail::Trail" -> {
                x.line("cloudtrail.management", "first copy of management events", 0);
                boolean data = p.path("EventSelectors").toString().contains("DataResources")
                        || p.path("AdvancedEventSelectors").toString().contains("Data");
                if (data) {
                    x.line("cloudtrail.data", "usage cloudtrail.dataEventsHundredThousands", usage.get("cloudtrail.dataEventsHundredThousands"));
                }
            }
            case "AWS::GuardDuty::Detector" -> {
                for (String[] k : new String[][] {{"guardduty.cloudtrail", "cloudtrailEventsMillions"},
                        {"guardduty.flowlogs", "flowLogGb"}, {"guardduty.s3", "s3EventsMillions"}}) {
                    String key = regional(region, "guardduty", k[1]);
                    x.line(k[0], "usage " + key, usage.get(key));
                }
                // HARD-9: the protection plans the detector turns on, priced by what they watch in its region.
                for (JsonNode f : p.path("Features")) {
                    if (!"ENABLED".equals(f.path("Status").asText())) {
                        continue;
                    }
                    if ("RDS_LOGIN_EVENTS".equals(f.path("Name").asText())) {
                        double vcpu = rdsVcpus(region);
                        x.line("guardduty.rds", "RDS protection: " + fmt(vcpu) + " vCPU of the region's database instances "
                                + "(a Multi-AZ standby takes no login) × 1 month", vcpu);
                    }
                    if ("RUNTIME_MONITORING".equals(f.path("Name").asText())
                            && f.path("AdditionalConfiguration").toString().contains("ECS_FARGATE_AGENT_MANAGEMENT")) {
                        double vcpu = fargateVcpus(region);
                        x.line("guardduty.runtime.fargate", "runtime monitoring: " + fmt(vcpu) + " vCPU of the region's "
                                + "Fargate services at their desired count × 1 month", vcpu);
                    }
                }
            }
            case "AWS::GuardDuty::MalwareProtectionPlan" -> {
                x.line("guardduty.malware-s3.gb", "malware scans of uploads (usage guardduty.malwareScanGbPerMonth)",
                        usage.get("guardduty.malwareScanGbPerMonth"));
                x.line("guardduty.malware-s3.objects", "objects scanned, thousands "
                        + "(usage guardduty.malwareScanThousandObjectsPerMonth)", usage.get("guardduty.malwareScanThousandObjectsPerMonth"));
            }
            case "AWS::SecurityHub::Hub" -> {
                String key = regional(region, "securityhub", "checksPerMonth");
                x.line("securityhub.check", "usage " + key, usage.get(key));
            }
            case "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm" -> x.line("cloudwatch.alarm", "1 alarm", 1);
            case "AWS::CloudWatch::Dashboard" -> x.line("cloudwatch.dashboard", "1 dashboard", 1);
            case "AWS::SNS::Topic" -> x.line("sns.publish", "usage sns.publishesMillionsPerTopic", usage.get("sns.publishesMillionsPerTopic"));
            case "AWS::ECR::Repository" -> x.line("ecr.storage", "usage ecr.storageGbPerRepository", usage.get("ecr.storageGbPerRepository"));
            case "AWS::CodeBuild::Project" -> {
                String compute = p.path("Environment").path("ComputeType").asText("BUILD_GENERAL1_SMALL")
                        .toLowerCase(Locale.ROOT).replace("build_", "").replace('_', '.');
                x.line("codebuild." + compute, "usage codebuild.buildMinutesPerProject", usage.get("codebuild.buildMinutesPerProject"));
            }
            case "AWS::CodePipeline::Pipeline" -> {
                if ("V2".equals(p.path("PipelineType").asText())) {
                    x.line("codepipeline.v2", "usage codepipeline.actionMinutesPerPipeline", usage.get("codepipeline.actionMinutesPerPipeline"));
                } else {
                    x.line("codepipeline.v1", "1 active pipeline", 1);
                }
            }
            default -> {
                if (!FREE.contains(type)) {
                    notPriced.add(new NotPriced(s.stackName(), id, type, type.startsWith("Custom::")
                            ? "custom resource: the Lambda invocations behind it are not priced"
                            : "no pricing rule for this type"));
                }
            }
        }
    }

    /** vCPUs of the database instances of a region, one per instance however many copies Multi-AZ keeps. */
    private double rdsVcpus(String region) {
        double vcpu = 0;
        for (StackTemplate s : assembly.stacks()) {
            if (!s.region().equals(region)) {
                continue;
            }
            for (String id : s.logicalIdsOfType("AWS::RDS::DBInstance")) {
                vcpu += RDS_VCPUS.getOrDefault(s.resources().get(id).path("Properties").path("DBInstanceClass").asText(), 0);
            }
        }
        return vcpu;
    }

    /** vCPUs of the Fargate services of a region, at their desired count. */
    private double fargateVcpus(String region) {
        double vcpu = 0;
        for (StackTemplate s : assembly.stacks()) {
            if (!s.region().equals(region)) {
                continue;
            }
            for (String id : s.logicalIdsOfType("AWS::ECS::Service")) {
                JsonNode p = s.resources().get(id).path("Properties");
                JsonNode td = refs.in(s.stackName(), p.path("TaskDefinition")).stream().findFirst()
                        .map(t -> refs.resource(t).path("Properties")).orElse(p);
                vcpu += p.path("DesiredCount").asInt(1) * td.path("Cpu").asDouble() / 1024;
            }
        }
        return vcpu;
    }

    /**
     * The usage key of a regional service: {@code config.itemsPerMonth} in the primary region,
     * {@code config.backupRegion.itemsPerMonth} in another, which holds far fewer resources.
     */
    private String regional(String region, String service, String key) {
        return service + (region.equals(primary) ? "." : ".backupRegion.") + key;
    }

    /** Adds the lines of one resource; a missing row turns the resource into a not-priced entry. */
    private final class Pricer {
        private final StackTemplate stack;
        private final String id;
        private final String type;
        private final String region;

        Pricer(StackTemplate stack, String id, String type, String region) {
            this.stack = stack;
            this.id = id;
            this.type = type;
            this.region = region;
        }

        void line(String priceId, String what, double quantity) {
            add(priceId, region, what, quantity);
        }

        void global(String priceId, String what, double quantity) {
            add(priceId, "global", what, quantity);
        }

        private void add(String priceId, String where, String what, double quantity) {
            Optional<PriceTable.Row> row = prices.find(priceId, where);
            if (row.isEmpty()) {
                notPriced.add(new NotPriced(stack.stackName(), id, type, "no price row " + priceId + " in " + where + " (" + what + ")"));
                return;
            }
            lines.add(new Line(stack.stackName(), where, id, type, what, priceId, row.get().usd(), quantity, row.get().unit()));
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * The usage key of a bucket's stored GB, by its role (read from its logical ID, which is its
     * construct path, and its name): access and CDN logs, the trail, AWS Config's records and the
     * pipeline's artifacts hold little; the media bucket holds the data, and its replica (in the
     * backup region) a copy of all of it, so both read {@code s3.mediaStorageGb}.
     */
    static String bucketStorageKey(String logicalId, String bucketName) {
        String name = (bucketName + " " + logicalId).toLowerCase(Locale.ROOT);
        if (name.contains("log")) {
            return "s3.logStorageGbPerBucket";
        }
        if (name.contains("trail")) {
            return "s3.trailStorageGb";
        }
        if (name.contains("config")) {
            return "s3.configStorageGb";
        }
        if (name.contains("artifact")) {
            return "s3.pipelineArtifactsStorageGb";
        }
        return "s3.mediaStorageGb";
    }
}
