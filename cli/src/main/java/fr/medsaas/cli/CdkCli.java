package fr.medsaas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** Runs one AWS CDK CLI command ({@code npx aws-cdk@2 ...}) in the shell's terminal, as deploy and bootstrap do. */
final class CdkCli {
    private CdkCli() {
    }

    /**
     * Prints the command, runs it with inherited input and output, and returns {@link ExitCodes#OK},
     * or {@link ExitCodes#INTERNAL} with one line on {@code err} naming {@code what} failed.
     */
    static int run(List<String> command, String what, PrintWriter out, PrintWriter err) {
        out.println("running: " + String.join(" ", command));
        out.flush();
        try {
            int code = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (code != 0) {
                err.println("medsaas: " + what + " failed (exit " + code + ")");
                return ExitCodes.INTERNAL;
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("medsaas: cannot run npx (Node.js 20+ is required): " + e.getMessage());
            return ExitCodes.INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
    }
}
