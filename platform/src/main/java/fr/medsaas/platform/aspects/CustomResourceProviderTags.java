package fr.medsaas.platform.aspects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Gives CDK's built-in custom-resource providers the CMP-4 tags. Those providers (e.g. the one
 * that empties the default security group, NET-6) are raw CfnResources ({@code Custom::...}
 * children of a stack, with a {@code Role} and a {@code Handler}) that the Tags aspect does not
 * reach; this aspect writes the tags on their role and function directly, in every stack of the
 * scope it is added to, including stacks added later.
 */
public final class CustomResourceProviderTags implements IAspect {
    private static final List<String> PARTS = List.of("Role", "Handler");
    private final List<Map<String, String>> cfnTags;

    /** The tags to write, in their order ({@code EnvironmentConfig.resourceTags()} is sorted). */
    public CustomResourceProviderTags(Map<String, String> tags) {
        // Each tag as {"Key", "Value"} in that order: Map.of would order them differently from JVM to JVM.
        this.cfnTags = tags.entrySet().stream().map(e -> {
            Map<String, String> tag = new LinkedHashMap<>();
            tag.put("Key", e.getKey());
            tag.put("Value", e.getValue());
            return tag;
        }).toList();
    }

    @Override
    public void visit(IConstruct node) {
        if (!node.getNode().getId().startsWith("Custom::") || !(node.getNode().getScope() instanceof Stack)) {
            return;
        }
        for (String part : PARTS) {
            if (node.getNode().tryFindChild(part) instanceof CfnResource cfn) {
                cfn.addPropertyOverride("Tags", cfnTags);
            }
        }
    }
}
