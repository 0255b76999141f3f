package fr.medsaas.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The audit's only way to AWS: one client per service and region, each with the
 * {@link ReadOnlyGuard}, a time box per call and the SDK's standard retries (exponential backoff
 * with jitter, 3 attempts), and {@link #read} which turns a failure into the reason a control
 * could not be checked.
 */
public final class AwsAccess implements AutoCloseable {
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final Duration callTimeout;
    private final ReadOnlyGuard guard = new ReadOnlyGuard();
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
    private final SignedJsonReads signed;

    /** What a read returned: a value, an answer that the thing is absent (an expected error code), or a reason it could not be read. */
    public record Read<T>(T value, String absentCode, String unreadable) {
        public boolean ok() {
            return value != null;
        }

        public boolean absent() {
            return absentCode != null;
        }

        public boolean failed() {
            return unreadable != null;
        }
    }

    public AwsAccess(AwsCredentialsProvider credentials, Optional<URI> endpoint, Duration callTimeout) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.callTimeout = callTimeout;
        this.signed = new SignedJsonReads(credentials, endpoint, guard, callTimeout);
    }

    /** Reads from AWS Config, GuardDuty, AWS Backup and the tagging API (no SDK module in the build). */
    SignedJsonReads signed() {
        return signed;
    }

    /** Whether every call goes to an endpoint override (an emulator), not to AWS. */
    public boolean endpointOverride() {
        return endpoint.isPresent();
    }

    /** The guard of every client; its {@code called()} lists what the audit called. */
    public ReadOnlyGuard guard() {
        return guard;
    }

    /** Resolves the credentials once; empty when they resolve, else why not. */
    public Optional<String> credentialsProblem() {
        try {
            credentials.resolveCredentials();
            return Optional.empty();
        } catch (SdkException | IllegalStateException e) {
            return Optional.of("no AWS credentials: the credential provider found none (set AWS_PROFILE, or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
    }

    /**
     * Runs one read; an error whose code is in {@code absentCodes} is an answer (e.g. no public
     * access block), any other error is the reason the control could not be checked.
     */
    public <T> Read<T> read(Supplier<T> call, Set<String> absentCodes) {
        try {
            T v = call.get();
            return new Read<>(v == null ? null : v, v == null ? "null" : null, null);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                    : e.awsErrorDetails().errorCode();
            if (absentCodes.contains(code)) {
                return new Read<>(null, code, null);
            }
            return new Read<>(null, null, reason(e, code));
        } catch (ApiCallTimeoutException e) {
            return new Read<>(null, null, "timed out after " + callTimeout.toSeconds() + " s");
        } catch (SdkException e) {
            return new Read<>(null, null, "not answered: " + firstLine(e.getMessage()));
        }
    }

    /** A read with no expected error code. */
    public <T> Read<T> read(Supplier<T> call) {
        return read(call, Set.of());
    }

    static String reason(AwsServiceException e, String code) {
        if (e.isThrottlingException()) {
            return "throttled (" + code + ") after retries with backoff";
        }
        int status = e.statusCode();
        if (status == 403 || code.contains("AccessDenied") || code.contains("Unauthorized")) {
            return "denied (" + code + "): the audit's IAM policy (docs/audit.md) must allow this read";
        }
        if (code.contains("NotImplemented") || code.contains("InvalidAction") || status == 501) {
            return "the service does not answer this call here (" + code + ")";
        }
        if (code.isEmpty()) {
            return "HTTP " + status + " with no error code (an endpoint that does not implement the call answers so)";
        }
        return "error " + status + " " + code + ": " + firstLine(e.awsErrorDetails() == null ? e.getMessage()
                : e.awsErrorDetails().errorMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public CloudFormationClient cloudFormation(String region) {
        return client("cfn", region, r -> build(CloudFormationClient.builder(), r));
    }

    public Ec2Client ec2(String region) {
        return client("ec2", region, r -> build(Ec2Client.builder(), r));
    }

    public S3Client s3(String region) {
        // Path-style on an endpoint override: an emulator answers every bucket on its one address.
        return client("s3", region, r -> build(S3Client.builder().forcePathStyle(endpoint.isPresent()), r));
    }

    public KmsClient kms(String region) {
        return client("kms", region, r -> build(KmsClient.builder(), r));
    }

    public CloudWatchLogsClient logs(String region) {
        return client("logs", region, r -> build(CloudWatchLogsClient.builder(), r));
    }

    public RdsClient rds(String region) {
        return client("rds", region, r -> build(RdsClient.builder(), r));
    }

    public ElastiCacheClient elastiCache(String region) {
        return client("elasticache", region, r -> build(ElastiCacheClient.builder(), r));
    }

    public CloudTrailClient cloudTrail(String region) {
        return client("cloudtrail", region, r -> build(CloudTrailClient.builder(), r));
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String service, String region, Function<String, C> factory) {
        return (C) clients.computeIfAbsent(service + "@" + region, k -> factory.apply(region));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        builder.httpClient(UrlConnectionHttpClient.create());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(guard)
                .apiCallTimeout(callTimeout)
                .retryStrategy(RetryMode.STANDARD)
                .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.region(Region.of(region)).credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        signed.close();
        for (AutoCloseable c : clients.values()) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing a client frees sockets only; nothing to report.
            }
        }
    }
}
