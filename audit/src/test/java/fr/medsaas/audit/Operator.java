package fr.medsaas.audit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import fr.medsaas.sandbox.SandboxDeployer;

/**
 * Plain SDK clients with write access to the emulator: what the tests use to complete what moto
 * does not keep and to sabotage the account, as an attacker or a hurried operator would. Never
 * the audit's own clients.
 */
final class Operator implements AutoCloseable {
    final Ec2Client ec2;
    final S3Client s3;
    final CloudWatchLogsClient logs;
    final CloudTrailClient trail;
    final software.amazon.awssdk.services.kms.KmsClient kms;

    Operator(URI endpoint, String region) {
        ec2 = build(Ec2Client.builder(), endpoint, region);
        s3 = build(S3Client.builder().forcePathStyle(true), endpoint, region);
        logs = build(CloudWatchLogsClient.builder(), endpoint, region);
        trail = build(CloudTrailClient.builder(), endpoint, region);
        kms = build(software.amazon.awssdk.services.kms.KmsClient.builder(), endpoint, region);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint, String region) {
        builder.httpClient(UrlConnectionHttpClient.create());
        return builder.endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS)).build();
    }

    @Override
    public void close() {
        ec2.close();
        s3.close();
        logs.close();
        trail.close();
        kms.close();
    }
}
