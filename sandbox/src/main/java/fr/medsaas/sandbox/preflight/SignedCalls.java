package fr.medsaas.sandbox.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/**
 * Read-only calls to the services whose AWS SDK modules the build cannot fetch (GuardDuty,
 * Security Hub, AWS Config, CodeConnections): SigV4-signed JSON requests with the SDK's own signer
 * and HTTP client, as the audit's SignedJsonReads does (one class for both once the audit's moves
 * here). Package-private: {@link SdkAwsFacts} is the only caller.
 */
final class SignedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: the HTTP status, the error code (empty on success) and the JSON body. */
    record Answer(int status, String code, JsonNode json) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;
    private final SdkHttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedCalls(AwsCredentialsProvider credentials, Optional<URI> endpoint, SdkHttpClient http) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.http = http;
    }

    /** A JSON 1.0 or 1.1 call: POST / with {@code X-Amz-Target}. */
    Answer target(String signingName, String region, String target, String jsonVersion, String body) {
        SdkHttpRequest.Builder req = base(signingName, region, "/").method(SdkHttpMethod.POST)
                .putHeader("X-Amz-Target", target)
                .putHeader("Content-Type", "application/x-amz-json-" + jsonVersion);
        return send(signingName, region, req, body);
    }

    /** A REST-JSON GET. */
    Answer get(String signingName, String region, String path) {
        return send(signingName, region, base(signingName, region, path).method(SdkHttpMethod.GET), null);
    }

    private SdkHttpRequest.Builder base(String signingName, String region, String path) {
        URI uri = endpoint.orElse(URI.create("https://" + signingName + "." + region + ".amazonaws.com"));
        return SdkHttpRequest.builder().uri(uri.resolve(path));
    }

    private Answer send(String signingName, String region, SdkHttpRequest.Builder req, String body) {
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
                json = JSON.createObjectNode();
            }
            if (status / 100 == 2) {
                return new Answer(status, "", json);
            }
            String code = resp.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(json.path("__type").asText(""));
            code = code.contains("#") ? code.substring(code.indexOf('#') + 1) : code;
            code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
            return new Answer(status, code.isEmpty() ? "HTTP " + status : code, json);
        } catch (IOException e) {
            throw software.amazon.awssdk.core.exception.SdkClientException.create(e.getMessage(), e);
        } catch (SdkException e) {
            throw e;
        }
    }
}
