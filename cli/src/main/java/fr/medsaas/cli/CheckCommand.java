package fr.medsaas.cli;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.Checker;
import fr.medsaas.compliance.check.Profile;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.check.TemplateReader;
import fr.medsaas.compliance.report.JsonReport;
import fr.medsaas.compliance.report.SarifReport;
import fr.medsaas.compliance.report.TextReport;
import fr.medsaas.platform.Synthesizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medsaas check}: our HDS/RGPD pack on an environment, an assembly, or any templates. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the HDS/RGPD rule pack (docs/rules.md) on an environment (synthesized first, into "
                + "cdk.out), on a cloud assembly, or on any CloudFormation templates (JSON or YAML).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no open error", "1:internal error", "2:bad input: not a template, unreadable file, unknown format",
            "3:open errors (printed); acknowledged ones do not count"})
public final class CheckCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--assembly", paramLabel = "DIR", description = "Check this synthesized cloud assembly.")
        Path assembly;

        @Option(names = "--template", paramLabel = "FILE", arity = "1..*",
                description = "Check these CloudFormation templates (JSON or YAML), as stacks of one region.")
        List<Path> templates;
    }

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region the --template files deploy to; without it, rules that need it say they cannot decide.")
    String region;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "strict (our platform's rules as synthesis runs them) or baseline (what an HDS/RGPD auditor fails on "
                    + "any team's template; rules needing the whole assembly cannot decide instead of failing). "
                    + "Default: baseline with --template, strict otherwise.")
    String profile;

    @Option(names = "--verbose", description = "text format: list every pass too, not only the verdict and the findings.")
    boolean verbose;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of the standard output.")
    Path out;

    @Override
    public Integer call() {
        ResourceGraph graph;
        try {
            graph = load();
        } catch (TemplateReader.NotATemplateException | UncheckedIOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("medsaas: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Profile chosen;
        if (profile == null) {
            chosen = source != null && source.templates != null ? Profile.BASELINE : Profile.STRICT;
        } else if (profile.equals("strict") || profile.equals("baseline")) {
            chosen = Profile.valueOf(profile.toUpperCase(java.util.Locale.ROOT));
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("medsaas: --profile " + profile + " is not a profile; use strict or baseline");
            err.flush();
            return ExitCodes.USAGE;
        }
        CheckReport report = Checker.run(graph, chosen);
        Path base = Path.of("").toAbsolutePath();
        if (out == null) {
            print(report, base, spec.commandLine().getOut());
        } else {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                print(report, base, w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
            spec.commandLine().getOut().printf("%s written: %d open errors%n", out, report.blocking().size());
            spec.commandLine().getOut().flush();
        }
        if (!report.clean() && format != Format.text) {
            PrintWriter err = spec.commandLine().getErr();
            report.blocking().forEach(r -> err.println("  " + r.toFinding().describe()));
            err.flush();
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private void print(CheckReport report, Path base, PrintWriter w) {
        switch (format) {
            case text -> TextReport.write(report, w, verbose);
            case json -> JsonReport.write(report, base, w);
            case sarif -> SarifReport.write(report, base, w);
        }
    }

    private ResourceGraph load() {
        if (source != null && source.templates != null) {
            List<StackTemplate> stacks = new ArrayList<>();
            Map<String, Path> files = new LinkedHashMap<>();
            for (Path t : source.templates) {
                StackTemplate s = TemplateReader.read(t, Optional.ofNullable(region));
                if (files.containsKey(s.stackName())) {
                    s = new StackTemplate(s.artifactId(), t.toString(), s.region(), s.templateFile(), s.dependencies(), s.template());
                }
                stacks.add(s);
                files.put(s.stackName(), t);
            }
            return new ResourceGraph(stacks, files);
        }
        Path dir = source != null ? source.assembly : null;
        if (dir == null) {
            dir = Path.of("cdk.out");
            Synthesizer.synthesize(environment.load(), dir);
        } else if (!CloudAssembly.exists(dir)) {
            throw new TemplateReader.NotATemplateException(dir + ": not a cloud assembly (no manifest.json)");
        }
        return ResourceGraph.of(CloudAssembly.read(dir));
    }
}
