package fr.medsaas.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Reads from the services whose AWS SDK modules the build cannot fetch (AWS Config, GuardDuty,
 * AWS Backup, the Resource Groups Tagging API): SigV4-signed JSON requests with the SDK's own
 * signer and HTTP client, through the same {@link ReadOnlyGuard}, time box and retries (3
 * attempts, exponential backoff on throttling and 5xx). Replace by the SDK modules once served.
 */
final class SignedJsonReads implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    /** A read's answer: the JSON, or why it could not be read, with the HTTP status and error code. */
    record Answer(JsonNode json, String unreadable, int status, String code) {
        boolean ok() {
            return json != null;
        }
    }

    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final ReadOnlyGuard guard;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedJsonReads(AwsCredentialsProvider credentials, Optional<URI> endpoint, ReadOnlyGuard guard, Duration timeout) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.guard = guard;
        this.http = UrlConnectionHttpClient.builder().socketTimeout(timeout).connectionTimeout(Duration.ofSeconds(10)).build();
    }

    /** A JSON 1.1 call: POST / with {@code X-Amz-Target: prefix.Operation}. */
    Answer target(String service, String signingName, String region, String targetPrefix, String operation, String body) {
        SdkHttpRequest.Builder req = base(signingName, region, "/").method(SdkHttpMethod.POST)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.1");
        return send(service, operation, signingName, region, req, body);
    }

    /** A REST-JSON GET. */
    Answer get(String service, String signingName, String region, String operation, String path) {
        return send(service, operation, signingName, region, base(signingName, region, path).method(SdkHttpMethod.GET), null);
    }

    private SdkHttpRequest.Builder base(String signingName, String region, String path) {
        URI uri = endpoint.orElse(URI.create("https://" + signingName + "." + region + ".amazonaws.com"));
        return SdkHttpRequest.builder().uri(uri.resolve(path));
    }

    private Answer send(String service, String operation, String signingName, String region, SdkHttpRequest.Builder req,
                        String body) {
        if (!ReadOnlyGuard.allowed(service, operation)) {
            throw new IllegalStateException("medsaas audit is read-only: refused " + service + ":" + operation);
        }
        guard.record(service, operation);
        Answer last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            last = once(signingName, region, req, body);
            boolean retry = last.status == 429 || last.status >= 500 || last.code.contains("Throttl");
            if (last.ok() || !retry) {
                return last;
            }
            sleep(Duration.ofMillis(250L << attempt));
        }
        return last.code.contains("Throttl") || last.status == 429
                ? new Answer(null, "throttled (" + last.code + ") after " + ATTEMPTS + " attempts with backoff", last.status, last.code)
                : last;
    }

    private Answer once(String signingName, String region, SdkHttpRequest.Builder req, String body) {
        try {
            ContentStreamProvider payload = body == null ? null : ContentStreamProvider.fromUtf8String(body);
            SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(req.build())
                    .payload(payload)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            HttpExecuteResponse resp = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = resp.httpResponse().statusCode();
            String text = "";
            if (resp.responseBody().isPresent()) {
                try (InputStream in = resp.responseBody().get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            JsonNode json;
            try {
                json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                return new Answer(null, "HTTP " + status + " and no JSON answer: the endpoint does not serve this call in "
                        + region, status, "");
            }
            if (status / 100 == 2) {
                return new Answer(json, null, status, "");
            }
            String code = resp.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(json.path("__type").asText(""));
            code = code.contains("#") ? code.substring(code.indexOf('#') + 1) : code;
            code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
            String message = json.path("message").asText(json.path("Message").asText(""));
            return new Answer(null, reason(status, code, message), status, code);
        } catch (IOException | SdkException e) {
            return new Answer(null, "not answered: " + e.getMessage(), 0, "");
        }
    }

    static String reason(int status, String code, String message) {
        if (status == 403 || code.contains("AccessDenied") || code.contains("Unauthorized")) {
            return "denied (" + code + "): the audit's IAM policy (docs/audit.md) must allow this read";
        }
        if (code.isEmpty()) {
            return "HTTP " + status + " with no error code (an endpoint that does not implement the call answers so)";
        }
        return "error " + status + " " + code + (message.isEmpty() ? "" : ": " + message);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
