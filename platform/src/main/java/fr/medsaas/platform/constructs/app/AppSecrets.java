package fr.medsaas.platform.constructs.app;

import java.util.List;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * The application's three secrets (ECS-2, SEC-1) and the key that encrypts them.
 *
 * @param databaseUrl   DATABASE_URL ({@code <prefix>/database-url})
 * @param redisUrl      REDIS_URL ({@code <prefix>/redis-url})
 * @param encryptionKey FIELD_ENCRYPTION_KEY ({@code <prefix>/encryption-key})
 * @param key           the KMS key the secrets are encrypted with
 */
public record AppSecrets(ISecret databaseUrl, ISecret redisUrl, ISecret encryptionKey, IKey key) {

    /** The three secrets. */
    public List<ISecret> all() {
        return List.of(databaseUrl, redisUrl, encryptionKey);
    }

    /**
     * The same secrets imported into {@code scope} by ARN, without their key: CDK then cannot
     * add grants of its own (which would write the task roles into the key's policy in the Keys
     * stack and make it depend on the App stack); the roles' own policies grant what is needed.
     */
    public AppSecrets importedInto(software.constructs.Construct scope) {
        return new AppSecrets(
                software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(scope, "DatabaseUrl", databaseUrl.getSecretArn()),
                software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(scope, "RedisUrl", redisUrl.getSecretArn()),
                software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(scope, "EncryptionKey", encryptionKey.getSecretArn()),
                key);
    }
}
