package fr.medsaas.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.Fixtures;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.check.Checker;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the pack on fixtures written for it: {@code <ID>.fail*.json} must break the rule,
 * {@code <ID>.pass*.json} must satisfy it with no finding of that rule.
 */
@Requirement("CMPL-2")
class RuleFixturesTest {

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    private static List<CheckResult> resultsOf(String fixture) {
        String id = fixture.substring(0, fixture.indexOf('.'));
        return Checker.run(Fixtures.graph(fixture)).results().stream().filter(r -> r.rule().id().equals(id)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureBreaksOrMeetsItsRule(String fixture) {
        List<CheckResult> results = resultsOf(fixture);
        if (fixture.contains(".fail")) {
            assertThat(results).as("%s breaks its rule", fixture).anyMatch(r -> r.status() == Status.NON_COMPLIANT);
        } else {
            assertThat(results).as("%s meets its rule", fixture).isNotEmpty()
                    .allMatch(r -> r.status() == Status.COMPLIANT, "compliant")
                    .anyMatch(r -> r.resource().isPresent());
        }
    }

    @Test
    void everyRuleHasAFailingAndAPassingFixture() throws Exception {
        List<String> names = fixtures().toList();
        for (MedSaasPack.PackRule r : MedSaasPack.RULES) {
            assertThat(names).as(r.info().id()).contains(r.info().id() + ".pass.json", r.info().id() + ".fail.json");
        }
    }

    @Test
    void ruleIdsAreUniqueAndReferenced() {
        assertThat(MedSaasPack.RULES.stream().map(r -> r.info().id())).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("MEDSAAS-[A-Z]{3}-\\d+"));
        assertThat(MedSaasPack.RULES).allMatch(r -> r.info().references().stream().anyMatch(ref -> ref.startsWith("HDS") || ref.startsWith("RGPD") || ref.startsWith("CNIL")));
    }

    @Test
    void acknowledgedFindingIsSuppressedWithItsReasonOnThatResourceOnly() {
        var graph = Fixtures.graph("MEDSAAS-PUB-1.fail.json");
        var bucket = graph.resources().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bucket.node()).putObject("Metadata").putObject("cdk_nag")
                .putArray("rules_to_suppress").addObject().put("id", "MEDSAAS-PUB-1").put("reason", "a website bucket, public by design");
        List<CheckResult> pub = Checker.run(graph).results().stream().filter(r -> r.rule().id().equals("MEDSAAS-PUB-1")).toList();
        assertThat(pub).singleElement().satisfies(r -> {
            assertThat(r.acknowledgment()).contains("a website bucket, public by design");
            assertThat(r.blocking()).isFalse();
        });
        // the same bucket's other findings stay open
        assertThat(Checker.run(graph).blocking()).anyMatch(r -> r.rule().id().equals("MEDSAAS-TLS-1"));
    }

    @Test
    void loneTemplateWithoutRegionIsUndecidedNotPassed() {
        var stack = new fr.medsaas.compliance.assembly.StackTemplate("t", "t", null, "t.json", List.of(),
                Fixtures.graph("MEDSAAS-PUB-1.fail.json").stacks().get(0).template());
        var results = Checker.run(new fr.medsaas.compliance.check.ResourceGraph(List.of(stack))).results();
        assertThat(results).filteredOn(r -> r.rule().id().equals("MEDSAAS-RES-1"))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Status.CANNOT_DECIDE);
                    assertThat(r.message()).contains("region");
                });
    }
}
