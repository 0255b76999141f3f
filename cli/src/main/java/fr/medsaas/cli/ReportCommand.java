package fr.medsaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.diagram.DiagramBuilder;
import fr.medsaas.compliance.diagram.DiagramModel;
import fr.medsaas.compliance.diagram.SvgRenderer;
import fr.medsaas.compliance.evidence.DrawnDiagrams;
import fr.medsaas.compliance.evidence.EvidenceBuilder;
import fr.medsaas.compliance.evidence.EvidenceJson;
import fr.medsaas.compliance.evidence.EvidenceReport;
import fr.medsaas.compliance.evidence.HtmlWriter;
import fr.medsaas.compliance.evidence.Lang;
import fr.medsaas.compliance.evidence.MarkdownWriter;
import fr.medsaas.compliance.evidence.Messages;
import fr.medsaas.compliance.evidence.ReportInputs;
import fr.medsaas.platform.nag.RulePacks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medsaas report}: the evidence an HDS or RGPD auditor asks for, in French or English. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the compliance evidence report of an environment (synthesized first) or of an assembly: "
                + "controls by HDS/RGPD reference with the resources that prove them, every acknowledgement, where "
                + "health data lives and what crosses the EEA border, the diagram, the cost, and what the operator "
                + "must bring (docs/report.md). Offline; the JSON follows docs/report-schema.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:internal error",
            "2:bad input: no assembly, unreadable --compare or --audit file; nothing written"})
public final class ReportCommand implements Callable<Integer> {
    /** The formats of the report. */
    enum Format { html, md, json }

    @Spec
    CommandSpec spec;

    @Mixin
    AssemblySource source;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "html",
            description = "html (one self-contained file, printable to A4), md (GitHub Markdown) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "fr",
            description = "fr or en: the language of every fixed text and rule title. Default: ${DEFAULT-VALUE}.")
    Lang lang;

    @Option(names = "--compare", paramLabel = "OLD.json",
            description = "An earlier `report --format json`: list new findings, resolved ones, new acknowledgements.")
    Path compare;

    @Option(names = "--audit", paramLabel = "AUDIT.json",
            description = "A live audit (`medsaas audit --format json`) to include as its own section.")
    Path audit;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() {
        if (format == Format.html && source.assembly != null) {
            // ELK's classes (most of the diagram's time) load on the other core while the assembly is read and checked.
            CompletableFuture.runAsync(() -> SvgRenderer.render(new DiagramModel(List.of(), List.of(), List.of(), Map.of(), Map.of()), ""));
        }
        Optional<JsonNode> previous = readJson("--compare", compare);
        Optional<JsonNode> live = readJson("--audit", audit);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<EvidenceReport.Pack> packs = RulePacks.PACKS.stream()
                .map(p -> new EvidenceReport.Pack("cdk-nag " + p, cdkNagVersion(), "synthesis")).toList();
        Optional<Lang> diagram = format == Format.html ? Optional.of(lang) : Optional.empty();
        Messages messages = Messages.of(lang);
        String text;
        try {
            text = source.with(spec, assembly -> {
                // An assembly synth wrote for this configuration and commit comes with its diagram drawn by the same code.
                Optional<String> drawn = source.reused() ? diagram.flatMap(l -> DrawnDiagrams.read(assembly, l)) : Optional.empty();
                ReportInputs inputs = new ReportInputs(Optional.empty(), now, toolVersion(), gitCommit(), packs, live, previous,
                        diagram, drawn);
                EvidenceReport report = EvidenceBuilder.build(assembly, inputs);
                return switch (format) {
                    case html -> HtmlWriter.write(report, messages);
                    case md -> MarkdownWriter.write(report, messages, DrawnDiagrams.mermaid(DiagramBuilder.build(assembly), lang));
                    case json -> EvidenceJson.write(report, messages);
                };
            });
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + "; nothing was written.");
        }
        output.write(text, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCodes.OK;
    }

    private Optional<JsonNode> readJson(String flag, Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + ": " + file
                    + " is not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + "); nothing was written.");
        }
    }

    private String toolVersion() {
        String[] v = spec.root().version();
        return v.length == 0 ? "unknown" : v[0].replaceFirst("^medsaas ", "");
    }

    private static String cdkNagVersion() {
        try (InputStream in = ReportCommand.class.getResourceAsStream("/META-INF/maven/io.github.cdklabs/cdknag/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The commit of the infrastructure's sources: {@code git rev-parse HEAD} where medsaas lives,
     * followed by {@code (modified)} when tracked files differ from it; {@code unknown} without git.
     */
    static String gitCommit() {
        // Asked by the stamp check and by the report's summary: two processes each time, once is enough.
        String home = System.getProperty("medsaas.home", ".");
        return GIT_COMMITS.computeIfAbsent(home, ReportCommand::askGit);
    }

    private static final java.util.Map<String, String> GIT_COMMITS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String askGit(String home) {
        try {
            Process git = new ProcessBuilder("git", "-C", home, "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                // Tracked files changed since that commit: the assembly may not be the commit's.
                Process status = new ProcessBuilder("git", "-C", home, "status", "--porcelain", "--untracked-files=no")
                        .redirectErrorStream(true).start();
                String changes = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                boolean modified = status.waitFor(10, TimeUnit.SECONDS) && status.exitValue() == 0 && !changes.isEmpty();
                return modified ? out + " (modified)" : out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
