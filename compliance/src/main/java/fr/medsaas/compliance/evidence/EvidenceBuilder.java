package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.CheckResult;
import fr.medsaas.compliance.check.Checker;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.cost.CostEstimator;
import fr.medsaas.compliance.cost.CostReport;
import fr.medsaas.compliance.cost.PriceTable;
import fr.medsaas.compliance.cost.UsageAssumptions;
import fr.medsaas.compliance.evidence.EvidenceReport.Ack;
import fr.medsaas.compliance.evidence.EvidenceReport.Control;
import fr.medsaas.compliance.evidence.EvidenceReport.Evidence;
import fr.medsaas.compliance.evidence.EvidenceReport.Pack;
import fr.medsaas.compliance.evidence.EvidenceReport.ReferenceGroup;
import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the evidence report from an assembly: runs our pack once, reuses the diagram and the cost estimate. */
public final class EvidenceBuilder {
    private static final Pattern STACK_NAME = Pattern.compile("^[^-]+-([^-]+)-.+$");
    private static final Pattern EXI = Pattern.compile("HDS EXI (\\d+)(.*)");
    private static final Pattern ART = Pattern.compile("RGPD art\\. (\\d+)(.*)");

    private EvidenceBuilder() {
    }

    /** The report of {@code assembly}. */
    public static EvidenceReport build(CloudAssembly assembly, ReportInputs in) {
        String environment = in.environment().orElseGet(() -> environment(assembly));
        // ELK's layout is mostly class loading: it runs beside the check, on the other core.
        CompletableFuture<Optional<String>> svg = in.diagram().isEmpty() || in.drawn().isPresent()
                ? CompletableFuture.completedFuture(in.diagram().flatMap(lang -> in.drawn()))
                : CompletableFuture.supplyAsync(() -> Optional.of(DrawnDiagrams.render(assembly, environment, in.diagram().get())));
        ResourceGraph graph = ResourceGraph.of(assembly);
        CheckReport check = Checker.run(graph);
        List<Ack> acks = acknowledgements(graph);
        Map<String, List<Ack>> acksByResource = new LinkedHashMap<>();
        acks.forEach(a -> acksByResource.computeIfAbsent(a.stack() + "/" + a.logicalId(), k -> new ArrayList<>()).add(a));

        List<Control> controls = new ArrayList<>();
        for (MedSaasPack.PackRule pr : MedSaasPack.RULES) {
            List<Evidence> evidence = new ArrayList<>();
            ControlStatus status = ControlStatus.MET;
            boolean anyApplies = false;
            for (CheckResult r : check.results()) {
                if (!r.rule().id().equals(pr.info().id())) {
                    continue;
                }
                status = status.worse(statusOf(r));
                anyApplies |= r.status() != Status.NOT_APPLICABLE;
                evidence.add(evidence(r, acksByResource));
            }
            if (!anyApplies) {
                status = ControlStatus.NOT_EVALUABLE;
            }
            controls.add(new Control(pr.info().id(), true, pr.info().level().label(), status, pr.info().references(), evidence));
        }
        for (ManualControls.Item m : ManualControls.ITEMS) {
            controls.add(new Control(m.id(), false, "manual", ControlStatus.MANUAL, m.references(), List.of()));
        }

        Map<ControlStatus, Integer> counts = new EnumMap<>(ControlStatus.class);
        for (ControlStatus s : ControlStatus.values()) {
            counts.put(s, 0);
        }
        controls.forEach(c -> counts.merge(c.status(), 1, Integer::sum));

        List<Pack> packs = new ArrayList<>(in.nagPacks());
        packs.add(new Pack(MedSaasPack.NAME, in.toolVersion(), "report"));
        assembly.validationReport().ifPresent(v -> v.plugins().stream()
                .filter(p -> packs.stream().noneMatch(k -> k.name().equals(p)))
                .forEach(p -> packs.add(new Pack(p, "", "synthesis"))));

        EvidenceReport.Summary summary = new EvidenceReport.Summary(environment,
                in.generatedAt(), in.toolVersion(), in.gitCommit(), packs, sha256(assembly), assembly.stacks().size(),
                assembly.resourceCount(), counts);

        CostReport cost = CostEstimator.estimate(assembly, PriceTable.shipped(), UsageAssumptions.shipped());
        EvidenceReport.CostSummary costSummary = new EvidenceReport.CostSummary(cost.prices().date(),
                cost.prices().currency(), cost.totalUsd(), cost.totalsByStack(), cost.notPriced().size());

        EvidenceReport draft = new EvidenceReport(summary, controls, references(controls), acks,
                ResidencyBuilder.of(graph), svg.join(), costSummary, in.audit().map(LiveAuditReader::read), Optional.empty());
        return in.previous().map(old -> new EvidenceReport(draft.summary(), draft.controls(), draft.references(),
                draft.acknowledgements(), draft.residency(), draft.diagramSvg(), draft.cost(), draft.audit(),
                Optional.of(Comparisons.compare(old, draft)))).orElse(draft);
    }

    /** A rule answer as a control status. */
    static ControlStatus statusOf(CheckResult r) {
        return switch (r.status()) {
            case COMPLIANT -> ControlStatus.MET;
            case NOT_APPLICABLE -> ControlStatus.MET;
            case CANNOT_DECIDE -> r.acknowledgment().isPresent() ? ControlStatus.ACKNOWLEDGED : ControlStatus.NOT_EVALUABLE;
            case NON_COMPLIANT -> r.acknowledgment().isPresent() ? ControlStatus.ACKNOWLEDGED : ControlStatus.NOT_MET;
        };
    }

    private static Evidence evidence(CheckResult r, Map<String, List<Ack>> acksByResource) {
        String status = r.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (r.resource().isEmpty()) {
            return new Evidence(status, "", "", "", "", "", r.message(), r.acknowledgment(), List.of());
        }
        Resource res = r.resource().get();
        List<Ack> nag = acksByResource.getOrDefault(res.stack().stackName() + "/" + res.logicalId(), List.of()).stream()
                .filter(a -> !a.rule().equals(r.rule().id())).toList();
        return new Evidence(status, res.stack().stackName(), res.region().orElse("unknown"), res.logicalId(), res.type(),
                res.constructPath(), r.message(), r.acknowledgment(), nag);
    }

    /** Every acknowledgement of every resource, in stack and template order. */
    static List<Ack> acknowledgements(ResourceGraph graph) {
        List<Ack> out = new ArrayList<>();
        for (Resource r : graph.resources()) {
            for (JsonNode rule : r.node().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                String id = rule.path("id").asText();
                out.add(new Ack(id, packOf(id), r.stack().stackName(), r.logicalId(), r.type(), r.constructPath(),
                        rule.path("reason").asText("")));
            }
        }
        return out;
    }

    private static String packOf(String ruleId) {
        if (ruleId.startsWith("MEDSAAS-")) {
            return MedSaasPack.NAME;
        }
        int dash = ruleId.indexOf('-');
        return dash > 0 ? ruleId.substring(0, dash) : ruleId;
    }

    private static List<ReferenceGroup> references(List<Control> controls) {
        Map<String, List<Control>> byRef = new TreeMap<>(EvidenceBuilder::compareReferences);
        controls.forEach(c -> c.references().forEach(ref -> byRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(c)));
        List<ReferenceGroup> out = new ArrayList<>();
        byRef.forEach((ref, cs) -> {
            ControlStatus status = cs.stream().filter(Control::automated).map(Control::status)
                    .reduce(ControlStatus::worse).orElse(ControlStatus.MANUAL);
            out.add(new ReferenceGroup(ref, family(ref), status, cs.stream().map(Control::id).toList()));
        });
        return out;
    }

    /** {@code HDS}, {@code RGPD}, {@code CNIL} or {@code MEDSAAS} (our requirement ids). */
    static String family(String ref) {
        if (ref.startsWith("HDS")) {
            return "HDS";
        }
        if (ref.startsWith("RGPD")) {
            return "RGPD";
        }
        return ref.startsWith("CNIL") ? "CNIL" : "MEDSAAS";
    }

    /** HDS by EXI number, then RGPD by article, then CNIL, then our ids by name and number. */
    static int compareReferences(String a, String b) {
        int fa = List.of("HDS", "RGPD", "CNIL", "MEDSAAS").indexOf(family(a));
        int fb = List.of("HDS", "RGPD", "CNIL", "MEDSAAS").indexOf(family(b));
        if (fa != fb) {
            return Integer.compare(fa, fb);
        }
        return Comparator.comparing(EvidenceBuilder::sortKey).compare(a, b);
    }

    private static String sortKey(String ref) {
        Matcher m = EXI.matcher(ref);
        if (m.matches()) {
            return String.format("%03d%s", Integer.parseInt(m.group(1)), m.group(2));
        }
        m = ART.matcher(ref);
        if (m.matches()) {
            return String.format("%03d%s", Integer.parseInt(m.group(1)), m.group(2));
        }
        Matcher id = Pattern.compile("([A-Z0-9]+)-(\\d+)").matcher(ref);
        return id.matches() ? String.format("%s-%03d", id.group(1), Integer.parseInt(id.group(2))) : ref;
    }

    /** The environment the stacks' names say ({@code MedSaas-prod-Data}: prod), else {@code unknown}. */
    static String environment(CloudAssembly assembly) {
        return assembly.stacks().stream().map(s -> STACK_NAME.matcher(s.stackName())).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst().orElse("unknown");
    }

    /** SHA-256 over manifest.json and every stack's template, in manifest order, each preceded by its name. */
    static String sha256(CloudAssembly assembly) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>();
            files.add("manifest.json");
            assembly.stacks().stream().map(StackTemplate::templateFile).forEach(files::add);
            for (String f : files) {
                digest.update((f + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(assembly.directory().resolve(f)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assembly in " + assembly.directory(), e);
        }
    }
}
