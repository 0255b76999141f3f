package fr.medsaas.sandbox.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.diff.PreviousTemplates;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * The templates CloudFormation holds for the deployed stacks, read with GetTemplate (read-only:
 * {@code cloudformation:GetTemplate} is the only permission used). A stack that does not exist
 * has no template: its resources are all "added".
 */
public final class CloudFormationTemplates implements PreviousTemplates, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final Map<String, CloudFormationClient> clients = new LinkedHashMap<>();

    /**
     * Reads from AWS ({@code endpoint} empty) or from an emulator at {@code endpoint}.
     *
     * @param credentials the credentials to sign with (resolve them first to fail early)
     */
    public CloudFormationTemplates(Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    @Override
    public Optional<JsonNode> template(String stackName, String region) {
        try {
            String body = client(region).getTemplate(b -> b.stackName(stackName)).templateBody();
            return Optional.of(parse(body));
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A template body as JSON; CloudFormation may hold YAML for stacks not made by CDK, which is not read. */
    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a deployed template is not JSON (a stack not made by medsaas?)", e);
        }
    }

    @Override
    public String describe() {
        return endpoint.map(u -> "the templates of the emulator at " + u)
                .orElse("the templates CloudFormation holds (GetTemplate)");
    }

    CloudFormationClient client(String region) {
        return clients.computeIfAbsent(region, r -> {
            CloudFormationClientBuilder b = CloudFormationClient.builder()
                    .region(Region.of(r))
                    .credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create());
            endpoint.ifPresent(b::endpointOverride);
            return b.build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(CloudFormationClient::close);
        clients.clear();
    }
}
