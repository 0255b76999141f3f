package fr.medsaas.sandbox.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.access.ExecutionPolicy;
import fr.medsaas.config.AppConfig;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.ImageConfig;
import fr.medsaas.config.SigningPublicKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold before a first (or any) deployment touches a stack, checked with read-only calls:
 * the configuration names no shipped placeholder, the certificates are issued in the target
 * account, the images exist, the regions are bootstrapped with a customer-managed key (CI-4), the
 * global bucket names are free or ours, and which service-linked roles must be created first.
 * Plain Java over the configuration and an {@link AwsFacts}; no CDK.
 */
public final class Preflight {
    /** The example account of AWS's documentation, used by the shipped placeholder ARNs. */
    public static final String EXAMPLE_ACCOUNT = "123456789012";
    /** The CDK bootstrap stack's default name. */
    public static final String TOOLKIT_STACK = "CDKToolkit";
    /**
     * Service-linked roles that ECS, Application Auto Scaling, ElastiCache and RDS create on first
     * use; in a fresh account CloudFormation can race on the ECS one, so the deploy creates any
     * missing one first. Role name to the service name that creates it.
     */
    public static final Map<String, String> SERVICE_LINKED_ROLES = Map.of(
            "AWSServiceRoleForECS", "ecs.amazonaws.com",
            "AWSServiceRoleForApplicationAutoScaling_ECSService", "ecs.application-autoscaling.amazonaws.com",
            "AWSServiceRoleForElastiCache", "elasticache.amazonaws.com",
            "AWSServiceRoleForRDS", "rds.amazonaws.com");

    /** The message of {@link AwsFacts.CannotAsk} when the shell has no credentials at all. */
    public static final String NO_CREDENTIALS = "no AWS credentials";

    /**
     * Every stack of an environment, by part, with the region it lives in ({@code primary},
     * {@code backup} or {@code edge}); PreflightStacksTest checks it against the app's stacks.
     */
    public static final Map<String, String> STACKS = orderedStacks();

    private static Map<String, String> orderedStacks() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String part : List.of("Keys", "Network", "Data", "Media", "Backup", "Delivery", "App", "Observability",
                "Compliance")) {
            m.put(part, "primary");
        }
        m.put("EdgeFirewall", "edge");
        m.put("EdgeLogging", "edge");
        m.put("Replica", "backup");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

    /** Where the deployment goes. */
    public enum Target {
        /** A real AWS account, through the AWS CDK CLI: every check. */
        AWS,
        /** The local emulator: only what it can answer (bucket names); placeholders are expected there. */
        EMULATOR
    }

    /**
     * The outcome.
     *
     * @param problems             reasons not to deploy, one line each
     * @param serviceLinkedRoles   services whose service-linked role is missing and must be created first
     */
    public record Result(List<PreflightProblem> problems, List<String> serviceLinkedRoles) {
        /** True when nothing stops the deployment. */
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private Preflight() {
    }

    /**
     * The checks that need no AWS account: shipped placeholders. {@code synth} prints them as
     * warnings; {@code deploy} refuses on them.
     */
    public static List<PreflightProblem> offline(EnvironmentConfig config) {
        List<PreflightProblem> out = new ArrayList<>();
        for (Map.Entry<String, String> arn : arns(config).entrySet()) {
            if (EXAMPLE_ACCOUNT.equals(accountOf(arn.getValue()).orElse(""))) {
                out.add(new PreflightProblem("placeholder", arn.getKey() + ": \"" + arn.getValue()
                        + "\" names the example account " + EXAMPLE_ACCOUNT + ", a shipped placeholder: give the ARN in "
                        + "your account (docs/first-deploy.md)"));
            }
        }
        SigningPublicKey key = SigningPublicKey.read(Path.of(config.media().signingPublicKeyPem()));
        if (key.isShippedSample()) {
            out.add(new PreflightProblem("placeholder", "media.signingPublicKeyPem: the shipped sample key (fingerprint "
                    + key.fingerprint() + "), whose private half was destroyed, so no signed media URL would ever "
                    + "verify: generate a key pair and give its public half (config/keys/README.md)"));
        }
        return out;
    }

    /** Every check for {@code target}; {@code facts} answers the account's questions. */
    public static Result run(EnvironmentConfig config, Target target, AwsFacts facts) {
        List<PreflightProblem> problems = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        if (target == Target.EMULATOR) {
            buckets(config, facts, problems);
            return new Result(List.copyOf(problems), List.of());
        }
        List<PreflightProblem> placeholders = offline(config);
        problems.addAll(placeholders);
        String account;
        try {
            account = facts.accountId();
        } catch (AwsFacts.CannotAsk e) {
            problems.add(new PreflightProblem("credentials", NO_CREDENTIALS.equals(e.getMessage())
                    ? "no AWS credentials: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO, an "
                            + "instance role) for the target account and run again"
                    : "cannot ask the target account (" + e.getMessage() + "): set AWS credentials for it (AWS_PROFILE "
                            + "or the default chain) and run again"));
            return new Result(List.copyOf(problems), List.of());
        }
        try {
            for (Map.Entry<String, String> arn : arns(config).entrySet()) {
                String owner = accountOf(arn.getValue()).orElse("");
                if (!owner.isEmpty() && !owner.equals(account) && !owner.equals(EXAMPLE_ACCOUNT)) {
                    problems.add(new PreflightProblem("account", arn.getKey() + ": \"" + arn.getValue() + "\" is in account "
                            + owner + ", but the credentials are of account " + account + ": deploy with the account that "
                            + "owns it, or give an ARN of account " + account));
                }
            }
            certificate("app.certificateArn", config.app().certificateArn(), account, facts, problems);
            if (config.media().certificateArn() != null) {
                certificate("media.certificateArn", config.media().certificateArn(), account, facts, problems);
            }
            images(config, facts, problems);
            s3PrefixList(config, facts, problems);
            for (String region : regions(config)) {
                Optional<String> key = facts.bootstrapKey(region, TOOLKIT_STACK);
                if (key.isEmpty()) {
                    problems.add(new PreflightProblem("bootstrap", region + " is not bootstrapped for the AWS CDK: run "
                            + "./medsaas bootstrap --env " + config.name() + " (CI-4)"));
                } else if (key.get().isBlank() || "AWS_MANAGED_KEY".equals(key.get())) {
                    problems.add(new PreflightProblem("bootstrap", region + " is bootstrapped without a customer-managed key "
                            + "(FileAssetsBucketKmsKeyId is " + (key.get().isBlank() ? "empty" : key.get()) + "): run "
                            + "./medsaas bootstrap --env " + config.name() + " to add one (CI-4)"));
                }
            }
            executionPolicies(config, account, facts, problems);
            buckets(config, facts, problems);
            trailBuckets(config, account, facts, problems);
            accountServices(config, facts, problems);
            connection(config, account, facts, problems);
            repositories(config, facts, problems);
            stacks(config, facts, problems);
            SERVICE_LINKED_ROLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (!facts.roleExists(e.getKey())) {
                    roles.add(e.getValue());
                }
            });
        } catch (AwsFacts.CannotAsk e) {
            problems.add(new PreflightProblem("aws", "a read-only question to account " + account + " failed ("
                    + e.getMessage() + "): the deployment is not tried until every check could run"));
        }
        return new Result(List.copyOf(problems), List.copyOf(roles));
    }

    private static void certificate(String field, String arn, String account, AwsFacts facts, List<PreflightProblem> out) {
        if (EXAMPLE_ACCOUNT.equals(accountOf(arn).orElse("")) || !account.equals(accountOf(arn).orElse(""))) {
            return; // already reported: a placeholder, or another account's
        }
        Optional<String> status = facts.certificateStatus(arn);
        if (status.isEmpty()) {
            out.add(new PreflightProblem("certificate", field + ": \"" + arn + "\" does not exist in ACM: request or import "
                    + "it in " + regionOf(arn) + " first"));
        } else if (!"ISSUED".equals(status.get())) {
            out.add(new PreflightProblem("certificate", field + ": \"" + arn + "\" is " + status.get()
                    + ", not ISSUED: finish its validation first"));
        }
    }

    private static void images(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        AppConfig app = config.app();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, ImageConfig> e : Map.of("app.web.image", app.web().image(),
                "app.worker.image", app.worker().image()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            ImageConfig image = e.getValue();
            if (image.reference().isEmpty()) {
                continue; // deploy pins the running or the pipeline's first image by digest (DEP-1)
            }
            String ref = image.reference().get();
            if (!seen.add(image.repository() + "@" + ref)) {
                continue;
            }
            switch (facts.image(config.regions().primary(), image.repository(), ref)) {
                case PRESENT -> { }
                case MISSING -> out.add(new PreflightProblem("image", e.getKey() + ": " + image.repository() + ":" + ref
                        + " is not in ECR (" + config.regions().primary() + "): push it, or let the pipeline build it, "
                        + "before the services start (docs/first-deploy.md)"));
                case NO_REPOSITORY -> out.add(new PreflightProblem("image", e.getKey() + ": the ECR repository "
                        + image.repository() + " does not exist in " + config.regions().primary() + ": create it and push "
                        + "the image first (docs/first-deploy.md)"));
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void buckets(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        String media = config.media().bucketName();
        for (String name : List.of(media, media + "-access-logs", media + "-cdn-logs")) {
            if (facts.bucket(name) == AwsFacts.BucketState.TAKEN) {
                out.add(new PreflightProblem("bucket", "media.bucketName: the bucket \"" + name + "\" belongs to another "
                        + "AWS account (S3 names are global): choose another media.bucketName, e.g. ending with your "
                        + "account id"));
            }
        }
        if (config.backup().mediaReplication()) {
            String replica = config.backup().replicaBucketName();
            for (String name : List.of(replica, replica + "-access-logs")) {
                if (facts.bucket(name) == AwsFacts.BucketState.TAKEN) {
                    out.add(new PreflightProblem("bucket", "backup.replicaBucketName: the bucket \"" + name + "\" belongs to "
                            + "another AWS account (S3 names are global): choose another backup.replicaBucketName, e.g. "
                            + "ending with your account id"));
                }
            }
        }
    }

    /** The audit trail's buckets carry the account id, so only a squatter on exactly that name can hold them. */
    private static void trailBuckets(EnvironmentConfig config, String account, AwsFacts facts, List<PreflightProblem> out) {
        for (String name : List.of(config.physicalName("audit-trail-") + account,
                config.physicalName("audit-access-logs-") + account)) {
            if (facts.bucket(name) == AwsFacts.BucketState.TAKEN) {
                out.add(new PreflightProblem("bucket", "namePrefix: the audit bucket \"" + name + "\" belongs to another AWS "
                        + "account (S3 names are global): choose another namePrefix"));
            }
        }
    }

    /** The CDK's execution policy of every region must be the tool's ({@code ./medsaas bootstrap}), not AdministratorAccess. */
    private static void executionPolicies(EnvironmentConfig config, String account, AwsFacts facts,
            List<PreflightProblem> out) {
        String expected = "arn:aws:iam::" + account + ":policy/" + config.stackName("CdkExecution");
        for (String region : regions(config)) {
            if (facts.bootstrapKey(region, TOOLKIT_STACK).isEmpty()) {
                continue; // reported: not bootstrapped
            }
            List<String> policies = facts.bootstrapExecutionPolicies(region, TOOLKIT_STACK);
            if (!policies.contains(expected)) {
                out.add(new PreflightProblem("bootstrap", region + " is bootstrapped with the execution policies "
                        + (policies.isEmpty() ? "of CDK's default (AdministratorAccess)" : String.join(",", policies))
                        + ", not " + expected + ": run ./medsaas bootstrap --env " + config.name() + " --print-policy, aws iam "
                        + "create-policy --policy-name " + config.stackName("CdkExecution") + " ..., then ./medsaas "
                        + "bootstrap --env " + config.name() + " --account " + account + " (CI-4)"));
            }
        }
        // The access proof (ACC-1) is of the policy this tool prints: an older version in the
        // account (made by an earlier tool) may lack a call the stacks now need.
        java.util.Optional<String> doc = facts.policyDocument(expected);
        if (doc.isEmpty()) {
            out.add(new PreflightProblem("bootstrap", "the execution policy " + expected + " does not exist: run ./medsaas "
                    + "bootstrap --env " + config.name() + " --print-policy > cdk-execution-policy.json, then aws iam create-policy "
                    + "--policy-name " + config.stackName("CdkExecution") + " --policy-document file://cdk-execution-policy.json (CI-4)"));
        } else if (!sameDocument(doc.get(), ExecutionPolicy.document(config.stackName(""), regions(config), account))) {
            out.add(new PreflightProblem("bootstrap", "the execution policy " + expected + " is not the one this tool proves "
                    + "(docs/access-paths.md): run ./medsaas bootstrap --env " + config.name() + " --print-policy > "
                    + "cdk-execution-policy.json, then aws iam create-policy-version --policy-arn " + expected
                    + " --policy-document file://cdk-execution-policy.json --set-as-default (CI-4, ACC-1)"));
        }
    }

    /** Two policy documents alike once each list's order and a single value's brackets are set aside. */
    static boolean sameDocument(String deployed, java.util.Map<String, Object> printed) {
        try {
            ObjectMapper json = new ObjectMapper();
            return canonical(json.readTree(deployed)).equals(canonical(json.valueToTree(printed)));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static JsonNode canonical(JsonNode n) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (n.isObject()) {
            var o = f.objectNode();
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            for (String k : names) {
                o.set(k, canonical(n.get(k)));
            }
            return o;
        }
        if (n.isArray()) {
            if (n.size() == 1 && n.get(0).isValueNode()) {
                return canonical(n.get(0));
            }
            List<JsonNode> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            items.sort(java.util.Comparator.comparing(JsonNode::toString));
            var a = f.arrayNode();
            items.forEach(a::add);
            return a;
        }
        return n;
    }

    /**
     * GuardDuty, Security Hub and AWS Config allow one of each per account and region: in an
     * Organizations account a delegated administrator or a StackSet may own them already, and
     * creating ours would fail the Compliance stack (primary region) or the Replica stack (backup
     * region, HARD-9), each with its own switches.
     */
    private static void accountServices(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        var c = config.compliance();
        var b = c.backupRegion();
        accountServices(config.regions().primary(), "compliance.", c.guardDuty(), c.securityHub(), c.configRecorder(),
                facts, out);
        accountServices(config.regions().backup(), "compliance.backupRegion.", b.guardDuty(), b.securityHub(),
                b.configRecorder(), facts, out);
    }

    private static void accountServices(String region, String path, fr.medsaas.config.Provisioning guardDuty,
                                        boolean securityHub, fr.medsaas.config.Provisioning configRecorder,
                                        AwsFacts facts, List<PreflightProblem> out) {
        if (guardDuty == fr.medsaas.config.Provisioning.CREATE) {
            List<String> detectors = facts.guardDutyDetectors(region);
            if (!detectors.isEmpty()) {
                out.add(new PreflightProblem("guardduty", path + "guardDuty: create, but " + region + " has a GuardDuty "
                        + "detector already (" + String.join(", ", detectors) + "; a delegated administrator's?): set "
                        + path + "guardDuty: use-existing"));
            }
        }
        if (securityHub && facts.securityHubEnabled(region)) {
            out.add(new PreflightProblem("securityhub", path + "securityHub: true, but Security Hub is enabled in "
                    + region + " already: set " + path + "securityHub: false"));
        }
        if (configRecorder == fr.medsaas.config.Provisioning.CREATE) {
            List<String> recorders = facts.configRecorders(region);
            List<String> channels = facts.configDeliveryChannels(region);
            if (!recorders.isEmpty() || !channels.isEmpty()) {
                out.add(new PreflightProblem("config", path + "configRecorder: create, but " + region + " has "
                        + (recorders.isEmpty() ? "" : "the configuration recorder " + String.join(", ", recorders))
                        + (!recorders.isEmpty() && !channels.isEmpty() ? " and " : "")
                        + (channels.isEmpty() ? "" : "the delivery channel " + String.join(", ", channels))
                        + " already (Control Tower's?): set " + path + "configRecorder: use-existing"));
            }
        }
    }

    /** The pipeline's source: a connection stays PENDING until someone authorizes it in the console. */
    private static void connection(EnvironmentConfig config, String account, AwsFacts facts, List<PreflightProblem> out) {
        Optional<String> arn = config.delivery().connectionArn();
        if (arn.isEmpty() || !account.equals(accountOf(arn.get()).orElse(""))) {
            return; // an S3 source, or reported already: a placeholder or another account's
        }
        Optional<String> status = facts.connectionStatus(arn.get());
        if (status.isEmpty()) {
            out.add(new PreflightProblem("connection", "delivery.source: the connection \"" + arn.get() + "\" does not "
                    + "exist: create it (Developer Tools > Settings > Connections) in " + regionOf(arn.get())));
        } else if (!"AVAILABLE".equals(status.get())) {
            out.add(new PreflightProblem("connection", "delivery.source: the connection \"" + arn.get() + "\" is "
                    + status.get() + ", not AVAILABLE: authorize it in the console (Developer Tools > Settings > "
                    + "Connections > Update pending connection), or the pipeline never builds the first image"));
        }
    }

    /** A repository made by hand before the Delivery stack: creating the stack would fail with "already exists". */
    private static void repositories(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        String region = config.regions().primary();
        String delivery = config.stackName("Delivery");
        if (facts.stackStatus(region, delivery).isPresent()) {
            return;
        }
        for (String repository : new LinkedHashSet<>(List.of(config.app().web().image().repository(),
                config.app().worker().image().repository()))) {
            if (facts.repositoryExists(region, repository)) {
                out.add(new PreflightProblem("image", "the ECR repository " + repository + " exists in " + region
                        + " without the stack " + delivery + ", which creates it: the stack would fail with \"already "
                        + "exists\"; delete the repository (aws ecr delete-repository --repository-name " + repository
                        + " --force, after saving what you need) and let deploy create it (docs/first-deploy.md)"));
            }
        }
    }

    /** A stack left in a failed state blocks every deployment until it is recovered. */
    private static void stacks(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        for (Map.Entry<String, String> e : STACKS.entrySet()) {
            String region = switch (e.getValue()) {
                case "edge" -> config.regions().edge();
                case "backup" -> config.regions().backup();
                default -> config.regions().primary();
            };
            String name = config.stackName(e.getKey());
            Optional<String> status = facts.stackStatus(region, name);
            if (status.isEmpty()) {
                continue;
            }
            String s = status.get();
            if (s.endsWith("_FAILED") || s.equals("ROLLBACK_COMPLETE")) {
                out.add(new PreflightProblem("stack", name + " (" + region + ") is " + s + ": recover it first ("
                        + (s.equals("UPDATE_ROLLBACK_FAILED") ? "aws cloudformation continue-update-rollback --stack-name "
                                + name : "aws cloudformation delete-stack --stack-name " + name + ", after turning off the "
                                + "deletion protection it reports")
                        + "; docs/first-deploy.md, section 6)"));
            } else if (s.endsWith("_IN_PROGRESS") && !s.equals("REVIEW_IN_PROGRESS")) {
                out.add(new PreflightProblem("stack", name + " (" + region + ") is " + s + ": another deployment is running; "
                        + "wait for it to end"));
            }
        }
    }

    /** The regions the environment deploys to: primary, backup and edge, each once. */
    static List<String> regions(EnvironmentConfig config) {
        return List.copyOf(new LinkedHashSet<>(List.of(config.regions().primary(), config.regions().backup(),
                config.regions().edge())));
    }

    /** Every string of the configuration that is an ARN, by field path. */
    static Map<String, String> arns(EnvironmentConfig config) {
        Map<String, String> out = new java.util.TreeMap<>();
        walk(new ObjectMapper().valueToTree(config), "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, String> out) {
        if (node.isTextual() && node.asText().startsWith("arn:")) {
            out.put(path, node.asText());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    static Optional<String> accountOf(String arn) {
        Matcher m = ACCOUNT_IN_ARN.matcher(arn == null ? "" : arn);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 ? parts[3] : "";
    }

    /**
     * The security groups send S3 traffic to the configured prefix list only (issue 14): a wrong id
     * would cut the tasks off from S3 and from their image layers.
     */
    private static void s3PrefixList(EnvironmentConfig config, AwsFacts facts, List<PreflightProblem> out) {
        String region = config.regions().primary();
        String name = "com.amazonaws." + region + ".s3";
        String configured = config.network().s3PrefixListId();
        Optional<String> actual = facts.prefixListId(region, name);
        if (actual.isEmpty()) {
            out.add(new PreflightProblem("network", "network.s3PrefixListId: " + region + " has no prefix list named " + name
                    + ", so no security group can reach S3 by it"));
        } else if (!actual.get().equals(configured)) {
            out.add(new PreflightProblem("network", "network.s3PrefixListId: \"" + configured + "\" is not the prefix list of "
                    + name + " (" + actual.get() + "): set network.s3PrefixListId: " + actual.get()));
        }
    }
}
