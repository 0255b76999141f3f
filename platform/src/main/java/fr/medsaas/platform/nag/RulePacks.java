package fr.medsaas.platform.nag;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Validations;

/**
 * AWS's rule packs run at synthesis (CMPL-1): AwsSolutions, HIPAA Security and NIST 800-53
 * rev 5, as CDK policy-validation plugins. Acknowledgements are also written into each
 * resource's {@code cdk_nag} metadata so that tools reading the templates see them.
 */
public final class RulePacks {
    /** The packs, by the prefix of their rule ids. */
    public static final List<String> PACKS = List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5");

    private RulePacks() {
    }

    /** Registers every pack on the app. */
    public static void register(App app) {
        Validations.of(app).addPlugins(
                new AwsSolutionsChecks(app, NagPackProps.builder().writeSuppressionsToCloudFormation(true).build()),
                new HIPAASecurityChecks(app),
                new NIST80053R5Checks(app));
    }
}
