package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Health data must never be lost by a deploy: every stateful resource keeps a Retain or Snapshot
 * policy, and its logical ID is pinned, since a renamed logical ID replaces the resource.
 */
class StatefulLogicalIdsTest {
    /** Resource types that hold data or protect it. */
    static final Set<String> STATEFUL = Set.of(
            "AWS::KMS::Key", "AWS::Logs::LogGroup", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
            "AWS::ElastiCache::ReplicationGroup", "AWS::S3::Bucket", "AWS::Backup::BackupVault",
            "AWS::SecretsManager::Secret", "AWS::ECR::Repository", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem");

    private static Set<String> pinned() throws IOException {
        try (InputStream in = StatefulLogicalIdsTest.class.getResourceAsStream("/stateful-logical-ids.txt")) {
            Set<String> out = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim().replaceAll("\\s+", " "));
                }
            }
            return out;
        }
    }

    private static Set<String> synthesized(CloudAssembly assembly) {
        Set<String> out = new TreeSet<>();
        for (StackTemplate stack : assembly.stacks()) {
            String part = stack.stackName().substring(stack.stackName().lastIndexOf('-') + 1);
            stack.resources().forEach((id, r) -> {
                if (STATEFUL.contains(r.path("Type").asText())) {
                    out.add(part + " " + id + " " + r.path("Type").asText());
                }
            });
        }
        return out;
    }

    @Test
    void statefulLogicalIdsOfProdArePinned() throws IOException {
        Set<String> pinned = pinned();
        Set<String> actual = synthesized(TestApps.assembly("prod"));
        assertThat(actual)
                .as("a stateful resource was renamed or removed (CloudFormation would replace or delete it), "
                        + "or a new one is missing from stateful-logical-ids.txt")
                .containsExactlyInAnyOrderElementsOf(pinned);
    }

    @Test
    void statefulLogicalIdsAreTheSameInEveryEnvironment() {
        // A logical ID must not depend on the environment: promoting a change from dev to prod
        // would otherwise replace what dev never replaced.
        Set<String> prod = synthesized(TestApps.assembly("prod"));
        assertThat(synthesized(TestApps.assembly("dev"))).isSubsetOf(prod);
    }

    /**
     * Retain would also keep a resource when its first create rolls back, and the retry would then
     * fail on a fixed name that "already exists": RetainExceptOnCreate keeps data on update and
     * delete but lets a failed first create clean up (issue 13). Snapshot deletes after a snapshot.
     */
    @Test
    @fr.medsaas.config.Requirement({"DB-6", "S3-1", "OBS-1"})
    void everyStatefulResourceIsRetainedExceptOnCreateOrSnapshotted() {
        List<String> unprotected = new ArrayList<>();
        for (String env : List.of("prod", "dev")) {
            for (StackTemplate stack : TestApps.assembly(env).stacks()) {
                stack.resources().forEach((id, r) -> {
                    if (!STATEFUL.contains(r.path("Type").asText())) {
                        return;
                    }
                    String deletion = r.path("DeletionPolicy").asText();
                    String replace = r.path("UpdateReplacePolicy").asText();
                    if (!Set.of("Snapshot", "RetainExceptOnCreate").contains(deletion)
                            || !Set.of("Retain", "Snapshot").contains(replace)) {
                        unprotected.add(stack.stackName() + "/" + id + " " + policies(r));
                    }
                });
            }
        }
        assertThat(unprotected).as("stateful resources without RetainExceptOnCreate/Snapshot deletion and Retain/Snapshot replacement policies").isEmpty();
    }

    private static String policies(JsonNode r) {
        return "DeletionPolicy=" + r.path("DeletionPolicy").asText("(none)")
                + " UpdateReplacePolicy=" + r.path("UpdateReplacePolicy").asText("(none)");
    }
}
