package fr.medsaas.sandbox.aws;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.diff.ChangeSetEntry;
import fr.medsaas.compliance.diff.ChangeSets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;

/**
 * CloudFormation's own answer, stack by stack: CreateChangeSet, DescribeChangeSet, DeleteChangeSet;
 * never ExecuteChangeSet. Needs {@code cloudformation:CreateChangeSet}, {@code DescribeChangeSet} and
 * {@code DeleteChangeSet} on the stacks, nothing that changes a resource.
 */
public final class CloudFormationChangeSets implements ChangeSets {
    /** The largest template CreateChangeSet takes inline; larger ones must be uploaded to S3 first. */
    static final int INLINE_LIMIT = 51_200;

    private final CloudFormationTemplates templates;

    /** Change sets through the same clients (region, credentials, endpoint) as {@code templates}. */
    public CloudFormationChangeSets(CloudFormationTemplates templates) {
        this.templates = templates;
    }

    @Override
    public List<ChangeSetEntry> preview(String stackName, String region, JsonNode template) {
        String body = template.toString();
        if (body.getBytes(StandardCharsets.UTF_8).length > INLINE_LIMIT) {
            throw new UnsupportedOperationException("its template is larger than " + INLINE_LIMIT
                    + " bytes, the most CreateChangeSet takes inline");
        }
        CloudFormationClient cfn = templates.client(region);
        String name = "medsaas-diff-" + System.currentTimeMillis();
        cfn.createChangeSet(b -> b.stackName(stackName).changeSetName(name).changeSetType(ChangeSetType.UPDATE)
                .templateBody(body)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND));
        try {
            DescribeChangeSetResponse settled = awaitCreated(cfn, stackName, name);
            if ("FAILED".equals(settled.statusAsString())) {
                String reason = String.valueOf(settled.statusReason());
                if (reason.contains("didn't contain changes") || reason.contains("No updates")) {
                    return List.of();
                }
                throw new UnsupportedOperationException("CloudFormation refused the change set: " + reason);
            }
            List<ChangeSetEntry> out = new ArrayList<>();
            String token = null;
            do {
                final String next = token;
                DescribeChangeSetResponse page = cfn.describeChangeSet(b -> b.stackName(stackName).changeSetName(name)
                        .nextToken(next));
                for (Change c : page.changes()) {
                    ResourceChange r = c.resourceChange();
                    if (r != null) {
                        out.add(new ChangeSetEntry(stackName, r.logicalResourceId(), r.resourceType(),
                                r.actionAsString(), r.replacementAsString() == null ? "" : r.replacementAsString()));
                    }
                }
                token = page.nextToken();
            } while (token != null);
            return out;
        } finally {
            cfn.deleteChangeSet(b -> b.stackName(stackName).changeSetName(name));
        }
    }

    private static DescribeChangeSetResponse awaitCreated(CloudFormationClient cfn, String stack, String name) {
        for (int i = 0; i < 300; i++) {
            DescribeChangeSetResponse r = cfn.describeChangeSet(b -> b.stackName(stack).changeSetName(name));
            String status = r.statusAsString();
            if ("CREATE_COMPLETE".equals(status) || "FAILED".equals(status)) {
                return r;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnsupportedOperationException("interrupted while waiting for the change set");
            }
        }
        throw new UnsupportedOperationException("the change set was not ready after 5 minutes");
    }
}
