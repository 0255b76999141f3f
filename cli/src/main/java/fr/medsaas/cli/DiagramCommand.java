package fr.medsaas.cli;

import fr.medsaas.config.Plural;
import fr.medsaas.compliance.diagram.DiagramBuilder;
import fr.medsaas.compliance.diagram.DiagramModel;
import fr.medsaas.compliance.diagram.SvgRenderer;
import fr.medsaas.compliance.evidence.DrawnDiagrams;
import fr.medsaas.compliance.evidence.Lang;
import fr.medsaas.compliance.evidence.Phrases;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medsaas diagram}: the architecture of an assembly, drawn from its templates. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Draw the architecture from the synthesized templates: regions, the VPC and its tiers, the "
                + "resources that matter, traffic, copies across regions and the key of each store. IAM and plumbing "
                + "are hidden and per-AZ or repetitive resources grouped; the legend says what.")
public final class DiagramCommand implements Callable<Integer> {
    /** The formats of the diagram. */
    enum Format { svg, mermaid }

    @Spec
    CommandSpec spec;

    @Mixin
    AssemblySource source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "svg",
            description = "svg (self-contained, laid out by the Eclipse Layout Kernel) or mermaid. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "en or fr: the language of the labels, the legend and the title (the report's phrase book; "
                    + "names and AWS identifiers stay as they are). Default: ${DEFAULT-VALUE}.")
    Lang lang;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() {
        String text = source.with(spec, assembly -> {
            DiagramModel model = DiagramBuilder.build(assembly);
            if (format == Format.mermaid) {
                return DrawnDiagrams.mermaid(model, lang);
            }
            String title = "medsaas architecture, from the templates of " + Plural.of(assembly.stacks().size(), "stack");
            return SvgRenderer.render(model, Phrases.in(lang, title), english -> Phrases.in(lang, english));
        });
        output.write(text, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }
}
