package fr.medsaas.platform.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.medsaas.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import fr.medsaas.compliance.access.ExecutionPolicy;

/**
 * The CDK bootstrap of an environment (CI-4), as plain data: one {@code cdk bootstrap} per region
 * the environment uses (primary, backup, edge), each with a customer-managed key for the staging
 * bucket ({@code --bootstrap-customer-key}: the source's encrypted Terraform state), the
 * execution policy below instead of AdministratorAccess, termination protection and the CMP-4
 * tags. No custom qualifier: each environment lives in its own account (see docs/delivery.md),
 * so the default qualifier is unambiguous and the templates keep the synthesizer's defaults.
 *
 * @param config  the environment
 * @param account the AWS account to bootstrap, 12 digits (or {@link #ACCOUNT_PLACEHOLDER} when only printed)
 */
public record BootstrapPlan(EnvironmentConfig config, String account) {
    /** What a printed plan shows when no account is given. */
    public static final String ACCOUNT_PLACEHOLDER = "ACCOUNT_ID";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** The services CloudFormation may call for the platform's stacks ({@link ExecutionPolicy#SERVICES}). */
    public static final List<String> SERVICES = ExecutionPolicy.SERVICES;

    public BootstrapPlan {
        if (!ACCOUNT.matcher(account).matches() && !ACCOUNT_PLACEHOLDER.equals(account)) {
            throw new IllegalArgumentException("an AWS account id of 12 digits, not \"" + account + "\"");
        }
    }

    /** Whether {@code account} is a 12-digit account id. */
    public static boolean isAccount(String account) {
        return account != null && ACCOUNT.matcher(account).matches();
    }

    /** The regions to bootstrap, primary first: every region a stack of the environment lives in. */
    public List<String> regions() {
        return List.copyOf(new LinkedHashSet<>(List.of(config.regions().primary(), config.regions().backup(),
                config.regions().edge())));
    }

    /** The name of the execution policy, made once per account from {@link #executionPolicyJson()}. */
    public String executionPolicyName() {
        return config.stackName("CdkExecution");
    }

    /** The execution policy's ARN. */
    public String executionPolicyArn() {
        return "arn:aws:iam::" + account + ":policy/" + executionPolicyName();
    }

    /** The {@code cdk bootstrap} command of each region, as argument lists. */
    public List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        for (String region : regions()) {
            List<String> c = new ArrayList<>(List.of("npx", "aws-cdk@2", "bootstrap", "aws://" + account + "/" + region,
                    "--bootstrap-customer-key",
                    "--cloudformation-execution-policies", executionPolicyArn(),
                    "--termination-protection",
                    "--public-access-block-configuration", "true"));
            config.resourceTags().forEach((k, v) -> c.addAll(List.of("--tags", k + "=" + v)));
            out.add(List.copyOf(c));
        }
        return out;
    }

    /** The command that creates the execution policy once, before the bootstraps. */
    public List<String> createPolicyCommand(String policyFile) {
        return List.of("aws", "iam", "create-policy", "--policy-name", executionPolicyName(),
                "--policy-document", "file://" + policyFile);
    }

    /**
     * The execution policy CloudFormation deploys with ({@link ExecutionPolicy}): the platform's
     * services, only in the environment's regions; IAM only on the platform's roles and policies
     * ({@code MedSaas-<env>-*}, {@code medical-saas-*}), PassRole only to the services that take them;
     * CloudFormation on the environment's stacks; the source connection; no organizations, account,
     * billing or IAM user actions. The access proof (ACC-1) evaluates every deploy-time path against it.
     */
    public Map<String, Object> executionPolicy() {
        return ExecutionPolicy.document(config.stackName(""), regions(), account);
    }

    /** {@link #executionPolicy()} as JSON, for {@code aws iam create-policy --policy-document}. */
    public String executionPolicyJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(executionPolicy());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
