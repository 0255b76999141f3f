package fr.medsaas.compliance.guardrails;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organisation guardrails as code (HARD-9, HARD-10): the service control policies (SCPs) and the
 * resource control policy (RCP) an operator attaches over the environment's account, generated
 * from its configuration. SCPs bind every principal of the account, its root user included,
 * whatever IAM grants; the RCP binds every request to the account's S3 objects and KMS keys,
 * whoever makes it. What they deny, each but to a named break-glass role:
 *
 * <ul>
 * <li>{@code regions}: any call outside the EEA regions of the platform, except the global services
 * (IAM, STS, Organizations, CloudFront, ...) and, in the edge region, the few services the edge
 * stacks need (CloudFormation, WAF, log delivery, the CDK bootstrap's bucket and parameter);</li>
 * <li>{@code security-services}: stopping or deleting the trail, the Config recorder, GuardDuty
 * or Security Hub; changing them except by the deployment role;</li>
 * <li>{@code keys-and-locks}: deleting or disabling a key, removing a vault lock or vault policy,
 * deleting recovery points, bypassing an Object Lock; setting a key policy, a vault lock or policy,
 * or a bucket's Object Lock except by the deployment role;</li>
 * <li>{@code task-role-perimeter} (SCP) and the RCP: the task role's S3 and KMS calls made outside a
 * VPC endpoint of ours, unless an AWS service makes them for it (HARD-10).</li>
 * </ul>
 *
 * <p>Plain data, no CDK; {@link #MAX_SCP_CHARACTERS} is Organizations' limit, checked by the tests.
 */
public final class Guardrails {
    /** Organizations' size limit of a service control policy, in characters. */
    public static final int MAX_SCP_CHARACTERS = 5120;
    /** Organizations' size limit of a resource control policy, in characters. */
    public static final int MAX_RCP_CHARACTERS = 5120;

    /** Services without a region, or whose control plane AWS serves from us-east-1 only. */
    public static final List<String> GLOBAL_ACTIONS = List.of("iam:*", "sts:*", "organizations:*", "account:*",
            "cloudfront:*", "route53:*", "route53domains:*", "waf:*", "shield:*", "globalaccelerator:*",
            "support:*", "trustedadvisor:*", "health:*", "budgets:*", "ce:*", "cur:*", "pricing:*",
            "aws-portal:*", "billing:*", "tag:GetResources", "access-analyzer:*", "signin:*", "sso:*",
            "identitystore:*", "notifications:*");
    /**
     * What the edge stacks need in the edge region: CloudFormation itself, the CLOUDFRONT-scope web
     * ACL, CloudFront's log delivery (CloudWatch Logs), the certificate, and the CDK bootstrap's
     * bucket, parameter and roles.
     */
    public static final List<String> EDGE_ACTIONS = List.of("cloudformation:*", "wafv2:*", "logs:*", "acm:*",
            "s3:*", "ssm:GetParameter", "ssm:GetParameters", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey");

    /** Stopping or removing security monitoring: nobody but the break-glass role. */
    public static final List<String> SECURITY_SERVICES_REMOVAL = List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
            "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel",
            "guardduty:DeleteDetector", "guardduty:DisassociateFromAdministratorAccount",
            "guardduty:DisassociateFromMasterAccount", "securityhub:DisableSecurityHub");
    /** Changing security monitoring: what CloudFormation calls to deploy it as declared. */
    public static final List<String> SECURITY_SERVICES_CHANGE = List.of("cloudtrail:UpdateTrail",
            "cloudtrail:PutEventSelectors", "config:PutConfigurationRecorder", "config:PutDeliveryChannel",
            "guardduty:UpdateDetector", "guardduty:UpdateMalwareProtectionPlan");
    /** Ending data or its protection: nobody but the break-glass role. */
    public static final List<String> KEYS_AND_LOCKS_REMOVAL = List.of("kms:ScheduleKeyDeletion", "kms:DisableKey",
            "kms:DeleteImportedKeyMaterial", "backup:DeleteBackupVault", "backup:DeleteBackupVaultLockConfiguration",
            "backup:DeleteBackupVaultAccessPolicy", "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle",
            "s3:BypassGovernanceRetention");
    /** Setting who may use a key or lift a lock: the deployment role, declared in a template. */
    public static final List<String> KEYS_AND_LOCKS_CHANGE = List.of("kms:PutKeyPolicy",
            "backup:PutBackupVaultLockConfiguration", "backup:PutBackupVaultAccessPolicy", "s3:PutBucketObjectLockConfiguration");
    /** What the task role may do only through our VPC endpoints (HARD-10). */
    public static final List<String> PERIMETER_ACTIONS = List.of("s3:*", "kms:*");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Guardrails() {
    }

    /** One policy to attach: its name, kind ({@code SCP} or {@code RCP}) and document. */
    public record Policy(String name, String kind, Map<String, Object> document) {
        /** The document as Organizations takes it: compact JSON. */
        public String json() {
            try {
                return JSON.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The document for people: indented. */
        public String prettyJson() {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Organizations' limit for this kind. */
        public int limit() {
            return kind.equals("SCP") ? MAX_SCP_CHARACTERS : MAX_RCP_CHARACTERS;
        }
    }

    /** Every guardrail of the environment, SCPs first. */
    public static List<Policy> of(GuardrailInputs in) {
        String prefix = "medsaas-" + in.environment() + "-";
        List<String> exempt = List.of(roleArn(in.breakGlassRole()));
        List<String> exemptAndDeployer = List.of(roleArn(in.breakGlassRole()), roleArn(in.deployRole()));
        List<String> allRegions = new ArrayList<>(in.eeaRegions());
        allRegions.add(in.edgeRegion());
        List<Policy> out = new ArrayList<>();
        out.add(new Policy(prefix + "regions", "SCP", document(
                statement("DenyOutsideThePlatformRegions", GLOBAL_ACTIONS, conditions(
                        "StringNotEquals", Map.of("aws:RequestedRegion", allRegions),
                        "ArnNotLike", Map.of("aws:PrincipalArn", exempt))),
                statement("DenyEdgeRegionBeyondTheEdgeServices", concat(GLOBAL_ACTIONS, EDGE_ACTIONS), conditions(
                        "StringEquals", Map.of("aws:RequestedRegion", List.of(in.edgeRegion())),
                        "ArnNotLike", Map.of("aws:PrincipalArn", exempt))))));
        out.add(new Policy(prefix + "security-services", "SCP", document(
                deny("DenyStoppingSecurityMonitoring", SECURITY_SERVICES_REMOVAL, exempt),
                deny("DenyChangingSecurityMonitoringOutsideDeployments", SECURITY_SERVICES_CHANGE, exemptAndDeployer))));
        out.add(new Policy(prefix + "keys-and-locks", "SCP", document(
                deny("DenyEndingKeysLocksAndRecoveryPoints", KEYS_AND_LOCKS_REMOVAL, exempt),
                deny("DenySettingKeyPoliciesAndLocksOutsideDeployments", KEYS_AND_LOCKS_CHANGE, exemptAndDeployer))));
        out.add(new Policy(prefix + "task-role-perimeter", "SCP", document(perimeter(in, false))));
        out.add(new Policy(prefix + "data-perimeter", "RCP", document(perimeter(in, true))));
        return out;
    }

    /**
     * The task role's S3 and KMS calls outside a VPC endpoint: {@code aws:SourceVpc} is present only
     * on requests through a VPC endpoint; requests an AWS service makes for the role (S3 asking
     * KMS for an object's data key) carry {@code aws:ViaAWSService=true} and pass.
     */
    private static Map<String, Object> perimeter(GuardrailInputs in, boolean resourcePolicy) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", "DenyTaskRoleOutsideOurEndpoints");
        s.put("Effect", "Deny");
        if (resourcePolicy) {
            s.put("Principal", "*");
        }
        s.put("Action", PERIMETER_ACTIONS);
        s.put("Resource", "*");
        s.put("Condition", conditions(
                "ArnLike", Map.of("aws:PrincipalArn", List.of("arn:aws:iam::*:role/" + in.taskRole())),
                "Null", Map.of("aws:SourceVpc", "true"),
                "Bool", Map.of("aws:ViaAWSService", "false")));
        return s;
    }

    private static Map<String, Object> deny(String sid, List<String> actions, List<String> exempt) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Deny");
        s.put("Action", actions);
        s.put("Resource", "*");
        s.put("Condition", conditions("ArnNotLike", Map.of("aws:PrincipalArn", exempt)));
        return s;
    }

    /** A deny of every action but {@code notActions}. */
    private static Map<String, Object> statement(String sid, List<String> notActions, Map<String, Object> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Deny");
        s.put("NotAction", notActions);
        s.put("Resource", "*");
        s.put("Condition", condition);
        return s;
    }

    @SafeVarargs
    private static Map<String, Object> document(Map<String, Object>... statements) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Version", "2012-10-17");
        d.put("Statement", List.of(statements));
        return d;
    }

    private static Map<String, Object> conditions(Object... operatorsAndMaps) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (int i = 0; i < operatorsAndMaps.length; i += 2) {
            c.put((String) operatorsAndMaps[i], operatorsAndMaps[i + 1]);
        }
        return c;
    }

    /** A role of whatever account the policy is attached over: SCPs and RCPs name no account. */
    private static String roleArn(String roleNameOrPattern) {
        return "arn:aws:iam::*:role/" + roleNameOrPattern;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
