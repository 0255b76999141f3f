package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SBX-1 on the shipped environments' templates, plain JSON, no emulator needed: what the emulator
 * gets names nothing that was left out or removed, and everything left out is accounted for.
 */
class EmulatorAssemblyTest {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}.]*)");

    /** Every resource or parameter a template names through Ref, Fn::GetAtt, Fn::Sub or DependsOn. */
    private static Set<String> named(JsonNode node) {
        Set<String> out = new HashSet<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            if (node.has("Ref")) {
                out.add(node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt")) {
                JsonNode a = node.get("Fn::GetAtt");
                out.add(a.isArray() ? a.get(0).asText() : a.asText().split("\\.")[0]);
            }
            if (node.has("Fn::Sub")) {
                JsonNode s = node.get("Fn::Sub");
                Matcher m = SUB_VARIABLE.matcher(s.isArray() ? s.get(0).asText() : s.asText());
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            if (node.has("DependsOn")) {
                node.get("DependsOn").forEach(d -> out.add(d.asText()));
                if (node.get("DependsOn").isTextual()) {
                    out.add(node.get("DependsOn").asText());
                }
            }
        }
        node.forEach(child -> collect(child, out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @Requirement("SBX-1")
    void theEmulatorsTemplatesNameNothingLeftOutAndNoBootstrap(String env) {
        for (StackTemplate stack : Assemblies.of(env).stacks()) {
            EmulatorTemplate t = EmulatorTemplates.prepare(stack.template());
            Set<String> gone = new HashSet<>();
            t.leftOut().forEach(l -> gone.add(l.logicalId()));
            gone.add(EmulatorTemplates.BOOTSTRAP_PARAMETER);
            assertThat(named(t.template())).as(stack.stackName()).doesNotContainAnyElementsOf(gone);
            assertThat(t.template().path("Parameters").has("BootstrapVersion")).isFalse();
            assertThat(t.template().path("Rules").has("CheckBootstrapVersion")).isFalse();
            assertThat(stack.template().path("Parameters").has("BootstrapVersion")).as("the input is untouched").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @Requirement("SBX-1")
    void everyResourceIsSentOrLeftOutWithItsTypeAndAReason(String env) {
        for (StackTemplate stack : Assemblies.of(env).stacks()) {
            EmulatorTemplate t = EmulatorTemplates.prepare(stack.template());
            List<String> accounted = new ArrayList<>();
            t.template().path("Resources").fieldNames().forEachRemaining(accounted::add);
            t.leftOut().forEach(l -> {
                accounted.add(l.logicalId());
                assertThat(l.type()).isEqualTo(stack.resources().get(l.logicalId()).path("Type").asText());
                assertThat(l.reason()).isNotBlank();
                assertThat(EmulatedTypes.isEmulated(l.type())).isFalse();
            });
            assertThat(accounted).as(stack.stackName()).containsExactlyInAnyOrderElementsOf(stack.resources().keySet());
            t.template().path("Resources").forEach(r -> assertThat(EmulatedTypes.isEmulated(r.path("Type").asText())).isTrue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @Requirement("SBX-1")
    void networkImportsTheLogsKeyFromKeysWhichComesFirst(String env) {
        List<String> ordered = SandboxDeployer.dependencyOrder(Assemblies.of(env).stacks()).stream()
                .map(StackTemplate::stackName).toList();
        assertThat(ordered).containsSubsequence("MedSaas-" + env + "-Keys", "MedSaas-" + env + "-Network");
        assertThat(Assemblies.of(env).stack("Network").orElseThrow().template().toString()).contains("Fn::ImportValue");
    }
}
