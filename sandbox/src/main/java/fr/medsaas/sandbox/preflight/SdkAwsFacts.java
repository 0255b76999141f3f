package fr.medsaas.sandbox.preflight;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link AwsFacts} answered by AWS (or the emulator, with an endpoint) through the AWS SDK for
 * Java v2. Read-only calls only: GetCallerIdentity, DescribeCertificate, DescribeImages, GetRole,
 * DescribeStacks, HeadBucket, DescribePrefixLists, DescribeRepositories, and signed JSON reads of GuardDuty
 * ListDetectors, Security Hub DescribeHub, Config DescribeConfigurationRecorders and
 * DescribeDeliveryChannels, CodeConnections GetConnection; for deploy's image pins (DEP-1), ECS DescribeServices and
 * DescribeTaskDefinition. Every call is time-boxed; a missing credential, a refusal or a
 * time-out becomes {@link AwsFacts.CannotAsk}.
 */
public final class SdkAwsFacts implements TargetAccount, fr.medsaas.sandbox.deploy.ImageRegistry {
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final String homeRegion;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final Map<String, AutoCloseable> clients = new HashMap<>();
    private String account;
    private SignedCalls signed;

    /**
     * @param credentials the credentials (the default chain for AWS, fixed ones for the emulator)
     * @param endpoint    the emulator's address, or empty for AWS
     * @param homeRegion  the region of global services' calls (IAM, STS)
     */
    public SdkAwsFacts(AwsCredentialsProvider credentials, Optional<URI> endpoint, String homeRegion) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.homeRegion = homeRegion;
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable, B extends AwsClientBuilder<B, C>> C client(String service, String region,
            java.util.function.Supplier<B> builder) {
        return (C) clients.computeIfAbsent(service + "@" + region, k -> {
            B b = builder.get().region(Region.of(region)).credentialsProvider(credentials)
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .apiCallTimeout(Duration.ofSeconds(20)).apiCallAttemptTimeout(Duration.ofSeconds(8)).build());
            endpoint.ifPresent(b::endpointOverride);
            if (b instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
                sync.httpClient(http);
            }
            if (b instanceof software.amazon.awssdk.services.s3.S3ClientBuilder s3) {
                s3.forcePathStyle(endpoint.isPresent());
            }
            return b.build();
        });
    }

    private static <T> T ask(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException e) {
            if (e.getMessage() != null && e.getMessage().contains("Unable to load credentials")) {
                throw new CannotAsk(Preflight.NO_CREDENTIALS); // one line, not the SDK's list of every provider tried
            }
            throw new CannotAsk(what + ": " + firstLine(e.getMessage()));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403 || e.statusCode() == 401) {
                throw new CannotAsk(what + ": access denied (" + e.awsErrorDetails().errorCode() + ")");
            }
            throw new CannotAsk(what + ": " + e.awsErrorDetails().errorCode() + " " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    @Override
    public String accountId() {
        if (account == null) {
            StsClient sts = client("sts", homeRegion, StsClient::builder);
            account = ask("sts:GetCallerIdentity", () -> sts.getCallerIdentity().account());
        }
        return account;
    }

    @Override
    public Optional<String> certificateStatus(String certificateArn) {
        AcmClient acm = client("acm", Preflight.regionOf(certificateArn), AcmClient::builder);
        return ask("acm:DescribeCertificate", () -> {
            try {
                return Optional.of(acm.describeCertificate(r -> r.certificateArn(certificateArn)).certificate().statusAsString());
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public ImageState image(String region, String repository, String tagOrDigest) {
        EcrClient ecr = client("ecr", region, EcrClient::builder);
        ImageIdentifier id = tagOrDigest.startsWith("sha256:")
                ? ImageIdentifier.builder().imageDigest(tagOrDigest).build()
                : ImageIdentifier.builder().imageTag(tagOrDigest).build();
        return ask("ecr:DescribeImages", () -> {
            try {
                return ecr.describeImages(r -> r.repositoryName(repository).imageIds(List.of(id))).imageDetails().isEmpty()
                        ? ImageState.MISSING : ImageState.PRESENT;
            } catch (ImageNotFoundException e) {
                return ImageState.MISSING;
            } catch (RepositoryNotFoundException e) {
                return ImageState.NO_REPOSITORY;
            }
        });
    }

    @Override
    public boolean roleExists(String roleName) {
        IamClient iam = client("iam", homeRegion, IamClient::builder);
        return ask("iam:GetRole", () -> {
            try {
                iam.getRole(r -> r.roleName(roleName));
                return true;
            } catch (NoSuchEntityException e) {
                return false;
            }
        });
    }

    @Override
    public Optional<String> bootstrapKey(String region, String toolkitStackName) {
        CloudFormationClient cfn = client("cloudformation", region, CloudFormationClient::builder);
        return ask("cloudformation:DescribeStacks", () -> {
            try {
                Stack stack = cfn.describeStacks(r -> r.stackName(toolkitStackName)).stacks().get(0);
                return Optional.of(stack.parameters().stream().filter(p -> "FileAssetsBucketKmsKeyId".equals(p.parameterKey()))
                        .map(Parameter::parameterValue).findFirst().orElse(""));
            } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<String> prefixListId(String region, String prefixListName) {
        software.amazon.awssdk.services.ec2.Ec2Client ec2 = client("ec2", region,
                software.amazon.awssdk.services.ec2.Ec2Client::builder);
        return ask("ec2:DescribePrefixLists", () -> ec2.describePrefixLists(r -> r.filters(f -> f.name("prefix-list-name")
                .values(prefixListName))).prefixLists().stream().map(p -> p.prefixListId()).findFirst());
    }

    @Override
    public BucketState bucket(String name) {
        S3Client s3 = client("s3", homeRegion, S3Client::builder);
        String owner = accountIdOrNull();
        return ask("s3:HeadBucket", () -> {
            try {
                s3.headBucket(r -> {
                    r.bucket(name);
                    if (owner != null) {
                        r.expectedBucketOwner(owner);
                    }
                });
                return BucketState.OURS;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return BucketState.FREE;
                }
                if (e.statusCode() == 403) {
                    return BucketState.TAKEN;
                }
                // A bucket in another region answers 301 to a HeadBucket sent elsewhere: it exists;
                // ours or not, ask with its owner condition in its region next time. Treat as taken
                // unless the owner condition passed, which a 301 does not tell.
                if (e.statusCode() == 301) {
                    return BucketState.TAKEN;
                }
                throw e;
            }
        });
    }

    private String accountIdOrNull() {
        try {
            return accountId();
        } catch (CannotAsk e) {
            return null;
        }
    }

    private SignedCalls signed() {
        if (signed == null) {
            signed = new SignedCalls(credentials, endpoint, http);
        }
        return signed;
    }

    /** A signed call's answer, or CannotAsk when it is neither a success nor one of {@code absent}'s codes. */
    private SignedCalls.Answer answered(String what, SignedCalls.Answer a, String... absent) {
        if (a.ok() || java.util.Arrays.asList(absent).contains(a.code())) {
            return a;
        }
        if (a.status() == 403 || a.code().contains("AccessDenied") || a.code().contains("UnrecognizedClient")) {
            throw new CannotAsk(what + ": access denied (" + a.code() + ")");
        }
        throw new CannotAsk(what + ": " + a.code());
    }

    @Override
    public List<String> guardDutyDetectors(String region) {
        SignedCalls.Answer a = answered("guardduty:ListDetectors", ask("guardduty:ListDetectors",
                () -> signed().get("guardduty", region, "/detector")));
        List<String> out = new java.util.ArrayList<>();
        a.json().path("detectorIds").forEach(id -> out.add(id.asText()));
        return out;
    }

    @Override
    public boolean securityHubEnabled(String region) {
        // DescribeHub answers InvalidAccessException ("not subscribed") where Security Hub is off.
        SignedCalls.Answer a = answered("securityhub:DescribeHub", ask("securityhub:DescribeHub",
                () -> signed().get("securityhub", region, "/accounts")), "InvalidAccessException", "ResourceNotFoundException");
        return a.ok();
    }

    @Override
    public List<String> configRecorders(String region) {
        return configNames(region, "DescribeConfigurationRecorders", "ConfigurationRecorders");
    }

    @Override
    public List<String> configDeliveryChannels(String region) {
        return configNames(region, "DescribeDeliveryChannels", "DeliveryChannels");
    }

    private List<String> configNames(String region, String operation, String field) {
        SignedCalls.Answer a = answered("config:" + operation, ask("config:" + operation,
                () -> signed().target("config", region, "StarlingDoveService." + operation, "1.1", "{}")));
        List<String> out = new java.util.ArrayList<>();
        a.json().path(field).forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    @Override
    public Optional<String> connectionStatus(String connectionArn) {
        boolean codestar = connectionArn.startsWith("arn:aws:codestar-connections:");
        String service = codestar ? "codestar-connections" : "codeconnections";
        String target = (codestar ? "CodeStar_connections_20191201" : "CodeConnections_20231201") + ".GetConnection";
        String body = "{\"ConnectionArn\":\"" + connectionArn + "\"}";
        SignedCalls.Answer a = answered(service + ":GetConnection", ask(service + ":GetConnection",
                () -> signed().target(service, Preflight.regionOf(connectionArn), target, "1.0", body)),
                "ResourceNotFoundException");
        return a.ok() ? Optional.of(a.json().path("Connection").path("ConnectionStatus").asText("")) : Optional.empty();
    }

    @Override
    public Optional<String> stackStatus(String region, String stackName) {
        CloudFormationClient cfn = client("cloudformation", region, CloudFormationClient::builder);
        return ask("cloudformation:DescribeStacks", () -> {
            try {
                return cfn.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst()
                        .map(Stack::stackStatusAsString);
            } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                    return Optional.<String>empty();
                }
                throw e;
            }
        });
    }

    @Override
    public boolean repositoryExists(String region, String repository) {
        EcrClient ecr = client("ecr", region, EcrClient::builder);
        return ask("ecr:DescribeRepositories", () -> {
            try {
                return !ecr.describeRepositories(r -> r.repositoryNames(repository)).repositories().isEmpty();
            } catch (RepositoryNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public Optional<String> policyDocument(String policyArn) {
        IamClient iam = client("iam", homeRegion, IamClient::builder);
        return ask("iam:GetPolicyVersion", () -> {
            try {
                String version = iam.getPolicy(r -> r.policyArn(policyArn)).policy().defaultVersionId();
                String doc = iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(version)).policyVersion().document();
                // IAM returns the document URL-encoded (RFC 3986: "{" is %7B); the emulator returns it
                // as JSON, which is then left as it is.
                return Optional.of(doc.strip().startsWith("{") ? doc
                        : java.net.URLDecoder.decode(doc, java.nio.charset.StandardCharsets.UTF_8));
            } catch (NoSuchEntityException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public List<String> bootstrapExecutionPolicies(String region, String toolkitStackName) {
        CloudFormationClient cfn = client("cloudformation", region, CloudFormationClient::builder);
        return ask("cloudformation:DescribeStacks", () -> {
            try {
                Stack stack = cfn.describeStacks(r -> r.stackName(toolkitStackName)).stacks().get(0);
                return stack.parameters().stream().filter(p -> "CloudFormationExecutionPolicies".equals(p.parameterKey()))
                        .map(Parameter::parameterValue).findFirst().map(v -> java.util.Arrays.stream(v.split(","))
                                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
            } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                    return List.<String>of();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<String> runningImage(String region, String cluster, String service, String container) {
        software.amazon.awssdk.services.ecs.EcsClient ecs = client("ecs", region,
                software.amazon.awssdk.services.ecs.EcsClient::builder);
        return ask("ecs:DescribeServices", () -> {
            try {
                Optional<String> taskDefinition = ecs.describeServices(r -> r.cluster(cluster).services(service)).services()
                        .stream().filter(s -> "ACTIVE".equals(s.status())).map(s -> s.taskDefinition()).findFirst();
                if (taskDefinition.isEmpty()) {
                    return Optional.<String>empty();
                }
                return ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition.get())).taskDefinition()
                        .containerDefinitions().stream().filter(c -> container.equals(c.name()))
                        .map(c -> c.image()).findFirst();
            } catch (software.amazon.awssdk.services.ecs.model.ClusterNotFoundException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public Optional<String> digestOf(String region, String repository, String tag) {
        EcrClient ecr = client("ecr", region, EcrClient::builder);
        return ask("ecr:DescribeImages", () -> {
            try {
                return ecr.describeImages(r -> r.repositoryName(repository)
                        .imageIds(List.of(ImageIdentifier.builder().imageTag(tag).build())))
                        .imageDetails().stream().map(d -> d.imageDigest()).findFirst();
            } catch (ImageNotFoundException | RepositoryNotFoundException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public Optional<String> newestDigest(String region, String repository) {
        EcrClient ecr = client("ecr", region, EcrClient::builder);
        return ask("ecr:DescribeImages", () -> {
            try {
                return ecr.describeImagesPaginator(r -> r.repositoryName(repository)).imageDetails().stream()
                        .filter(d -> d.imagePushedAt() != null)
                        .max(java.util.Comparator.comparing(d -> d.imagePushedAt()))
                        .map(d -> d.imageDigest());
            } catch (RepositoryNotFoundException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public void createServiceLinkedRole(String service) {
        IamClient iam = client("iam", homeRegion, IamClient::builder);
        ask("iam:CreateServiceLinkedRole", () -> iam.createServiceLinkedRole(r -> r.awsServiceName(service)));
    }

    @Override
    public void close() {
        for (AutoCloseable c : clients.values()) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a client frees sockets only
            }
        }
        http.close();
    }
}
