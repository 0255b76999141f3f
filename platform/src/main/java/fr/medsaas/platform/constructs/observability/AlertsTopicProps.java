package fr.medsaas.platform.constructs.observability;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;

/**
 * The alerts topic.
 *
 * @param topicName     its name, {@code medical-saas-alerts}
 * @param displayName   the sender name of its e-mails
 * @param key           the alerts key
 * @param emails        e-mail subscribers
 * @param httpsEndpoint an HTTPS subscriber; empty for none
 */
public record AlertsTopicProps(String topicName, String displayName, IKey key, List<String> emails,
                               Optional<String> httpsEndpoint) {
    public AlertsTopicProps {
        emails = List.copyOf(emails);
    }
}
