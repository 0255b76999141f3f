package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * The environment's deployed stacks and their resources, read from CloudFormation in each of
 * the environment's regions: every finding names a resource through this (logical ID, construct
 * path from the deployed template's {@code aws:cdk:path} metadata).
 */
public final class Inventory {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A deployed stack: its name, region, status, resources and template. */
    public record DeployedStack(String name, String region, String status, List<DeployedResource> resources,
                                JsonNode template) {
    }

    private final List<DeployedStack> stacks = new ArrayList<>();
    private final Map<String, String> unreadableRegions = new LinkedHashMap<>();

    /** Reads every stack named {@code prefix*} in each region; a region that cannot be read is kept with its reason. */
    static Inventory read(AwsAccess aws, List<String> regions, String prefix, Progress progress) {
        Inventory inv = new Inventory();
        for (String region : regions) {
            progress.step(region, "cloudformation", "stacks " + prefix + "*");
            CloudFormationClient cfn = aws.cloudFormation(region);
            AwsAccess.Read<List<Stack>> listed = aws.read(() -> cfn.describeStacksPaginator().stacks().stream().toList());
            if (listed.failed()) {
                inv.unreadableRegions.put(region, "CloudFormation unreadable: " + listed.unreadable());
                continue;
            }
            List<Stack> ours = listed.value().stream()
                    .filter(s -> s.stackName().startsWith(prefix) && s.stackStatus() != StackStatus.DELETE_COMPLETE)
                    .toList();
            if (ours.isEmpty()) {
                inv.unreadableRegions.put(region, "nothing deployed: no stack " + prefix + "* in " + region);
            }
            for (Stack s : ours) {
                inv.stacks.add(readStack(aws, cfn, s, region, inv));
            }
        }
        return inv;
    }

    private static DeployedStack readStack(AwsAccess aws, CloudFormationClient cfn, Stack s, String region, Inventory inv) {
        JsonNode template = MissingNode.getInstance();
        AwsAccess.Read<String> body = aws.read(() -> cfn.getTemplate(b -> b.stackName(s.stackName())).templateBody());
        if (body.ok()) {
            try {
                template = JSON.readTree(body.value());
            } catch (IOException e) {
                // A YAML template (not one CDK writes): construct paths and template properties stay unknown.
                template = MissingNode.getInstance();
            }
        }
        List<DeployedResource> resources = new ArrayList<>();
        AwsAccess.Read<List<StackResourceSummary>> listed = aws.read(() -> cfn.listStackResourcesPaginator(
                b -> b.stackName(s.stackName())).stackResourceSummaries().stream().toList());
        if (listed.failed()) {
            inv.unreadableRegions.put(region + " " + s.stackName(), "stack resources unreadable: " + listed.unreadable());
        } else {
            for (StackResourceSummary r : listed.value()) {
                if (r.physicalResourceId() == null || r.resourceStatusAsString().startsWith("DELETE")) {
                    continue;
                }
                JsonNode node = template.path("Resources").path(r.logicalResourceId());
                resources.add(new DeployedResource(s.stackName(), region, r.logicalResourceId(), r.physicalResourceId(),
                        r.resourceType(), node.path("Metadata").path("aws:cdk:path").asText(""), node.path("Properties")));
            }
        }
        return new DeployedStack(s.stackName(), region, s.stackStatusAsString(), resources, template);
    }

    public List<DeployedStack> stacks() {
        return List.copyOf(stacks);
    }

    /** Regions (or stacks) that could not be read, with the reason. */
    public Map<String, String> unreadableRegions() {
        return Map.copyOf(unreadableRegions);
    }

    /** Every deployed resource of a CloudFormation type. */
    public List<DeployedResource> ofType(String type) {
        return stacks.stream().flatMap(s -> s.resources().stream()).filter(r -> type.equals(r.type())).toList();
    }

    /** The deployed resource with this logical ID in this stack, if any. */
    public java.util.Optional<DeployedResource> find(String stackName, String logicalId) {
        return stacks.stream().filter(s -> s.name().equals(stackName)).flatMap(s -> s.resources().stream())
                .filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }
}
