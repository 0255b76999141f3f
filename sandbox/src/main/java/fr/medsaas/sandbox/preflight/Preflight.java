package fr.medsaas.sandbox.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            problems.add(new PreflightProblem("credentials", "cannot ask the target account (" + e.getMessage()
                    + "): set AWS credentials for it (AWS_PROFILE or the default chain) and run again"));
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
            buckets(config, facts, problems);
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
