package fr.medsaas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;

/**
 * {@code medsaas bench-empty}: synthesizes an empty CDK Java app (one empty stack) in the same
 * JVM, with the same flags and classpath as {@code synth}: the baseline of {@code bench/synth}.
 */
@Command(name = "bench-empty", hidden = true,
        description = "Baseline of bench/synth: synthesize an empty CDK app the way synth runs.")
public final class EmptySynthCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        App app = new App(AppProps.builder().outdir(out.toString()).analyticsReporting(false).build());
        new Stack(app, "Empty");
        app.synth();
        return ExitCodes.OK;
    }
}
