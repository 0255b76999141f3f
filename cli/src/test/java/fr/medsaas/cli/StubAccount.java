package fr.medsaas.cli;

import fr.medsaas.sandbox.preflight.TargetAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An account ready for a deployment but for ECS's service-linked role; records what it was asked to create. */
final class StubAccount implements TargetAccount {
    static final String ACCOUNT = "111122223333";
    final List<String> created = new ArrayList<>();

    @Override
    public String accountId() {
        return ACCOUNT;
    }

    @Override
    public Optional<String> certificateStatus(String certificateArn) {
        return Optional.of("ISSUED");
    }

    @Override
    public ImageState image(String region, String repository, String tagOrDigest) {
        return ImageState.PRESENT;
    }

    @Override
    public boolean roleExists(String roleName) {
        return !"AWSServiceRoleForECS".equals(roleName);
    }

    @Override
    public Optional<String> bootstrapKey(String region, String toolkitStackName) {
        return Optional.of("arn:aws:kms:" + region + ":" + ACCOUNT + ":key/0000");
    }

    @Override
    public Optional<String> prefixListId(String region, String prefixListName) {
        // The shipped configuration's id for eu-west-3's S3 prefix list.
        return Optional.of("pl-23ad484a");
    }

    @Override
    public BucketState bucket(String name) {
        return BucketState.FREE;
    }

    /** The image the services run, by service name; none: App is not deployed yet. */
    final java.util.Map<String, String> running = new java.util.HashMap<>();
    /** The digest of the image pushed last to any repository; none: the pipeline has pushed nothing yet. */
    Optional<String> newest = Optional.empty();

    @Override
    public Optional<String> runningImage(String region, String cluster, String service, String container) {
        return Optional.ofNullable(running.get(service));
    }

    @Override
    public Optional<String> digestOf(String region, String repository, String tag) {
        return newest;
    }

    @Override
    public Optional<String> newestDigest(String region, String repository) {
        return newest;
    }

    @Override
    public List<String> guardDutyDetectors(String region) {
        return List.of();
    }

    @Override
    public boolean securityHubEnabled(String region) {
        return false;
    }

    @Override
    public List<String> configRecorders(String region) {
        return List.of();
    }

    @Override
    public List<String> configDeliveryChannels(String region) {
        return List.of();
    }

    @Override
    public Optional<String> connectionStatus(String connectionArn) {
        return Optional.of("AVAILABLE");
    }

    @Override
    public Optional<String> stackStatus(String region, String stackName) {
        return Optional.empty();
    }

    @Override
    public boolean repositoryExists(String region, String repository) {
        return false;
    }

    @Override
    public java.util.Optional<String> policyDocument(String policyArn) {
        if (!policyArn.equals("arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-dev-CdkExecution")) {
            return java.util.Optional.empty();
        }
        try {
            fr.medsaas.config.EnvironmentConfig dev = fr.medsaas.config.ConfigLoader.load(
                    java.nio.file.Path.of(CliRun.configDir(), "dev.yaml"));
            return java.util.Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    fr.medsaas.compliance.access.ExecutionPolicy.document(dev.stackName(""), List.copyOf(
                            new java.util.LinkedHashSet<>(List.of(dev.regions().primary(), dev.regions().backup(),
                                    dev.regions().edge()))), ACCOUNT)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> bootstrapExecutionPolicies(String region, String toolkitStackName) {
        return List.of("arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-dev-CdkExecution");
    }

    @Override
    public void createServiceLinkedRole(String service) {
        created.add(service);
    }

    @Override
    public void close() {
    }
}
