package fr.medsaas.platform.constructs.observability;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscriptionProps;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.constructs.Construct;

/**
 * OBS-3: the alerts topic, encrypted with the alerts key, TLS-only (a deny on
 * {@code aws:SecureTransport=false}), with its subscribers from configuration. Only this
 * account's CloudWatch alarms and EventBridge rules may publish to it on a service's behalf.
 */
public final class AlertsTopic extends Construct {
    private final Topic topic;

    public AlertsTopic(Construct scope, String id, AlertsTopicProps props) {
        super(scope, id);
        this.topic = Topic.Builder.create(this, "Resource")
                .topicName(props.topicName())
                .displayName(props.displayName())
                // By ARN: the key's policy lives in the Keys stack and already lets CloudWatch and
                // EventBridge use it; a CDK grant here would try to append to it.
                .masterKey(Key.fromKeyArn(this, "Key", props.key().getKeyArn()))
                .enforceSsl(true)
                .build();
        // CloudWatch alarms (OBS-3), EventBridge's security events (OBS-5) and the delivery
        // pipeline's notification rule (CI-1), which imports the topic and so cannot add this itself.
        Map<String, String> publishers = new java.util.LinkedHashMap<>();
        publishers.put("cloudwatch", "CloudWatch");
        publishers.put("events", "EventBridge");
        publishers.put("codestar-notifications", "CodeStarNotifications");
        for (Map.Entry<String, String> publisher : publishers.entrySet()) {
            String service = publisher.getKey();
            topic.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("Allow" + publisher.getValue() + "OfThisAccountToPublish")
                    .principals(List.of(new ServicePrincipal(service + ".amazonaws.com")))
                    .actions(List.of("sns:Publish"))
                    .resources(List.of(topic.getTopicArn()))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                    .build());
        }
        for (String email : props.emails()) {
            topic.addSubscription(new EmailSubscription(email));
        }
        props.httpsEndpoint().ifPresent(url -> topic.addSubscription(new UrlSubscription(url,
                UrlSubscriptionProps.builder().protocol(SubscriptionProtocol.HTTPS).build())));
    }

    /** The topic. */
    public ITopic topic() {
        return topic;
    }
}
