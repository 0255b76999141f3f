package fr.medsaas.cli;

import fr.medsaas.config.ConfigException;
import fr.medsaas.platform.UnacknowledgedFindingsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code medsaas} command: parses arguments, runs a subcommand, maps failures to exit codes. */
@Command(name = "medsaas", mixinStandardHelpOptions = true, version = "medsaas 0.1.0",
        description = "The compliant AWS platform of a French medical SaaS (RGPD, HDS).",
        subcommands = {SynthCommand.class, CheckCommand.class, DiffCommand.class, DeployCommand.class,
            BootstrapCommand.class, DiagramCommand.class, CostCommand.class, ReportCommand.class, AuditCommand.class,
            EmptySynthCommand.class, GuardrailsCommand.class, ClassArchiveTrainingCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error, a failed deployment, or an audit that could read nothing (message printed)",
            "2:bad usage or configuration; nothing written",
            "3:compliance findings nobody acknowledged (synth, check: nothing written), or failed controls (audit)",
            "4:deploy refused: a stateful resource would be deleted, replaced or orphaned (--allow-replace); nothing deployed"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; for tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line, with its exception-to-exit-code mapping. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        CommandLine.IParameterExceptionHandler picocliDefault = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((e, args) -> unknownArgument(e, args, picocliDefault));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (e instanceof ConfigException ce) {
                w.println("medsaas: " + ce.getMessage());
                w.flush();
                return ExitCodes.USAGE;
            }
            if (e instanceof AwsAccess.MissingCredentialsException me) {
                w.println("medsaas: " + me.getMessage());
                w.flush();
                return ExitCodes.USAGE;
            }
            if (e instanceof UnacknowledgedFindingsException fe) {
                w.println("medsaas: synthesis refused: " + fe.getMessage() + "; nothing was written.");
                fe.findings().forEach(f -> w.println("  " + f.describe()));
                w.println("Fix each resource, or acknowledge the finding next to it with a reason (nag/Acknowledge).");
                w.flush();
                return ExitCodes.FINDINGS;
            }
            w.println("medsaas: internal error: " + e);
            if (System.getenv("MEDSAAS_DEBUG") != null) {
                e.printStackTrace(w);
            }
            w.flush();
            return ExitCodes.INTERNAL;
        });
        return cli;
    }

    /**
     * A misspelled option or command: one line naming it and the closest real one (by edit
     * distance, as {@code git} does), exit 2; any other usage error as picocli prints it.
     */
    private static int unknownArgument(CommandLine.ParameterException e, String[] args,
            CommandLine.IParameterExceptionHandler picocliDefault) throws Exception {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return picocliDefault.handleParseException(e, args);
        }
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        PrintWriter w = e.getCommandLine().getErr();
        w.println(Suggestions.unknownArgument(spec, u.getUnmatched().get(0)));
        w.flush();
        return ExitCodes.USAGE;
    }
}
