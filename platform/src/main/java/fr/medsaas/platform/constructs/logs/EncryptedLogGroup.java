package fr.medsaas.platform.constructs.logs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A log group as OBS-1 wants every one: KMS-encrypted with the logs key, kept for the configured
 * retention, and retained when its stack is deleted (logs are audit evidence).
 */
public final class EncryptedLogGroup extends Construct {
    private final LogGroup logGroup;

    public EncryptedLogGroup(Construct scope, String id, EncryptedLogGroupProps props) {
        super(scope, id);
        this.logGroup = LogGroup.Builder.create(this, "Resource")
                .logGroupName(props.logGroupName())
                .encryptionKey(props.key())
                .retention(Retention.of(props.retentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
    }

    /** The log group. */
    public ILogGroup logGroup() {
        return logGroup;
    }
}
