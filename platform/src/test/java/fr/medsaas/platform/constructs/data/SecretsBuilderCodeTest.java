package fr.medsaas.platform.constructs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.medsaas.config.Requirement;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SEC-1: the inline builder function's code. */
class SecretsBuilderCodeTest {

    @Test
    @Requirement("SEC-1")
    void theCodeFitsInlineAndHasItsHandler() {
        assertThat(SecretsBuilderCode.source()).hasSizeLessThanOrEqualTo(SecretsBuilderCode.INLINE_LIMIT)
                .contains("def handler(event, context):");
    }

    @Test
    @Requirement("SEC-1")
    void theCodeNeverPrintsOrRaisesWhatItReads() {
        // Only these lines print or raise, and they carry a kind, a status or an error type.
        assertThat(SecretsBuilderCode.source().lines().filter(l -> l.contains("print(") || l.contains("raise ")))
                .containsExactly(
                        "    raise Refused(\"the database user secret's rotation is still pending\")",
                        "        raise Refused(\"the value is not a list of Fernet keys; refusing to replace it\")",
                        "        print(\"reconcile\", failure or \"ok\")",
                        "            raise RuntimeError(\"reconcile failed: \" + failure)",
                        "    print(event[\"RequestType\"], kind, failure or \"ok\")");
    }

    /**
     * Runs the Python unit tests of the function (src/test/python) with a stand-in boto3: URLs,
     * Fernet key, rotation, and no secret in logs or responses. Without python3 it is skipped with a
     * printed notice, except with {@code CI=true}, where it fails.
     */
    @Test
    @Requirement("SEC-1")
    void thePythonUnitTestsPass() throws IOException, InterruptedException {
        Path tests = Path.of("src", "test", "python").toAbsolutePath();
        Path code = Path.of("src", "main", "resources", "fr", "medsaas", "platform", "constructs", "data").toAbsolutePath();
        assertThat(tests).isDirectory();
        if (!python3Available()) {
            String notice = "python3 is not installed: the builder function's Python unit tests cannot run";
            // As the emulator tier: skipped with a printed notice on a workstation, a failure on CI.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(notice + " (CI=true: they must run here, SEC-1)");
            }
            System.out.println("[platform] SKIPPED thePythonUnitTestsPass: " + notice);
            assumeTrue(false, notice);
        }
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "unittest", "-v", "test_secrets_builder")
                .directory(tests.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", tests.resolve("stubs") + File.pathSeparator + code);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 13 tests", "OK");
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
