package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import fr.medsaas.platform.constructs.keys.PlatformKeys;
import fr.medsaas.platform.constructs.keys.PlatformKeysProps;
import software.constructs.Construct;

/** The customer-managed keys of the primary region (KMS-1, KMS-2); changes rarely. */
public final class KeysStack extends PlatformStack {
    private final PlatformKeys keys;

    public KeysStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, "Keys", config.regions().primary(),
                "medsaas " + config.name() + ": customer-managed KMS keys and aliases (KMS-1, KMS-2)");
        this.keys = new PlatformKeys(this, "Keys",
                PlatformKeysProps.primary(config.namePrefix(), config.regions().primary(), PlatformPrincipals.of(config)));
    }

    /** The keys. */
    public PlatformKeys keys() {
        return keys;
    }
}
