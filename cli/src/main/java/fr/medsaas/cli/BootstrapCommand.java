package fr.medsaas.cli;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.bootstrap.BootstrapPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medsaas bootstrap}: the CDK bootstrap of every region of an environment with a
 * customer-managed key (CI-4); prints the commands with {@code --dry-run}, or runs them.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Bootstrap the AWS CDK in every region of an environment (primary, backup, edge) with a "
                + "customer-managed key for its staging bucket (CI-4), a least-privileged CloudFormation execution "
                + "policy instead of AdministratorAccess, termination protection and the CMP-4 tags.",
            "The execution policy must exist first (once per account): --print-policy writes its document, "
                + "--dry-run prints the aws iam create-policy command that makes it. See docs/delivery.md."})
public final class BootstrapCommand implements Callable<Integer> {
    /** The file name --dry-run suggests for the policy document. */
    static final String POLICY_FILE = "cdk-execution-policy.json";

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--account", paramLabel = "ACCOUNT",
            description = "The AWS account to bootstrap (12 digits); required unless --dry-run or --print-policy.")
    String account;

    @Option(names = "--dry-run", description = "Print the commands instead of running them.")
    boolean dryRun;

    @Option(names = "--print-policy", description = "Print the execution policy's JSON document and stop.")
    boolean printPolicy;

    @Override
    public Integer call() {
        if (account != null && !BootstrapPlan.isAccount(account)) {
            throw new ParameterException(spec.commandLine(), "--account: value \"" + account
                    + "\" is refused: an AWS account id of 12 digits");
        }
        if (account == null && !dryRun && !printPolicy) {
            throw new ParameterException(spec.commandLine(), "--account is required to bootstrap (or use --dry-run)");
        }
        EnvironmentConfig config = environment.load();
        BootstrapPlan plan = new BootstrapPlan(config, account == null ? BootstrapPlan.ACCOUNT_PLACEHOLDER : account);
        PrintWriter w = spec.commandLine().getOut();
        if (printPolicy) {
            w.println(plan.executionPolicyJson());
            w.flush();
            return ExitCodes.OK;
        }
        if (dryRun) {
            w.println("# once per account, the execution policy (medsaas bootstrap --env " + config.name()
                    + " --print-policy > " + POLICY_FILE + "):");
            w.println(String.join(" ", plan.createPolicyCommand(POLICY_FILE)));
            w.println("# then the bootstrap of each region of " + config.name() + ":");
            plan.commands().forEach(c -> w.println(String.join(" ", c)));
            w.flush();
            return ExitCodes.OK;
        }
        for (List<String> command : plan.commands()) {
            int code = CdkCli.run(command, "cdk bootstrap", w, spec.commandLine().getErr());
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        return ExitCodes.OK;
    }
}
