package fr.medsaas.compliance.check;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} on templates a team would write (JSON, and YAML with short-form intrinsics), in
 * the baseline profile: {@code pass--NAME} must have no open error, {@code fail-RULE--NAME} must
 * have an open error of RULE; {@code @REGION} in the name is the region given, else eu-west-3.
 */
@Requirement("CMPL-4")
class CorpusTest {

    static Path dir() throws URISyntaxException {
        return Path.of(CorpusTest.class.getResource("/corpus").toURI());
    }

    static Stream<String> templates() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templateGetsItsVerdict(String name) throws Exception {
        String region = name.contains("@") ? name.substring(name.indexOf('@') + 1, name.lastIndexOf('.')) : "eu-west-3";
        StackTemplate stack = TemplateReader.read(dir().resolve(name), Optional.of(region));
        CheckReport report = Checker.run(new ResourceGraph(List.of(stack)), Profile.BASELINE);
        List<String> open = report.blocking().stream().map(CheckResult::describe).toList();
        if (name.startsWith("pass--")) {
            assertThat(open).as("%s passes the baseline profile", name).isEmpty();
        } else {
            String rule = name.substring("fail-".length(), name.indexOf("--"));
            assertThat(report.blocking()).as("%s fails %s; open: %s", name, rule, open).anyMatch(r -> r.rule().id().equals(rule));
        }
    }

    @Test
    void corpusHoldsFortyTemplatesOfBothFormatsAndBothVerdicts() throws Exception {
        List<String> names = templates().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40)
                .anyMatch(n -> n.endsWith(".json")).anyMatch(n -> n.endsWith(".yaml"))
                .anyMatch(n -> n.startsWith("pass--")).anyMatch(n -> n.startsWith("fail-"));
    }
}
