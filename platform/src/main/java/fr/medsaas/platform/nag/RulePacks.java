package fr.medsaas.platform.nag;

import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.Validations;

/**
 * The rule packs of {@link RulePack} run at synthesis (CMPL-1), as CDK policy-validation
 * plugins. Acknowledgements are also written into each resource's {@code cdk_nag} metadata so
 * that tools reading the templates see them.
 */
public final class RulePacks {
    /** The packs' names, in the order they run (from {@link RulePack}). */
    public static final List<String> PACKS = Arrays.stream(RulePack.values()).map(RulePack::packName).toList();

    private RulePacks() {
    }

    /** Registers every pack on the app. */
    public static void register(App app) {
        Validations.of(app).addPlugins(Arrays.stream(RulePack.values())
                .map(pack -> pack.pluginOf(app)).toArray(IPolicyValidationPlugin[]::new));
    }
}
