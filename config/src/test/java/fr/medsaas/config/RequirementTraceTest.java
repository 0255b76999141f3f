package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The requirement trace: every requirement of {@code ../shared/spec/REQUIREMENTS.md} that is not
 * listed in {@code docs/requirements-not-built.txt} is built, and at least one test cites it with
 * {@link Requirement}; the README's coverage table is the generated one. Regenerate it with
 * {@code mvn -q -o -pl config test -Dtest=RequirementTraceTest -Dmedsaas.updateReadme=true}.
 * Without the spec beside the checkout the test is skipped with a notice, except with
 * {@code CI=true}, where it fails.
 */
class RequirementTraceTest {
    private static RequirementTrace trace;
    private static Path root;

    @BeforeAll
    static void readTheTrace() {
        root = ConfigLoaderTest.configDir().getParent().toAbsolutePath().normalize();
        Path spec = root.resolveSibling("shared").resolve("spec/REQUIREMENTS.md");
        if (!Files.isRegularFile(spec)) {
            String notice = "the requirement trace needs the spec at " + spec;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(notice + " (CI=true)");
            }
            System.err.println("skipped: " + notice);
            Assumptions.abort(notice);
        }
        trace = RequirementTrace.read(root, spec);
    }

    @Test
    void everyBuiltRequirementIsCitedByATest() {
        List<String> untested = trace.ids().stream()
                .filter(id -> !trace.notBuilt().containsKey(id) && trace.testsOf(id).isEmpty()).toList();
        assertThat(untested).as("built requirements no test cites with @Requirement (or list them in "
                + "docs/requirements-not-built.txt)").isEmpty();
    }

    @Test
    void aRequirementListedAsNotBuiltIsCitedByNoTest() {
        List<String> cited = trace.notBuilt().keySet().stream().filter(id -> !trace.testsOf(id).isEmpty()).toList();
        assertThat(cited).as("requirements cited by tests but listed in docs/requirements-not-built.txt: "
                + "delete their lines").isEmpty();
    }

    @Test
    void everyCitedOrListedIdIsInTheSpec() {
        assertThat(trace.citations()).isNotEmpty().allSatisfy(c ->
                assertThat(trace.ids()).as(c.test()).containsAll(c.ids()));
        assertThat(trace.ids()).containsAll(trace.notBuilt().keySet());
    }

    @Test
    void readmeCoverageTableMatchesTheTrace() throws IOException {
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        String expected = trace.updateReadme(text);
        if (Boolean.getBoolean("medsaas.updateReadme") && !expected.equals(text)) {
            Files.writeString(readme, expected);
            text = expected;
        }
        assertThat(text).as("README requirement coverage is stale; regenerate it with -Dmedsaas.updateReadme=true")
                .isEqualTo(expected);
    }
}
