package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CMP-4: the four tags on every taggable resource of every stack, in every environment. */
class TagsTest {
    /** Types whose CloudFormation schema has no Tags property (or tags them elsewhere). */
    private static final Set<String> UNTAGGABLE = Set.of(
            "AWS::KMS::Alias", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation",
            "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
            "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::CDK::Metadata",
            "AWS::EC2::VPCEndpoint", "AWS::ApplicationAutoScaling::ScalableTarget",
            "AWS::ApplicationAutoScaling::ScalingPolicy", "AWS::ECS::ClusterCapacityProviderAssociations",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::S3::BucketPolicy", "AWS::WAFv2::LoggingConfiguration",
            "AWS::Backup::BackupSelection",
            "AWS::WAFv2::WebACLAssociation", "AWS::Lambda::Permission", "AWS::SecretsManager::ResourcePolicy",
            "AWS::SecretsManager::RotationSchedule", "AWS::SecretsManager::SecretTargetAttachment",
            "AWS::CloudFront::CachePolicy", "AWS::CloudFront::KeyGroup", "AWS::CloudFront::OriginAccessControl",
            "AWS::CloudFront::PublicKey", "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription", "AWS::Config::ConfigRule",
            "AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel", "AWS::Logs::MetricFilter",
            "AWS::CloudWatch::Dashboard");

    @Test
    @Requirement("CMP-4")
    void everyTaggableResourceCarriesTheFourTags() {
        Map<String, String> expectedProd = Map.of("Environment", "production", "Project", "medical-saas",
                "Compliance", "RGPD", "ManagedBy", "cdk");
        List<String> missing = new ArrayList<>();
        for (StackTemplate stack : TestApps.assembly("prod").stacks()) {
            stack.resources().forEach((id, r) -> {
                String type = r.path("Type").asText();
                if (untaggable(type)) {
                    return;
                }
                Map<String, String> tags = tags(r);
                expectedProd.forEach((k, v) -> {
                    if (!v.equals(tags.get(k))) {
                        missing.add(stack.stackName() + "/" + id + " (" + type + ") " + k);
                    }
                });
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @Requirement("CMP-4")
    void devIsTaggedWithItsOwnEnvironment() {
        for (StackTemplate stack : TestApps.assembly("dev").stacks()) {
            stack.resources().values().stream()
                    .filter(r -> !untaggable(r.path("Type").asText()))
                    .forEach(r -> assertThat(tags(r)).containsEntry("Environment", "dev"));
        }
    }

    /** Custom resources are calls to a function, not AWS resources: CloudFormation cannot tag them. */
    private static boolean untaggable(String type) {
        return UNTAGGABLE.contains(type) || type.startsWith("Custom::");
    }

    private static Map<String, String> tags(JsonNode resource) {
        Map<String, String> out = new HashMap<>();
        JsonNode properties = resource.path("Properties");
        // AWS Backup names its tag maps after the resource.
        JsonNode tags = properties.has("BackupVaultTags") ? properties.path("BackupVaultTags")
                : properties.has("BackupPlanTags") ? properties.path("BackupPlanTags") : properties.path("Tags");
        if (tags.isArray()) {
            tags.forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText()));
        } else if (tags.isObject()) {
            tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
