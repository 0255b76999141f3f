package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.Finding;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.UnacknowledgedFindingsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** CLI-1: how failures of any command map to exit codes and messages. */
class ExitCodesTest {
    @Command(name = "fails-with-findings")
    static final class FailsWithFindings implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UnacknowledgedFindingsException(List.of(new Finding("AwsSolutions", "AwsSolutions-S1", "error",
                    "The S3 Bucket has server access logs disabled.", "MedSaas-prod-Media/Bucket/Resource", false, null)));
        }
    }

    @Command(name = "fails-inside")
    static final class FailsInside implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    private static String[] run(String command, int[] code) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cli.addSubcommand(new FailsWithFindings());
        cli.addSubcommand(new FailsInside());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        code[0] = cli.execute(command);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @Requirement("CMPL-1")
    void unacknowledgedFindingsExit3WithEachFindingPrinted() {
        int[] code = new int[1];
        String[] streams = run("fails-with-findings", code);
        assertThat(code[0]).isEqualTo(ExitCodes.FINDINGS);
        assertThat(streams[1]).contains("synthesis refused: 1 unacknowledged rule-pack error(s); nothing was written.")
                .contains("ERROR AwsSolutions-S1 (AwsSolutions) at MedSaas-prod-Media/Bucket/Resource");
    }

    @Test
    void anInternalErrorExits1WithItsMessage() {
        int[] code = new int[1];
        String[] streams = run("fails-inside", code);
        assertThat(code[0]).isEqualTo(ExitCodes.INTERNAL);
        assertThat(streams[1]).contains("medsaas: internal error: java.lang.IllegalStateException: boom");
    }
}
