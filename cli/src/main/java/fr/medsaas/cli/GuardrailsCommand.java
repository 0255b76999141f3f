package fr.medsaas.cli;

import fr.medsaas.compliance.guardrails.GuardrailInputs;
import fr.medsaas.compliance.guardrails.Guardrails;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medsaas guardrails}: the organisation's service and resource control policies of an
 * environment (HARD-9, HARD-10), generated from its configuration, written as JSON files for the
 * operator to attach in AWS Organizations. Offline.
 */
@Command(name = "guardrails", mixinStandardHelpOptions = true,
        description = {"Write the service control policies (SCPs) and the resource control policy (RCP) to attach over "
                + "the environment's account in AWS Organizations (HARD-9, HARD-10): regions outside the EEA denied but "
                + "for global services and the edge's; the trail, Config, GuardDuty and Security Hub kept on; keys, vault "
                + "locks and recovery points kept; the task role held to the VPC endpoints. Each denies all but the "
                + "break-glass role <prefix>-break-glass. See docs/guardrails.md.",
            "Exit codes: 0 written, 1 internal error, 2 usage or configuration error."})
public final class GuardrailsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Folder to write <name>.json into. Default: guardrails/<env>.")
    Path out;

    @Override
    public Integer call() {
        EnvironmentConfig config = environment.load();
        List<Guardrails.Policy> policies = Guardrails.of(inputs(config));
        Path dir = out == null ? Path.of("guardrails", config.name()) : out;
        PrintWriter w = spec.commandLine().getOut();
        try {
            Files.createDirectories(dir);
            for (Guardrails.Policy p : policies) {
                Path file = dir.resolve(p.name() + ".json");
                Files.writeString(file, p.prettyJson());
                w.printf("%s %-40s %5d of %d characters  %s%n", p.kind(), p.name(), p.json().length(), p.limit(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.println("Attach the SCPs with: aws organizations create-policy --type SERVICE_CONTROL_POLICY --name NAME "
                + "--content file://FILE, then attach-policy --target-id ACCOUNT_OR_OU; the RCP with "
                + "--type RESOURCE_CONTROL_POLICY. Create the break-glass role " + breakGlassRole(config)
                + " first (docs/guardrails.md).");
        w.flush();
        return ExitCodes.OK;
    }

    /** The guardrails' inputs from an environment's configuration and the platform's role names. */
    static GuardrailInputs inputs(EnvironmentConfig config) {
        PlatformPrincipals principals = PlatformPrincipals.of(config);
        return new GuardrailInputs(config.name(), List.of(config.regions().primary(), config.regions().backup()),
                config.regions().edge(), breakGlassRole(config),
                "cdk-" + PlatformPrincipals.BOOTSTRAP_QUALIFIER + "-cfn-exec-role-*", principals.ecsTaskRoleName());
    }

    /** The one role the guardrails let through: made by the operator, with MFA, for incidents. */
    static String breakGlassRole(EnvironmentConfig config) {
        return config.physicalName("break-glass");
    }
}
