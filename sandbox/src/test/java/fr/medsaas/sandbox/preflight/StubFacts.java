package fr.medsaas.sandbox.preflight;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An account held in maps: every answer the preflight may ask for, set by the test. */
final class StubFacts implements AwsFacts {
    String account = "111122223333";
    boolean noCredentials;
    final Map<String, String> certificates = new HashMap<>();
    final Map<String, ImageState> images = new HashMap<>();
    final Set<String> roles = new HashSet<>(Preflight.SERVICE_LINKED_ROLES.keySet());
    final Map<String, String> bootstraps = new HashMap<>();
    final Map<String, BucketState> buckets = new HashMap<>();
    final Map<String, String> prefixLists = new HashMap<>(Map.of(
            "eu-west-3/com.amazonaws.eu-west-3.s3", "pl-23ad484a"));

    @Override
    public String accountId() {
        if (noCredentials) {
            throw new CannotAsk(Preflight.NO_CREDENTIALS); // as SdkAwsFacts says it
        }
        return account;
    }

    @Override
    public Optional<String> certificateStatus(String certificateArn) {
        return Optional.ofNullable(certificates.get(certificateArn));
    }

    @Override
    public ImageState image(String region, String repository, String tagOrDigest) {
        return images.getOrDefault(region + "/" + repository + ":" + tagOrDigest, ImageState.MISSING);
    }

    @Override
    public boolean roleExists(String roleName) {
        return roles.contains(roleName);
    }

    @Override
    public Optional<String> bootstrapKey(String region, String toolkitStackName) {
        return Optional.ofNullable(bootstraps.get(region));
    }

    @Override
    public Optional<String> prefixListId(String region, String prefixListName) {
        return Optional.ofNullable(prefixLists.get(region + "/" + prefixListName));
    }

    @Override
    public BucketState bucket(String name) {
        return buckets.getOrDefault(name, BucketState.FREE);
    }

    final Map<String, java.util.List<String>> detectors = new HashMap<>();
    final Set<String> securityHubs = new HashSet<>();
    final Map<String, java.util.List<String>> recorders = new HashMap<>();
    final Map<String, java.util.List<String>> channels = new HashMap<>();
    final Map<String, String> connections = new HashMap<>();
    final Map<String, String> stacks = new HashMap<>();
    final Set<String> repositories = new HashSet<>();
    final Map<String, java.util.List<String>> executionPolicies = new HashMap<>();
    /** Customer-managed policies' documents, by ARN. */
    final Map<String, String> policyDocuments = new HashMap<>();

    @Override
    public Optional<String> policyDocument(String policyArn) {
        return Optional.ofNullable(policyDocuments.get(policyArn));
    }

    @Override
    public java.util.List<String> guardDutyDetectors(String region) {
        return detectors.getOrDefault(region, java.util.List.of());
    }

    @Override
    public boolean securityHubEnabled(String region) {
        return securityHubs.contains(region);
    }

    @Override
    public java.util.List<String> configRecorders(String region) {
        return recorders.getOrDefault(region, java.util.List.of());
    }

    @Override
    public java.util.List<String> configDeliveryChannels(String region) {
        return channels.getOrDefault(region, java.util.List.of());
    }

    @Override
    public Optional<String> connectionStatus(String connectionArn) {
        return Optional.ofNullable(connections.get(connectionArn));
    }

    @Override
    public Optional<String> stackStatus(String region, String stackName) {
        return Optional.ofNullable(stacks.get(region + "/" + stackName));
    }

    @Override
    public boolean repositoryExists(String region, String repository) {
        return repositories.contains(region + "/" + repository);
    }

    @Override
    public java.util.List<String> bootstrapExecutionPolicies(String region, String toolkitStackName) {
        return executionPolicies.getOrDefault(region, java.util.List.of());
    }
}
