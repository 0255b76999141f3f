package fr.medsaas.sandbox;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients the read-back tests use, pointed at the emulator in one region with the
 * sandbox's fake credentials. A later stack adds its service's client here.
 */
final class AwsClients implements AutoCloseable {
    final CloudFormationClient cfn;
    final Ec2Client ec2;
    final KmsClient kms;
    final IamClient iam;
    final CloudWatchLogsClient logs;
    final RdsClient rds;
    final EcsClient ecs;
    final ElasticLoadBalancingV2Client elb;
    final S3Client s3;
    final SnsClient sns;
    final EventBridgeClient events;
    final EcrClient ecr;

    AwsClients(URI endpoint, String region) {
        cfn = build(CloudFormationClient.builder(), endpoint, region);
        ec2 = build(Ec2Client.builder(), endpoint, region);
        kms = build(KmsClient.builder(), endpoint, region);
        // IAM is global: moto answers it in any region, as AWS does in aws-global.
        iam = build(IamClient.builder(), endpoint, "aws-global");
        logs = build(CloudWatchLogsClient.builder(), endpoint, region);
        rds = build(RdsClient.builder(), endpoint, region);
        ecs = build(EcsClient.builder(), endpoint, region);
        elb = build(ElasticLoadBalancingV2Client.builder(), endpoint, region);
        // Path-style: the emulator answers every bucket on its one address, not on <bucket>.<host>.
        s3 = build(S3Client.builder().forcePathStyle(true), endpoint, region);
        sns = build(SnsClient.builder(), endpoint, region);
        events = build(EventBridgeClient.builder(), endpoint, region);
        ecr = build(EcrClient.builder(), endpoint, region);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint,
                                                                                            String region) {
        builder.httpClient(UrlConnectionHttpClient.create());
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS))
                .build();
    }

    @Override
    public void close() {
        cfn.close();
        ec2.close();
        kms.close();
        iam.close();
        logs.close();
        rds.close();
        ecs.close();
        elb.close();
        s3.close();
        sns.close();
        events.close();
        ecr.close();
    }
}
