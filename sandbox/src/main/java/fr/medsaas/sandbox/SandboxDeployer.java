package fr.medsaas.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.diff.PreviousTemplates;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * Deploys every stack of a cloud assembly to the emulator, in dependency order (an exporting
 * stack before the stacks that import from it or read its outputs), each in its own region, through
 * CloudFormation: the emulator's copy of each template ({@link EmulatorTemplates}), CreateStack, then
 * DescribeStacks until the stack settles. Stops at the first stack that fails, with its reason.
 */
public final class SandboxDeployer implements AutoCloseable {
    /** The emulator's fake credentials: moto accepts any, and no real ones are ever sent. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("testing", "testing");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);
    /** The domain of the stand-in certificates: reserved, never resolvable (RFC 2606). */
    static final String STAND_IN_DOMAIN = "sandbox.medsaas.invalid";

    private final URI endpoint;
    private final Duration timeout;
    private final Map<String, CloudFormationClient> clients = new LinkedHashMap<>();
    private final Map<String, String> standIns = new LinkedHashMap<>();

    /** A deployer for the emulator at {@code endpoint}; each stack may take up to two minutes. */
    public SandboxDeployer(URI endpoint) {
        this(endpoint, Duration.ofMinutes(2));
    }

    /** A deployer for the emulator at {@code endpoint}, each stack taking at most {@code timeout}. */
    public SandboxDeployer(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** Deploys every stack of {@code assembly}; stops at the first that fails. */
    public SandboxDeployment deploy(CloudAssembly assembly) {
        long start = System.nanoTime();
        List<StackTemplate> ordered = dependencyOrder(assembly.stacks());
        List<StackDeployment> done = new ArrayList<>();
        List<String> notTried = new ArrayList<>();
        for (StackTemplate stack : ordered) {
            if (!done.isEmpty() && !done.get(done.size() - 1).succeeded()) {
                notTried.add(stack.stackName());
                continue;
            }
            done.add(deploy(stack));
        }
        return new SandboxDeployment(endpoint, done, notTried, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Deploys one stack; the stacks it imports from must be deployed already. A stack already in the
     * emulator (an emulator reused with {@code --endpoint-url}) is updated, or left alone when its
     * template is the same.
     */
    public StackDeployment deploy(StackTemplate stack) {
        long start = System.nanoTime();
        EmulatorTemplate prepared = EmulatorTemplates.prepare(stack.template(),
                (name, region, output) -> outputOf(name, region == null ? stack.region() : region, output),
                arn -> standInCertificate(arn, true));
        CloudFormationClient cfn = client(stack.region());
        Optional<JsonNode> deployed = deployedTemplate(stack.stackName(), stack.region());
        if (deployed.isPresent() && deployed.get().equals(prepared.template())) {
            return new StackDeployment(stack.stackName(), stack.region(), StackDeployment.UNCHANGED,
                    countCreated(cfn, stack.stackName()), prepared, "", elapsed(start));
        }
        try {
            if (deployed.isPresent()) {
                cfn.updateStack(b -> b.stackName(stack.stackName())
                        .templateBody(json(prepared))
                        .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND));
            } else {
                cfn.createStack(b -> b.stackName(stack.stackName())
                        .templateBody(json(prepared))
                        .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND));
            }
        } catch (SdkException e) {
            // moto creates the resources inside CreateStack: a resource error fails the call itself.
            return new StackDeployment(stack.stackName(), stack.region(), StackDeployment.REFUSED, 0, prepared,
                    (deployed.isPresent() ? "UpdateStack" : "CreateStack") + " failed: " + e.getMessage(), elapsed(start));
        }
        Stack settled = awaitSettled(cfn, stack.stackName());
        String status = settled.stackStatusAsString();
        int created = countCreated(cfn, stack.stackName());
        String reason = "";
        if (status.endsWith("_IN_PROGRESS")) {
            reason = "still " + status + " after " + timeout.toSeconds() + " s";
        } else if (!StackDeployment.COMPLETE.equals(status) && !StackDeployment.UPDATED.equals(status)) {
            reason = failureReason(cfn, settled);
        }
        return new StackDeployment(stack.stackName(), stack.region(), status, created, prepared, reason, elapsed(start));
    }

    /**
     * The emulator's copy of each stack's template as a deployment would send it now, read-only (no
     * stand-in certificate is made): what the deploy guard compares with {@link #deployedTemplates()}.
     */
    public List<StackTemplate> preview(CloudAssembly assembly) {
        List<StackTemplate> out = new ArrayList<>();
        for (StackTemplate s : assembly.stacks()) {
            EmulatorTemplate prepared = EmulatorTemplates.prepare(s.template(),
                    (name, region, output) -> outputOf(name, region == null ? s.region() : region, output),
                    arn -> standInCertificate(arn, false));
            out.add(new StackTemplate(s.artifactId(), s.stackName(), s.region(), s.templateFile(), s.dependencies(),
                    prepared.template()));
        }
        return out;
    }

    /** The templates the emulator holds (GetTemplate), the emulator's copies as deployed. */
    public PreviousTemplates deployedTemplates() {
        return new PreviousTemplates() {
            @Override
            public Optional<JsonNode> template(String stackName, String region) {
                return deployedTemplate(stackName, region);
            }

            @Override
            public String describe() {
                return "the emulator at " + endpoint;
            }
        };
    }

    private Optional<JsonNode> deployedTemplate(String stackName, String region) {
        try {
            String body = client(region).getTemplate(b -> b.stackName(stackName)).templateBody();
            return Optional.of(JSON.readTree(body));
        } catch (CloudFormationException e) {
            // "Stack with id ... does not exist": not deployed yet.
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the emulator returned a template that is not JSON for " + stackName, e);
        }
    }

    /** An output of a stack already in the emulator, for Fn::GetStackOutput (moto:GET_STACK_OUTPUT). */
    private Optional<String> outputOf(String stackName, String region, String outputName) {
        try {
            return client(region).describeStacks(b -> b.stackName(stackName)).stacks().stream()
                    .flatMap(s -> s.outputs().stream())
                    .filter(o -> outputName.equals(o.outputKey()))
                    .map(Output::outputValue)
                    .findFirst();
        } catch (CloudFormationException e) {
            // No such stack in that region of the emulator: the reference gets a placeholder.
            return Optional.empty();
        }
    }

    /**
     * A certificate requested from the emulator's ACM, in the region of the ARN from configuration, to
     * stand in for it: the emulator starts as an empty account. One per ARN and deployer.
     */
    private Optional<String> standInCertificate(String arn, boolean make) {
        if (standIns.containsKey(arn)) {
            return Optional.of(standIns.get(arn));
        }
        String region = arn.split(":")[3];
        try (AcmClient acm = AcmClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            // A reused emulator already holds the stand-in of an earlier deployment: keep it, so the
            // listener does not change from one deployment to the next.
            Optional<String> existing = acm.listCertificatesPaginator(b -> { }).certificateSummaryList().stream()
                    .filter(c -> STAND_IN_DOMAIN.equals(c.domainName()))
                    .map(c -> c.certificateArn())
                    .filter(c -> acm.listTagsForCertificate(b -> b.certificateArn(c)).tags().stream()
                            .anyMatch(t -> "StandInFor".equals(t.key()) && arn.equals(t.value())))
                    .findFirst();
            if (existing.isEmpty() && !make) {
                return Optional.empty();
            }
            String standIn = existing.orElseGet(() -> acm.requestCertificate(b -> b.domainName(STAND_IN_DOMAIN)
                    .tags(software.amazon.awssdk.services.acm.model.Tag.builder().key("StandInFor").value(arn).build()))
                    .certificateArn());
            standIns.put(arn, standIn);
            return Optional.of(standIn);
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Stack awaitSettled(CloudFormationClient cfn, String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Stack s = cfn.describeStacks(b -> b.stackName(name)).stacks().get(0);
            if (!s.stackStatusAsString().endsWith("_IN_PROGRESS") || System.nanoTime() > deadline) {
                return s;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }

    private static int countCreated(CloudFormationClient cfn, String name) {
        int count = 0;
        for (StackResourceSummary r : cfn.listStackResourcesPaginator(b -> b.stackName(name)).stackResourceSummaries()) {
            if ("CREATE_COMPLETE".equals(r.resourceStatusAsString()) || "UPDATE_COMPLETE".equals(r.resourceStatusAsString())) {
                count++;
            }
        }
        return count;
    }

    private static String failureReason(CloudFormationClient cfn, Stack stack) {
        List<String> failed = new ArrayList<>();
        for (StackEvent e : cfn.describeStackEventsPaginator(b -> b.stackName(stack.stackName())).stackEvents()) {
            if (e.resourceStatusAsString() != null && e.resourceStatusAsString().endsWith("_FAILED")) {
                failed.add(e.logicalResourceId() + " (" + e.resourceType() + "): " + e.resourceStatusReason());
            }
        }
        if (!failed.isEmpty()) {
            return String.join("; ", failed);
        }
        return stack.stackStatusReason() == null ? stack.stackStatusAsString() : stack.stackStatusReason();
    }

    private static String json(EmulatorTemplate t) {
        try {
            return JSON.writeValueAsString(t.template());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the emulator's template", e);
        }
    }

    /**
     * The stacks with every stack after those it depends on, keeping the manifest's order
     * otherwise (dependencies on non-stack artifacts, such as asset manifests, are ignored).
     */
    public static List<StackTemplate> dependencyOrder(List<StackTemplate> stacks) {
        Map<String, StackTemplate> byId = stacks.stream()
                .collect(Collectors.toMap(StackTemplate::artifactId, s -> s, (a, b) -> a, LinkedHashMap::new));
        Set<String> placed = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (StackTemplate s : stacks) {
            visit(s, byId, placed, visiting);
        }
        return placed.stream().map(byId::get).toList();
    }

    private static void visit(StackTemplate s, Map<String, StackTemplate> byId, Set<String> placed, Set<String> visiting) {
        if (placed.contains(s.artifactId())) {
            return;
        }
        if (!visiting.add(s.artifactId())) {
            throw new IllegalStateException("stacks depend on each other in a cycle: " + visiting);
        }
        for (String dep : s.dependencies()) {
            StackTemplate d = byId.get(dep);
            if (d != null) {
                visit(d, byId, placed, visiting);
            }
        }
        visiting.remove(s.artifactId());
        placed.add(s.artifactId());
    }

    private CloudFormationClient client(String region) {
        return clients.computeIfAbsent(region, r -> CloudFormationClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                // No retries: the emulator is local, and a retried CreateStack would only meet the
                // stack the failed call left behind ("already exists") and hide the first error.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
    }

    /** The emulator's address. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        clients.values().forEach(CloudFormationClient::close);
        clients.clear();
    }
}
