package fr.medsaas.cli;

import fr.medsaas.compliance.cost.CostEstimator;
import fr.medsaas.compliance.cost.CostReport;
import fr.medsaas.compliance.cost.CostWriter;
import fr.medsaas.compliance.cost.PriceTable;
import fr.medsaas.compliance.cost.UsageAssumptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medsaas cost}: the monthly price of an assembly, per stack and per resource, offline. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Estimate the monthly cost of an assembly from its templates, the shipped dated price table "
                + "(USD list prices of eu-west-3, eu-central-1, us-east-1) and usage assumptions. Resources with no "
                + "price are listed as not priced, never counted as zero.")
public final class CostCommand implements Callable<Integer> {
    /** The formats of the estimate. */
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    AssemblySource source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-u", "--usage"}, paramLabel = "FILE",
            description = "YAML usage assumptions laid over the shipped ones (GB stored, requests, log volume); "
                    + "unknown keys and negative numbers are refused.")
    Path usageFile;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() {
        UsageAssumptions usage = usageFile == null ? UsageAssumptions.shipped() : UsageAssumptions.withOverrides(usageFile);
        PriceTable prices = PriceTable.shipped();
        String text = source.with(spec, assembly -> {
            CostReport report = CostEstimator.estimate(assembly, prices, usage);
            return switch (format) {
                case json -> CostWriter.json(report);
                case csv -> CostWriter.csv(report);
                default -> CostWriter.text(report);
            };
        });
        output.write(text, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }
}
