package fr.medsaas.platform.nag;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.IPolicyValidationPlugin;

/**
 * The one list of the rule packs that run at synthesis (CMPL-1), in the order they run: their
 * names, the prefix of their rule ids ({@code AwsSolutions-EC23}) and how each is made. Adding a
 * pack is one constant here; {@link RulePacks} registers it, {@link Acknowledge} accepts its rule
 * ids, and {@code synth} names it. Example, for a pack of our own whose rule ids start with
 * {@code HDS.RGPD-}: {@code HDS_RGPD("HDS.RGPD", HdsRgpdChecks::new)}. Acknowledge records an
 * acknowledgement in the construct's {@code Validations.ACKNOWLEDGED_RULES_METADATA_KEY} metadata,
 * as cdk-nag reads it: a pack of our own reads it there too (on the resource and its parents).
 */
public enum RulePack {
    /** AWS Solutions; it also writes every pack's acknowledgements into the templates' {@code cdk_nag} metadata. */
    AWS_SOLUTIONS("AwsSolutions",
            app -> new AwsSolutionsChecks(app, NagPackProps.builder().writeSuppressionsToCloudFormation(true).build())),
    /** HIPAA Security. */
    HIPAA_SECURITY("HIPAA.Security", HIPAASecurityChecks::new),
    /** NIST 800-53 rev 5. */
    NIST_800_53_R5("NIST.800.53.R5", NIST80053R5Checks::new);

    private final String packName;
    private final Function<App, IPolicyValidationPlugin> plugin;

    RulePack(String packName, Function<App, IPolicyValidationPlugin> plugin) {
        this.packName = packName;
        this.plugin = plugin;
    }

    /** The pack's name, as it prefixes its rule ids and as the validation report names it. */
    public String packName() {
        return packName;
    }

    /** Whether {@code ruleId} ({@code AwsSolutions-IAM5[Resource::*]}) is one of this pack's. */
    public boolean owns(String ruleId) {
        return ruleId.startsWith(packName + "-");
    }

    /** The pack as a CDK policy-validation plugin of {@code app}. */
    IPolicyValidationPlugin pluginOf(App app) {
        return plugin.apply(app);
    }
}
