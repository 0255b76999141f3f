package fr.medsaas.compliance.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.access.AccessPath.Family;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access-path catalogue of an assembly (ACC-1): every call CloudFormation makes as the CDK
 * execution role to create the stacks' resources, and every call the running platform makes, each
 * with every policy on its way, read from the templates (plain Java over the synthesized JSON).
 */
public final class AccessPaths {
    /** The name the execution policy has in a request. */
    public static final String EXECUTION_POLICY = "execution policy (./medsaas bootstrap --print-policy)";
    /** The kind of every path of the handler family: {@code CloudFormation's create handler of AWS::EC2::VPC}. */
    public static final String HANDLER_KIND = "CloudFormation's ";
    static final String DOC_IAM_CFN = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-template.html";
    static final String DOC_SERVICE_ROLE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html";
    static final String DOC_PASSROLE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html";
    static final String DOC_GET_STACK_OUTPUT = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getstackoutput.html";
    static final String DOC_SM_TRANSFORM = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/cloudformation.html";
    static final String DOC_PASS_CONNECTION = "https://docs.aws.amazon.com/dtconsole/latest/userguide/security-iam.html#permissions-reference-connections-passconnection";
    static final String DOC_TARGET_ATTACHMENT = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-secrettargetattachment.html";
    static final String DOC_TRUST = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-service.html";
    static final String DOC_ECR_ENDPOINT = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms";
    static final String DOC_TASK_SECRETS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html";
    static final String DOC_SM_KMS = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html";
    static final String DOC_REPLICATION = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html";
    static final String DOC_REPLICATION_KMS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html";
    static final String DOC_OAC = "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html";
    static final String DOC_ECR_PULL = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html";
    static final String DOC_LAMBDA_SECRETS = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/vpc-endpoint-overview.html";
    static final String DOC_SNS_KMS = "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services";
    static final String DOC_LOGS_KMS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
    static final String DOC_TRAIL_BUCKET = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html";
    static final String DOC_TRAIL_KMS = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html";
    static final String DOC_VALIDATE = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-cli.html";
    static final String DOC_SSE_KMS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html";
    static final String DOC_ROTATION = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets-required-permissions-function.html";
    static final String DOC_CUSTOM_RESOURCE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-custom-resources-lambda.html";
    static final String DOC_MALWARE_ROLE = "https://docs.aws.amazon.com/guardduty/latest/ug/malware-protection-s3-iam-policy-prerequisite.html";
    static final String DOC_GUARDDUTY_AGENT = "https://docs.aws.amazon.com/guardduty/latest/ug/prereq-runtime-monitoring-ecs-support.html";
    static final String DOC_BACKUP_ROLE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/security-iam-awsmanpol.html";

    /** The role a person assumes to read and validate the trail (break-glass, docs/access-paths.md), in prod. */
    public static final String AUDITOR_ROLE = "medical-saas-auditor";
    /** The role that erases a patient's media files, in prod. */
    public static final String ERASURE_ROLE = "medical-saas-media-erasure";

    /** Which service principal takes a role, by the resource type and property that pass it. */
    /** Sorted: Map.ofEntries iterates in an order that changes from one JVM to the next. */
    private static final Map<String, String> PASSED = new java.util.TreeMap<>(Map.ofEntries(
            Map.entry("AWS::ECS::TaskDefinition.ExecutionRoleArn", "ecs-tasks.amazonaws.com"),
            Map.entry("AWS::ECS::TaskDefinition.TaskRoleArn", "ecs-tasks.amazonaws.com"),
            Map.entry("AWS::Lambda::Function.Role", "lambda.amazonaws.com"),
            Map.entry("AWS::CodeBuild::Project.ServiceRole", "codebuild.amazonaws.com"),
            Map.entry("AWS::CodePipeline::Pipeline.RoleArn", "codepipeline.amazonaws.com"),
            Map.entry("AWS::Backup::BackupSelection.IamRoleArn", "backup.amazonaws.com"),
            Map.entry("AWS::Config::ConfigurationRecorder.RoleARN", "config.amazonaws.com"),
            Map.entry("AWS::S3::Bucket.Role", "s3.amazonaws.com"),
            Map.entry("AWS::EC2::FlowLog.DeliverLogsPermissionArn", "vpc-flow-logs.amazonaws.com"),
            Map.entry("AWS::CloudTrail::Trail.CloudWatchLogsRoleArn", "cloudtrail.amazonaws.com"),
            Map.entry("AWS::RDS::DBInstance.MonitoringRoleArn", "monitoring.rds.amazonaws.com"),
            Map.entry("AWS::GuardDuty::MalwareProtectionPlan.Role", "malware-protection-plan.guardduty.amazonaws.com")));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceGraph graph;
    private final TemplateValues values;
    private final List<AccessPath> paths = new ArrayList<>();
    private final Map<String, Resource> rolesByArn = new HashMap<>();
    private final Map<String, Resource> keysByArn = new HashMap<>();
    private final String stackPrefix;
    private final List<String> regions;
    private final JsonNode executionPolicy;

    private AccessPaths(ResourceGraph graph) {
        this.graph = graph;
        this.values = new TemplateValues(graph);
        this.stackPrefix = stackPrefix(graph);
        Set<String> rs = new LinkedHashSet<>();
        graph.stacks().forEach(s -> rs.add(s.region()));
        this.regions = List.copyOf(rs);
        this.executionPolicy = JSON.valueToTree(ExecutionPolicy.document(stackPrefix, regions, TemplateValues.ACCOUNT));
        for (Resource r : graph.ofType("AWS::IAM::Role")) {
            rolesByArn.put(values.attribute(r, "Arn"), r);
        }
        for (Resource r : graph.ofType("AWS::KMS::Key")) {
            keysByArn.put(values.attribute(r, "Arn"), r);
        }
    }

    /** Every path of the assembly, deploy time first. */
    public static List<AccessPath> of(ResourceGraph graph) {
        if (graph.stacks().stream().anyMatch(s -> s.region() == null)) {
            // A lone template without its region: no ARN can be written, so no path is claimed.
            return List.of();
        }
        AccessPaths a = new AccessPaths(graph);
        a.deployTime();
        a.runTime();
        return List.copyOf(a.paths);
    }

    /**
     * The resources whose type the handler-permission table does not know: CloudFormation's calls for
     * them cannot be listed, so the execution policy is not proven for them.
     */
    public static List<Resource> withoutHandlerPermissions(ResourceGraph graph) {
        return graph.resources().stream().filter(r -> r.type().startsWith("AWS::"))
                .filter(r -> HandlerPermissions.standard().of(r.type()).isEmpty()).toList();
    }

    /** The environment's stack-name prefix ({@code MedSaas-prod-}): the stacks' common prefix up to a dash. */
    static String stackPrefix(ResourceGraph graph) {
        String prefix = null;
        for (StackTemplate s : graph.stacks()) {
            String n = s.stackName();
            if (prefix == null) {
                prefix = n;
            } else {
                int i = 0;
                while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, i);
            }
        }
        if (prefix == null) {
            return "";
        }
        int dash = prefix.lastIndexOf('-');
        return dash >= 0 ? prefix.substring(0, dash + 1) : prefix;
    }

    // ---------------------------------------------------------------- deploy time

    private void deployTime() {
        for (Resource role : graph.ofType("AWS::IAM::Role")) {
            String arn = values.attribute(role, "Arn");
            deploy(role, "role creation", "iam:CreateRole", arn, Map.of(), DOC_IAM_CFN);
            if (role.property("Policies").size() > 0) {
                deploy(role, "role inline policy", "iam:PutRolePolicy", arn, Map.of(), DOC_IAM_CFN);
            }
            if (role.property("ManagedPolicyArns").size() > 0) {
                deploy(role, "role managed policy", "iam:AttachRolePolicy", arn, Map.of(), DOC_IAM_CFN);
            }
        }
        for (Resource policy : graph.ofType("AWS::IAM::ManagedPolicy")) {
            deploy(policy, "managed policy creation", "iam:CreatePolicy", values.refOf(policy), Map.of(), DOC_IAM_CFN);
            for (JsonNode roleRef : policy.property("Roles")) {
                values.text(policy, roleRef).ifPresent(name -> deploy(policy, "managed policy attachment",
                        "iam:AttachRolePolicy", "arn:aws:iam::" + TemplateValues.ACCOUNT + ":role/" + name, Map.of(), DOC_IAM_CFN));
            }
        }
        for (Resource r : graph.resources()) {
            for (Map.Entry<String, String> e : PASSED.entrySet()) {
                String[] tp = e.getKey().split("\\.", 2);
                if (r.type().equals(tp[0]) && !r.property(tp[1]).isMissingNode()) {
                    values.text(r, r.property(tp[1])).ifPresent(roleArn -> {
                        deploy(r, "role passed to " + e.getValue(), "iam:PassRole", roleArn,
                                Map.of("iam:PassedToService", List.of(e.getValue())), DOC_PASSROLE);
                        trust(r, roleArn, e.getValue());
                    });
                }
            }
        }
        Set<String> described = new LinkedHashSet<>();
        for (Resource r : graph.resources()) {
            collectStackOutputs(r, r.node().path("Properties"), described);
        }
        for (StackTemplate s : graph.stacks()) {
            if (s.template().path("Transform").toString().contains("AWS::SecretsManager-2024-09-16")) {
                Resource anchor = graph.resources().stream().filter(r -> r.stack() == s).findFirst().orElse(null);
                if (anchor != null) {
                    String nested = "arn:aws:cloudformation:" + s.region() + ":" + TemplateValues.ACCOUNT + ":stack/"
                            + s.stackName() + "-RotationNested-GENERATED/GENERATED";
                    deploy(anchor, "transform's nested stack", "cloudformation:CreateStack", nested, Map.of(), DOC_SM_TRANSFORM);
                    deploy(anchor, "transform's nested stack", "iam:PassRole", TemplateValues.executionRole(s.region()),
                            Map.of("iam:PassedToService", List.of("cloudformation.amazonaws.com")), DOC_SM_TRANSFORM);
                }
            }
        }
        for (Resource p : graph.ofType("AWS::CodePipeline::Pipeline")) {
            for (JsonNode stage : p.property("Stages")) {
                for (JsonNode action : stage.path("Actions")) {
                    if (action.path("ActionTypeId").path("Provider").asText().equals("CodeStarSourceConnection")) {
                        // The connection's ARN is a literal of the configuration; the proof's account is
                        // symbolic (TemplateValues.ACCOUNT). The deploy's preflight refuses a configuration
                        // ARN in another account than the credentials' (docs/first-deploy.md, "account"),
                        // so the connection is the deploying account's: the proof names it so.
                        values.text(p, action.path("Configuration").path("ConnectionArn"))
                                .map(arn -> arn.replaceFirst("^(arn:[^:]+:[^:]+:[^:]*:)\\d{12}:", "$1" + TemplateValues.ACCOUNT + ":"))
                                .ifPresent(conn -> {
                            Map<String, List<String>> ctx = Map.of("codeconnections:PassedToService",
                                    List.of("codepipeline.amazonaws.com"));
                            deploy(p, "source connection", "codeconnections:PassConnection", conn, ctx, DOC_PASS_CONNECTION);
                            deploy(p, "source connection", "codestar-connections:PassConnection",
                                    conn.replace(":codeconnections:", ":codestar-connections:"),
                                    Map.of("codestar-connections:PassedToService", List.of("codepipeline.amazonaws.com")),
                                    DOC_PASS_CONNECTION);
                        });
                    }
                }
            }
        }
        handlerPaths();
        for (Resource a : graph.ofType("AWS::SecretsManager::SecretTargetAttachment")) {
            graph.resolve(a, a.property("SecretId")).ifPresent(secret -> {
                String arn = values.attribute(secret, "Arn");
                for (String action : List.of("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue")) {
                    Map<String, String> sources = new LinkedHashMap<>();
                    sources.put(EXECUTION_POLICY, EXECUTION_POLICY);
                    PolicySet set = PolicySet.identity(List.of(new NamedPolicy(EXECUTION_POLICY, executionPolicy)));
                    set = withSecretPolicy(set, Optional.of(secret), sources);
                    add(Family.DEPLOY, "secret target attachment", a, TemplateValues.executionRole(a.stack().region()),
                            action, arn, Map.of(), set, sources, DOC_TARGET_ATTACHMENT);
                }
                keyUse(a, TemplateValues.executionRole(a.stack().region()), secret, "kms:Decrypt", "secretsmanager",
                        PolicySet.identity(List.of(new NamedPolicy(EXECUTION_POLICY, executionPolicy))),
                        Map.of(EXECUTION_POLICY, EXECUTION_POLICY), Family.DEPLOY, "secret target attachment key");
            });
        }
    }

    private void collectStackOutputs(Resource r, JsonNode node, Set<String> seen) {
        if (node.isObject()) {
            JsonNode out = node.get("Fn::GetStackOutput");
            if (out != null && node.size() == 1) {
                String producer = out.path("StackName").asText();
                String region = out.path("Region").isTextual() ? out.path("Region").asText() : r.stack().region();
                if (seen.add(r.stack().stackName() + ">" + producer)) {
                    // The reading stack's execution role calls DescribeStacks in the producer's region.
                    String arn = "arn:aws:cloudformation:" + region + ":" + TemplateValues.ACCOUNT + ":stack/" + producer + "/GENERATED";
                    deploy(r, "another stack's output", "cloudformation:DescribeStacks", arn, Map.of(), DOC_GET_STACK_OUTPUT);
                }
                return;
            }
            node.fields().forEachRemaining(e -> collectStackOutputs(r, e.getValue(), seen));
        } else if (node.isArray()) {
            node.forEach(n -> collectStackOutputs(r, n, seen));
        }
    }

    private void deploy(Resource r, String kind, String action, String resource, Map<String, List<String>> context, String doc) {
        add(Family.DEPLOY, kind, r, TemplateValues.executionRole(r.stack().region()), action, resource, context,
                PolicySet.identity(List.of(new NamedPolicy(EXECUTION_POLICY, executionPolicy))),
                Map.of(EXECUTION_POLICY, EXECUTION_POLICY), doc);
    }

    // ---------------------------------------------------------------- deploy time: the handlers

    /** Actions that take no resource (IAM evaluates them against {@code *}), among those the handlers call. */
    private static final Set<String> GLOBAL_SERVICES = Set.of("iam", "sts", "cloudfront", "route53", "organizations");
    /** Policy documents inside a resource's properties: a role or key named there is not one the handler acts on. */
    private static final Set<String> POLICY_PROPERTIES = Set.of("PolicyDocument", "Policies", "KeyPolicy",
            "ResourcePolicy", "AssumeRolePolicyDocument", "PolicyText", "PolicyStatus");
    /** The service a resource type passes its role to, where it is not {@code <service>.amazonaws.com}. */
    private static final Map<String, String> PASSED_BY_TYPE = new java.util.TreeMap<>(Map.of(
            "AWS::GuardDuty::MalwareProtectionPlan", "malware-protection-plan.guardduty.amazonaws.com",
            "AWS::ECS::TaskDefinition", "ecs-tasks.amazonaws.com",
            "AWS::RDS::DBInstance", "monitoring.rds.amazonaws.com",
            "AWS::EC2::FlowLog", "vpc-flow-logs.amazonaws.com"));

    /**
     * What CloudFormation's handler calls for each resource, as the execution role, from the dated
     * table of the registry schemas' handler permissions ({@link HandlerPermissions}): create and
     * update for every resource, delete unless the resource is retained. An action on a service's
     * resources in general is proven once per region against {@code *} (the handlers' lists name no
     * resource); IAM actions on the roles and policies the resource is or names; KMS actions on the
     * keys it names, through each key's policy.
     */
    private void handlerPaths() {
        HandlerPermissions table = HandlerPermissions.standard();
        Set<String> seen = new java.util.HashSet<>();
        for (Resource r : graph.resources()) {
            if (r.type().startsWith("Custom::") || r.type().equals("AWS::CloudFormation::CustomResource")) {
                customResource(r, seen);
                continue;
            }
            Optional<List<HandlerPermissions.Row>> rows = table.of(r.type());
            if (rows.isEmpty()) {
                continue;
            }
            boolean retained = r.node().path("DeletionPolicy").asText("Delete").equals("Retain");
            for (HandlerPermissions.Row row : rows.get()) {
                if (retained && row.handler().equals("delete")) {
                    continue;
                }
                for (String published : row.permissions()) {
                    Optional<HandlerPermissions.Condition> when = table.condition(r.type(), published);
                    if (when.isPresent() && !holds(r, when.get())) {
                        continue; // called only for a feature this resource does not use
                    }
                    for (String action : table.iamActions(published)) {
                        handlerPath(r, row, action, seen);
                    }
                }
            }
        }
    }

    private void handlerPath(Resource r, HandlerPermissions.Row row, String action, Set<String> seen) {
        String service = action.substring(0, action.indexOf(':'));
        String verb = action.substring(action.indexOf(':') + 1);
        String kind = HANDLER_KIND + row.handler() + " handler of " + r.type();
        String region = r.stack().region();
        if (service.equals("iam")) {
            for (String arn : iamTargets(r, verb)) {
                if (verb.equals("PassRole")) {
                    if (PASSED.keySet().stream().anyMatch(k -> k.startsWith(r.type() + "."))) {
                        continue; // the role passes above, property by property, to the service that takes it
                    }
                    String to = passedTo(r);
                    if (seen.add("pass|" + arn + "|" + to)) {
                        deploy(r, kind, action, arn, Map.of("iam:PassedToService", List.of(to)), row.doc());
                    }
                } else if (seen.add(action + "|" + arn)) {
                    deploy(r, kind, action, arn, Map.of(), row.doc());
                }
            }
        } else if (service.equals("kms") && !KMS_WITHOUT_KEY.contains(verb)) {
            for (Resource k : keysOf(r)) {
                String arn = values.attribute(k, "Arn");
                if (seen.add(action + "|" + arn + "|" + serviceOf(r))) {
                    Map<String, String> src = new LinkedHashMap<>(Map.of(EXECUTION_POLICY, EXECUTION_POLICY));
                    src.put("resource", where(k));
                    // A service the handler asks to use the key (RDS, Logs, ...) calls KMS on the
                    // role's behalf: kms:ViaService names it, and a grant it makes is for an AWS resource.
                    Map<String, List<String>> ctx = new LinkedHashMap<>();
                    if (!r.type().startsWith("AWS::KMS::")) {
                        ctx.put("kms:ViaService", List.of(serviceOf(r) + "." + k.stack().region() + ".amazonaws.com"));
                        if (verb.equals("CreateGrant")) {
                            ctx.put("kms:GrantIsForAWSResource", List.of("true"));
                        }
                    }
                    add(Family.DEPLOY, kind, r, TemplateValues.executionRole(region), action, arn, ctx,
                            PolicySet.identity(List.of(new NamedPolicy(EXECUTION_POLICY, executionPolicy)))
                                    .withResource(values.resolve(k, k.property("KeyPolicy"))), src, row.doc());
                }
            }
        } else if (seen.add(region + "|" + action)) {
            deploy(r, kind, action, "*", Map.of(), row.doc());
        }
    }

    /** Whether one of the condition's alternatives holds for the resource's properties. */
    private boolean holds(Resource r, HandlerPermissions.Condition c) {
        for (String given : c.alternatives()) {
            // "!Path": the handler calls it when the property is absent (an update that removes it).
            boolean absent = given.startsWith("!");
            String alt = absent ? given.substring(1) : given;
            int eq = alt.indexOf('=');
            int pre = alt.indexOf('~');
            int op = eq >= 0 ? eq : pre;
            String path = op >= 0 ? alt.substring(0, op) : alt;
            String value = op >= 0 ? alt.substring(op + 1) : null;
            List<JsonNode> nodes = new ArrayList<>(List.of(r.properties()));
            for (String seg : path.split("\\.")) {
                boolean each = seg.endsWith("[]");
                String name = each ? seg.substring(0, seg.length() - 2) : seg;
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode n : nodes) {
                    JsonNode child = n.path(name);
                    if (each && child.isArray()) {
                        child.forEach(next::add);
                    } else if (!each && !child.isMissingNode() && !child.isNull()) {
                        next.add(child);
                    }
                }
                nodes = next;
            }
            if (absent) {
                if (nodes.isEmpty()) {
                    return true;
                }
                continue;
            }
            for (JsonNode n : nodes) {
                if (value == null) {
                    return true;
                }
                Optional<String> text = values.text(r, n);
                if (text.isPresent() && (eq >= 0 ? text.get().equals(value) : text.get().startsWith(value))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** KMS actions that take no key. */
    private static final Set<String> KMS_WITHOUT_KEY = Set.of("CreateKey", "ListAliases", "ListKeys", "GenerateRandom",
            "ListRetirableGrants", "CreateCustomKeyStore", "DescribeCustomKeyStores");

    /**
     * The IAM resources a handler's IAM action acts on: the role or policy the resource is, the roles
     * and policies it names (outside its policy documents), or {@code *} for an action that takes no
     * resource. An action on users, groups or instance profiles is made only for resources that name
     * them, and none does here.
     */
    private List<String> iamTargets(Resource r, String verb) {
        String iam = "arn:aws:iam::" + TemplateValues.ACCOUNT + ":";
        if (verb.equals("CreateServiceLinkedRole")) {
            return List.of(iam + "role/aws-service-role/" + serviceOf(r) + ".amazonaws.com/GENERATED");
        }
        if (verb.startsWith("List") && (verb.equals("ListRoles") || verb.equals("ListPolicies"))) {
            return List.of("*");
        }
        if (verb.contains("User") || verb.contains("Group") || verb.contains("InstanceProfile")
                || verb.contains("OpenID") || verb.contains("SAML") || verb.contains("ServerCertificate")) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        switch (r.type()) {
            case "AWS::IAM::Role" -> {
                roles.add(values.attribute(r, "Arn"));
                for (JsonNode p : r.property("ManagedPolicyArns")) {
                    values.text(r, p).filter(a -> a.startsWith(iam + "policy/")).ifPresent(policies::add);
                }
            }
            case "AWS::IAM::ManagedPolicy" -> {
                policies.add(values.refOf(r));
                for (JsonNode n : r.property("Roles")) {
                    values.text(r, n).ifPresent(name -> roles.add(iam + "role/" + name));
                }
            }
            case "AWS::IAM::Policy" -> {
                for (JsonNode n : r.property("Roles")) {
                    values.text(r, n).ifPresent(name -> roles.add(iam + "role/" + name));
                }
            }
            default -> {
                for (Resource role : named(r, "AWS::IAM::Role")) {
                    roles.add(values.attribute(role, "Arn"));
                }
            }
        }
        boolean onPolicy = verb.contains("Policy") && !verb.contains("Role");
        return onPolicy ? policies : roles;
    }

    /** The resources of a type that a resource names in its properties, outside its policy documents. */
    private List<Resource> named(Resource r, String type) {
        List<Resource> out = new ArrayList<>();
        r.properties().fields().forEachRemaining(e -> {
            if (!POLICY_PROPERTIES.contains(e.getKey())) {
                graph.referencesIn(r, e.getValue()).stream().filter(x -> x.type().equals(type))
                        .filter(x -> !out.contains(x)).forEach(out::add);
            }
        });
        return out;
    }

    /** The keys a resource is or names. */
    private List<Resource> keysOf(Resource r) {
        if (r.type().equals("AWS::KMS::Key")) {
            return List.of(r);
        }
        return named(r, "AWS::KMS::Key");
    }

    /** The service of a resource type, as in {@code kms:ViaService} and service principals ({@code AWS::RDS::DBInstance} → rds). */
    private static String serviceOf(Resource r) {
        String s = r.type().split("::")[1].toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "elasticloadbalancingv2" -> "elasticloadbalancing";
            case "applicationautoscaling" -> "application-autoscaling";
            case "cloudwatch" -> "monitoring";
            default -> s;
        };
    }

    /** The service a handler passes a role to. */
    private static String passedTo(Resource r) {
        return PASSED_BY_TYPE.getOrDefault(r.type(), serviceOf(r) + ".amazonaws.com");
    }

    /**
     * A custom resource: CloudFormation invokes its provider function (the service token) as the
     * execution role.
     */
    private void customResource(Resource r, Set<String> seen) {
        graph.resolve(r, r.property("ServiceToken")).filter(f -> f.type().equals("AWS::Lambda::Function"))
                .ifPresent(f -> {
                    String arn = values.attribute(f, "Arn");
                    if (seen.add("invoke|" + arn)) {
                        deploy(r, "custom resource's provider", "lambda:InvokeFunction", arn, Map.of(), DOC_CUSTOM_RESOURCE);
                    }
                });
    }

    // ---------------------------------------------------------------- run time

    private void runTime() {
        ecrLayers();
        taskSecrets();
        logsKeys();
        trail();
        erasure();
        backupCopies();
        alertPublishers();
        replication();
        cloudFrontOrigins();
        ecrPulls();
        functionSecrets();
        hostedRotations();
        guardDutyAgentPulls();
        malwareScans();
    }

    /**
     * The hosted rotations (AWS::SecretsManager-2024-09-16): the transform puts, for each rotation
     * schedule with a {@code HostedRotationLambda}, a function and its role in a nested stack that the
     * assembly does not hold. Their role and policy are what AWS documents for a rotation function
     * (DOC_ROTATION): the secret's four calls on the secret, GetRandomPassword, the key with the
     * secret's encryption context, and, for alternating users, a read of the master secret. The role
     * is named by CloudFormation after the nested stack, whose name starts with the parent stack's.
     * Deploy time: the execution role creates that role and passes it to Lambda. Run time: the
     * function calls Secrets Manager from the VPC (through the endpoint, past each secret's policy)
     * and KMS (past the key's policy).
     */
    private void hostedRotations() {
        for (Resource rs : graph.ofType("AWS::SecretsManager::RotationSchedule")) {
            JsonNode hosted = rs.property("HostedRotationLambda");
            if (hosted.isMissingNode()) {
                continue;
            }
            Optional<Resource> secret = graph.resolve(rs, rs.property("SecretId")).map(x -> x.type().equals(
                    "AWS::SecretsManager::SecretTargetAttachment") ? graph.resolve(x, x.property("SecretId")).orElse(x) : x);
            if (secret.isEmpty() || !secret.get().type().equals("AWS::SecretsManager::Secret")) {
                continue;
            }
            String region = rs.stack().region();
            String roleName = (rs.stack().stackName() + "-" + rs.logicalId() + "RotationLambdaRole-GENERATED");
            roleName = roleName.length() > 64 ? roleName.substring(0, 64) : roleName;
            String roleArn = "arn:aws:iam::" + TemplateValues.ACCOUNT + ":role/" + roleName;
            String function = "arn:aws:lambda:" + region + ":" + TemplateValues.ACCOUNT + ":function:"
                    + values.text(rs, hosted.path("RotationLambdaName")).orElse(TemplateValues.generatedName(rs));
            Optional<Resource> master = hosted.path("MasterSecretArn").isMissingNode() ? Optional.empty()
                    : graph.resolve(rs, hosted.path("MasterSecretArn")).map(x -> x.type().equals(
                    "AWS::SecretsManager::SecretTargetAttachment") ? graph.resolve(x, x.property("SecretId")).orElse(x) : x);
            // Deploy time: the nested stack's role and function, created as the execution role.
            deploy(rs, "hosted rotation's role (nested stack)", "iam:CreateRole", roleArn, Map.of(), DOC_SM_TRANSFORM);
            deploy(rs, "hosted rotation's role (nested stack)", "iam:PutRolePolicy", roleArn, Map.of(), DOC_SM_TRANSFORM);
            deploy(rs, "hosted rotation's role (nested stack)", "iam:AttachRolePolicy", roleArn, Map.of(), DOC_SM_TRANSFORM);
            deploy(rs, "hosted rotation's function (nested stack)", "iam:PassRole", roleArn,
                    Map.of("iam:PassedToService", List.of("lambda.amazonaws.com")), DOC_SM_TRANSFORM);
            deploy(rs, "hosted rotation's function (nested stack)", "lambda:CreateFunction", function, Map.of(), DOC_SM_TRANSFORM);
            deploy(rs, "hosted rotation's function (nested stack)", "lambda:AddPermission", function, Map.of(), DOC_SM_TRANSFORM);
            // Run time: the documented rotation policy, as the role's identity policy.
            List<Object> statements = new ArrayList<>();
            String secretArn = values.attribute(secret.get(), "Arn");
            statements.add(Map.of("Effect", "Allow", "Action", List.of("secretsmanager:DescribeSecret",
                    "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"),
                    "Resource", secretArn));
            statements.add(Map.of("Effect", "Allow", "Action", "secretsmanager:GetRandomPassword", "Resource", "*"));
            List<Resource> secrets = new ArrayList<>(List.of(secret.get()));
            master.filter(m -> m.type().equals("AWS::SecretsManager::Secret")).ifPresent(m -> {
                statements.add(Map.of("Effect", "Allow", "Action", "secretsmanager:GetSecretValue",
                        "Resource", values.attribute(m, "Arn")));
                secrets.add(m);
            });
            for (Resource s : secrets) {
                values.text(s, s.property("KmsKeyId")).ifPresent(key -> statements.add(Map.of("Effect", "Allow",
                        "Action", List.of("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"), "Resource", key,
                        "Condition", Map.of("StringEquals", Map.of("kms:EncryptionContext:SecretARN", values.attribute(s, "Arn"))))));
            }
            String policyName = "hosted rotation's documented policy (" + rs.logicalId() + ")";
            PolicySet identity = PolicySet.identity(List.of(new NamedPolicy(policyName,
                    JSON.valueToTree(Map.of("Version", "2012-10-17", "Statement", statements)))));
            Map<String, String> identitySrc = Map.of(policyName, DOC_ROTATION);
            for (Resource s : secrets) {
                boolean rotated = s == secret.get();
                List<String> actions = rotated ? List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage")
                        : List.of("secretsmanager:GetSecretValue");
                PolicySet set = identity;
                Map<String, String> src = new LinkedHashMap<>(identitySrc);
                set = throughEndpoints(set, ".secretsmanager", src);
                set = withSecretPolicy(set, Optional.of(s), src);
                for (String action : actions) {
                    add(Family.RUN, rotated ? "hosted rotation rotates its secret" : "hosted rotation reads the master secret",
                            rs, roleArn, action, values.attribute(s, "Arn"), Map.of(), set, src, DOC_ROTATION);
                }
                keyUse(rs, roleArn, s, "kms:Decrypt", "secretsmanager", identity, identitySrc, Family.RUN, "hosted rotation's key");
                if (rotated) {
                    keyUse(rs, roleArn, s, "kms:GenerateDataKey", "secretsmanager", identity, identitySrc, Family.RUN,
                            "hosted rotation's key");
                }
            }
        }
    }

    /**
     * HARD-9: with runtime monitoring of Fargate on a region's detector, GuardDuty adds its agent's
     * sidecar to each new task of that region: the task's execution role pulls it from GuardDuty's
     * repository (an AWS account's, {@code GuardDutyAgent}) through the ECR endpoints, whose policies
     * must let that one foreign repository through.
     */
    private void guardDutyAgentPulls() {
        Set<String> regions = new LinkedHashSet<>();
        for (Resource d : graph.ofType("AWS::GuardDuty::Detector")) {
            for (JsonNode f : d.property("Features")) {
                if ("RUNTIME_MONITORING".equals(f.path("Name").asText()) && "ENABLED".equals(f.path("Status").asText())
                        && f.path("AdditionalConfiguration").toString().contains("ECS_FARGATE_AGENT_MANAGEMENT")) {
                    regions.add(d.stack().region());
                }
            }
        }
        for (Resource td : graph.ofType("AWS::ECS::TaskDefinition")) {
            if (!regions.contains(td.stack().region())) {
                continue;
            }
            Optional<String> execArn = values.text(td, td.property("ExecutionRoleArn"));
            Resource role = execArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            String repo = fr.medsaas.compliance.aws.GuardDutyAgent.repositoryArn("aws", td.stack().region());
            // The repository is AWS's: its policy, which lets the tasks' execution roles pull the agent
            // (AWS documents that they do), is outside the assembly; it stands here as that allow, so
            // that what this account decides (the role's policy, the ECR endpoint's) is what is proven.
            NamedPolicy aws = new NamedPolicy("GuardDuty's repository policy (AWS's account, outside this assembly)",
                    doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                            + "\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"],\"Resource\":\"*\"}]}"));
            for (String action : List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")) {
                PolicySet set = identityOf(role).withResource(aws.document());
                Map<String, String> src = new LinkedHashMap<>(identitySources(role));
                set = throughEndpoints(set, ".ecr.dkr", src);
                src.put("resource", aws.name());
                // AWS sets aws:ResourceAccount to the repository's owner, which the endpoints' own-account
                // statement tests: said here, since the engine does not add it by itself.
                add(Family.RUN, "GuardDuty agent image pull (runtime monitoring)", td, execArn.get(), action, repo,
                        Map.of("aws:ResourceAccount", List.of(TemplateValues.accountOf(repo))), set, src, DOC_GUARDDUTY_AGENT);
            }
        }
    }

    /**
     * HARD-9: GuardDuty's Malware Protection for S3 reads each new object of a protected bucket with
     * the plan's role: the role's policy, the bucket's policy on the way, and the bucket's key through
     * S3; it then tags the object.
     */
    private void malwareScans() {
        for (Resource plan : graph.ofType("AWS::GuardDuty::MalwareProtectionPlan")) {
            Optional<String> roleArn = values.text(plan, plan.property("Role"));
            Resource role = roleArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            JsonNode bucketName = plan.property("ProtectedResource").path("S3Bucket").path("BucketName");
            Optional<Resource> bucket = graph.ofType("AWS::S3::Bucket").stream()
                    .filter(b -> values.text(plan, bucketName).map(n -> n.equals(values.refOf(b))).orElse(false)).findFirst();
            if (bucket.isEmpty()) {
                continue;
            }
            Resource b = bucket.get();
            String name = values.refOf(b);
            String object = "arn:aws:s3:::" + name + "/patient/file";
            Optional<Resource> policy = graph.ofType("AWS::S3::BucketPolicy").stream()
                    .filter(p -> values.text(p, p.property("Bucket")).map(name::equals).orElse(false)).findFirst();
            for (String action : List.of("s3:GetObject", "s3:PutObjectTagging")) {
                PolicySet set = identityOf(role);
                Map<String, String> src = new LinkedHashMap<>(identitySources(role));
                if (policy.isPresent()) {
                    set = set.withResource(values.resolve(policy.get(), policy.get().property("PolicyDocument")));
                    src.put("resource", where(policy.get()));
                }
                add(Family.RUN, "GuardDuty malware scan of an upload", plan, roleArn.get(), action, object, Map.of(),
                        set, src, DOC_MALWARE_ROLE);
            }
            JsonNode sse = b.property("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                    .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID");
            values.text(b, sse).map(keysByArn::get).ifPresent(k -> {
                PolicySet set = identityOf(role).withResource(values.resolve(k, k.property("KeyPolicy")));
                Map<String, String> src = new LinkedHashMap<>(identitySources(role));
                src.put("resource", where(k));
                add(Family.RUN, "GuardDuty malware scan of an upload", plan, roleArn.get(), "kms:Decrypt",
                        values.attribute(k, "Arn"), Map.of("kms:ViaService", List.of("s3." + b.stack().region() + ".amazonaws.com"),
                                "kms:EncryptionContext:aws:s3:arn", List.of(object)),
                        set, src, DOC_MALWARE_ROLE);
            });
        }
    }

    /**
     * Each function of the assembly (the database-roles function, the secrets builder) reads and
     * writes the secrets its role names, from its VPC: through the Secrets Manager endpoint, past
     * each secret's resource policy (which denies all but the secret's readers), with the secret's key.
     */
    private void functionSecrets() {
        for (Resource fn : graph.ofType("AWS::Lambda::Function")) {
            Optional<String> roleArn = values.text(fn, fn.property("Role"));
            Resource role = roleArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            boolean inVpc = !fn.property("VpcConfig").isMissingNode();
            Map<String, Set<String>> actionsBySecret = new java.util.TreeMap<>();
            for (NamedPolicy p : identityOf(role).identity()) {
                for (JsonNode st : p.document().path("Statement")) {
                    if (!"Allow".equals(st.path("Effect").asText())) {
                        continue;
                    }
                    List<String> actions = new ArrayList<>();
                    (st.path("Action").isArray() ? st.path("Action") : JSON.createArrayNode().add(st.path("Action")))
                            .forEach(a -> {
                                if (List.of("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue").contains(a.asText())) {
                                    actions.add(a.asText());
                                }
                            });
                    if (actions.isEmpty()) {
                        continue;
                    }
                    (st.path("Resource").isArray() ? st.path("Resource") : JSON.createArrayNode().add(st.path("Resource")))
                            .forEach(res -> graph.ofType("AWS::SecretsManager::Secret").stream()
                                    .filter(x -> values.attribute(x, "Arn").equals(res.asText())).findFirst()
                                    .ifPresent(x -> actionsBySecret.computeIfAbsent(x.stack().stackName() + "/" + x.logicalId(),
                                            k -> new java.util.TreeSet<>()).addAll(actions)));
                }
            }
            for (Map.Entry<String, Set<String>> e : actionsBySecret.entrySet()) {
                Resource secret = graph.ofType("AWS::SecretsManager::Secret").stream()
                        .filter(x -> (x.stack().stackName() + "/" + x.logicalId()).equals(e.getKey())).findFirst().orElseThrow();
                String secretArn = values.attribute(secret, "Arn");
                PolicySet set = identityOf(role);
                Map<String, String> src = new LinkedHashMap<>(identitySources(role));
                if (inVpc) {
                    set = throughEndpoints(set, ".secretsmanager", src);
                }
                set = withSecretPolicy(set, Optional.of(secret), src);
                for (String action : e.getValue()) {
                    add(Family.RUN, "function uses a secret", fn, roleArn.get(), action, secretArn, Map.of(), set, src,
                            DOC_LAMBDA_SECRETS);
                    keyUse(fn, roleArn.get(), secret, action.endsWith("GetSecretValue") ? "kms:Decrypt" : "kms:GenerateDataKey",
                            "secretsmanager", identityOf(role), identitySources(role), Family.RUN, "function secret key");
                }
            }
        }
    }

    /**
     * ECS pulls each task's image from ECR as the task's execution role: the authorization token
     * through the ECR API endpoint, the manifest and the layer URLs through the Docker endpoint,
     * the repository's own policy on the way when it has one.
     */
    private void ecrPulls() {
        java.util.regex.Pattern image = java.util.regex.Pattern.compile(
                "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*");
        for (Resource td : graph.ofType("AWS::ECS::TaskDefinition")) {
            Optional<String> execArn = values.text(td, td.property("ExecutionRoleArn"));
            Resource role = execArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            Set<String> repositories = new LinkedHashSet<>();
            for (JsonNode c : td.property("ContainerDefinitions")) {
                values.text(td, c.path("Image")).map(image::matcher).filter(java.util.regex.Matcher::matches)
                        .ifPresent(m -> repositories.add("arn:aws:ecr:" + m.group(2) + ":" + m.group(1) + ":repository/" + m.group(3)));
            }
            if (repositories.isEmpty()) {
                continue;
            }
            ecrCall(td, role, execArn.get(), "ecr:GetAuthorizationToken", "*", ".ecr.api", Optional.empty());
            for (String repo : repositories) {
                Optional<Resource> repository = graph.ofType("AWS::ECR::Repository").stream()
                        .filter(r -> values.attribute(r, "Arn").equals(repo)).findFirst();
                for (String action : List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")) {
                    ecrCall(td, role, execArn.get(), action, repo, ".ecr.dkr", repository);
                }
            }
        }
    }

    private void ecrCall(Resource td, Resource role, String roleArn, String action, String resource, String endpoint,
                         Optional<Resource> repository) {
        ecrCall(td, role, roleArn, action, resource, endpoint, repository, "image pull from ECR", DOC_ECR_PULL);
    }

    private void ecrCall(Resource td, Resource role, String roleArn, String action, String resource, String endpoint,
                         Optional<Resource> repository, String kind, String doc) {
        PolicySet set = identityOf(role);
        Map<String, String> src = new LinkedHashMap<>(identitySources(role));
        set = throughEndpoints(set, endpoint, src);
        if (repository.isPresent() && !repository.get().property("RepositoryPolicyText").isMissingNode()) {
            set = set.withResource(values.resolve(repository.get(), repository.get().property("RepositoryPolicyText")));
            src.put("resource", where(repository.get()));
        }
        add(Family.RUN, kind, td, roleArn, action, resource, Map.of(), set, src, doc);
    }

    /**
     * CloudFront reads each S3 origin it signs for with origin access control: the bucket's policy
     * must admit the service for this distribution, and the bucket's key must let it decrypt
     * through S3, the distribution's ARN as the source.
     */
    private void cloudFrontOrigins() {
        for (Resource dist : graph.ofType("AWS::CloudFront::Distribution")) {
            String distArn = "arn:aws:cloudfront::" + TemplateValues.ACCOUNT + ":distribution/" + values.refOf(dist);
            for (JsonNode origin : dist.property("DistributionConfig").path("Origins")) {
                if (origin.path("OriginAccessControlId").isMissingNode()) {
                    continue;
                }
                Optional<String> domain = values.text(dist, origin.path("DomainName"));
                Optional<Resource> bucket = graph.ofType("AWS::S3::Bucket").stream()
                        .filter(b -> domain.filter(d -> d.startsWith(values.refOf(b) + ".s3.")).isPresent()).findFirst();
                if (bucket.isEmpty()) {
                    continue;
                }
                Resource b = bucket.get();
                String object = values.attribute(b, "Arn") + "/patient/file";
                Map<String, List<String>> context = Map.of("aws:SourceArn", List.of(distArn));
                Optional<Resource> bp = bucketPolicy(b);
                PolicySet s3 = PolicySet.identity(List.of());
                Map<String, String> s3Src = new LinkedHashMap<>();
                if (bp.isPresent()) {
                    s3 = s3.withResource(values.resolve(bp.get(), bp.get().property("PolicyDocument")));
                    s3Src.put("resource", where(bp.get()));
                }
                add(Family.RUN, "CloudFront reads an origin object", dist, "cloudfront.amazonaws.com", "s3:GetObject", object,
                        context, s3, s3Src, DOC_OAC);
                JsonNode sse = b.property("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                        .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID");
                values.text(b, sse).map(keysByArn::get).ifPresent(k -> add(Family.RUN, "CloudFront decrypts an origin object",
                        dist, "cloudfront.amazonaws.com", "kms:Decrypt", values.attribute(k, "Arn"),
                        Map.of("aws:SourceArn", List.of(distArn),
                                "kms:ViaService", List.of("s3." + b.stack().region() + ".amazonaws.com"),
                                "kms:EncryptionContext:aws:s3:arn", List.of(object)),
                        PolicySet.identity(List.of()).withResource(values.resolve(k, k.property("KeyPolicy"))),
                        Map.of("resource", where(k)), DOC_OAC));
            }
        }
    }

    /**
     * S3 replicates each bucket that says so as the role it names: it reads the configuration and
     * the source versions (the source bucket's policy on the way), decrypts them with the source key
     * through S3 in the source region, writes the replicas (the destination bucket's policy on the
     * way) and encrypts them with the replica key through S3 in the destination region.
     */
    private void replication() {
        for (Resource b : graph.ofType("AWS::S3::Bucket")) {
            JsonNode rc = b.property("ReplicationConfiguration");
            if (rc.isMissingNode()) {
                continue;
            }
            Optional<String> roleArn = values.text(b, rc.path("Role"));
            Resource role = roleArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            String source = values.attribute(b, "Arn");
            String version = source + "/patient/file";
            String region = b.stack().region();
            s3Path(b, role, roleArn.get(), List.of("s3:GetReplicationConfiguration", "s3:ListBucket"), source, Optional.of(b));
            s3Path(b, role, roleArn.get(), List.of("s3:GetObjectVersionForReplication"), version, Optional.of(b));
            JsonNode sse = b.property("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                    .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID");
            values.text(b, sse).map(keysByArn::get).ifPresent(k -> replicationKey(b, role, roleArn.get(), k, "kms:Decrypt",
                    region, version));
            for (JsonNode rule : rc.path("Rules")) {
                if ("Disabled".equals(rule.path("Status").asText())) {
                    continue;
                }
                Optional<String> dest = values.text(b, rule.path("Destination").path("Bucket"));
                if (dest.isEmpty()) {
                    continue;
                }
                Optional<Resource> destBucket = graph.ofType("AWS::S3::Bucket").stream()
                        .filter(x -> values.attribute(x, "Arn").equals(dest.get())).findFirst();
                String replica = dest.get() + "/patient/file";
                s3Path(b, role, roleArn.get(), List.of("s3:ReplicateObject", "s3:ReplicateDelete"), replica, destBucket);
                values.text(b, rule.path("Destination").path("EncryptionConfiguration").path("ReplicaKmsKeyID"))
                        .map(keysByArn::get).ifPresent(k -> {
                            for (String action : List.of("kms:Encrypt", "kms:GenerateDataKey")) {
                                replicationKey(b, role, roleArn.get(), k, action, k.stack().region(), replica);
                            }
                        });
            }
        }
    }

    private void s3Path(Resource anchor, Resource role, String roleArn, List<String> actions, String resource,
                        Optional<Resource> bucket) {
        PolicySet set = identityOf(role);
        Map<String, String> src = new LinkedHashMap<>(identitySources(role));
        Optional<Resource> bp = bucket.flatMap(this::bucketPolicy);
        if (bp.isPresent()) {
            set = set.withResource(values.resolve(bp.get(), bp.get().property("PolicyDocument")));
            src.put("resource", where(bp.get()));
        }
        for (String action : actions) {
            add(Family.RUN, "S3 replicates the bucket", anchor, roleArn, action, resource, Map.of(), set, src, DOC_REPLICATION);
        }
    }

    private void replicationKey(Resource anchor, Resource role, String roleArn, Resource key, String action, String region,
                                String object) {
        PolicySet set = identityOf(role).withResource(values.resolve(key, key.property("KeyPolicy")));
        Map<String, String> src = new LinkedHashMap<>(identitySources(role));
        src.put("resource", where(key));
        add(Family.RUN, "S3 replication uses the bucket keys", anchor, roleArn, action, values.attribute(key, "Arn"),
                Map.of("kms:ViaService", List.of("s3." + region + ".amazonaws.com"),
                        "kms:EncryptionContext:aws:s3:arn", List.of(object)), set, src, DOC_REPLICATION_KMS);
    }

    /**
     * CloudWatch alarms and EventBridge rules publish to the encrypted alerts topic: the topic's
     * policy must admit the service (for this account), and the topic's key must let it make and
     * use the data key, with the alarm's or rule's ARN as the source.
     */
    private void alertPublishers() {
        for (Resource topic : graph.ofType("AWS::SNS::Topic")) {
            String topicArn = values.attribute(topic, "TopicArn");
            Optional<Resource> policy = graph.ofType("AWS::SNS::TopicPolicy").stream()
                    .filter(p -> names(p, p.property("Topics"), topicArn)).findFirst();
            Optional<Resource> key = values.text(topic, topic.property("KmsMasterKeyId")).map(keysByArn::get);
            for (Resource alarm : graph.ofType("AWS::CloudWatch::Alarm")) {
                if (names(alarm, alarm.property("AlarmActions"), topicArn) || names(alarm, alarm.property("OKActions"), topicArn)) {
                    String name = values.text(alarm, alarm.property("AlarmName")).orElse(TemplateValues.generatedName(alarm));
                    publish(alarm, "cloudwatch.amazonaws.com", "arn:aws:cloudwatch:" + alarm.stack().region() + ":"
                            + TemplateValues.ACCOUNT + ":alarm:" + name, topic, topicArn, policy, key);
                }
            }
            for (Resource rule : graph.ofType("AWS::Events::Rule")) {
                boolean targets = false;
                for (JsonNode t : rule.property("Targets")) {
                    targets |= values.text(rule, t.path("Arn")).filter(topicArn::equals).isPresent();
                }
                if (targets) {
                    String name = values.text(rule, rule.property("Name")).orElse(TemplateValues.generatedName(rule));
                    publish(rule, "events.amazonaws.com", "arn:aws:events:" + rule.stack().region() + ":"
                            + TemplateValues.ACCOUNT + ":rule/" + name, topic, topicArn, policy, key);
                }
            }
        }
    }

    private void publish(Resource source, String service, String sourceArn, Resource topic, String topicArn,
                         Optional<Resource> policy, Optional<Resource> key) {
        Map<String, List<String>> context = Map.of("aws:SourceArn", List.of(sourceArn));
        if (policy.isPresent()) {
            PolicySet set = PolicySet.identity(List.of()).withResource(
                    values.resolve(policy.get(), policy.get().property("PolicyDocument")));
            add(Family.RUN, "alert published to the topic", source, service, "sns:Publish", topicArn, context, set,
                    Map.of("resource", where(policy.get())), DOC_SNS_KMS);
        }
        key.ifPresent(k -> {
            PolicySet set = PolicySet.identity(List.of()).withResource(values.resolve(k, k.property("KeyPolicy")));
            for (String action : List.of("kms:GenerateDataKey", "kms:Decrypt")) {
                add(Family.RUN, "alert encrypted with the topic's key", source, service, action,
                        values.attribute(k, "Arn"), context, set, Map.of("resource", where(k)), DOC_SNS_KMS);
            }
        });
    }

    /** Whether a list of references (or one) names {@code arn}. */
    private boolean names(Resource r, JsonNode list, String arn) {
        if (list.isArray()) {
            for (JsonNode n : list) {
                if (values.text(r, n).filter(arn::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }
        return !list.isMissingNode() && values.text(r, list).filter(arn::equals).isPresent();
    }

    /** A service assumes the role the resource passes it: the role's trust policy must allow it. */
    private void trust(Resource r, String roleArn, String service) {
        Resource role = rolesByArn.get(roleArn);
        if (role == null) {
            return;
        }
        PolicySet set = PolicySet.identity(List.of()).withResource(values.resolve(role, role.property("AssumeRolePolicyDocument")));
        // A malware protection plan assumes its role as itself: the plan's ARN is the request's source.
        Map<String, List<String>> context = r.type().equals("AWS::GuardDuty::MalwareProtectionPlan")
                ? Map.of("aws:SourceArn", List.of("arn:aws:guardduty:" + r.stack().region() + ":" + TemplateValues.ACCOUNT
                        + ":malware-protection-plan/" + r.logicalId()))
                : Map.of();
        add(Family.RUN, "service assumes the role", r, service, "sts:AssumeRole", roleArn, context, set,
                Map.of("resource", where(role)), DOC_TRUST);
    }

    /** Image layers come from ECR's bucket through the S3 gateway endpoint, with a URL ECR pre-signs. */
    private void ecrLayers() {
        if (graph.ofType("AWS::ECS::TaskDefinition").isEmpty()) {
            return;
        }
        for (Resource ep : endpoints(".s3")) {
            String region = ep.stack().region();
            // ECR signs the layer URL with a principal of its own account: not this account's.
            String ecrAccount = "999988887777";
            NamedPolicy whole = new NamedPolicy("Allow", doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            PolicySet set = PolicySet.identity(List.of(whole))
                    .withEndpoint(new NamedPolicy(where(ep), values.resolve(ep, ep.property("PolicyDocument"))));
            Resource anchor = graph.ofType("AWS::ECS::TaskDefinition").get(0);
            add(Family.RUN, "image layer through the S3 endpoint", anchor,
                    "arn:aws:sts::" + ecrAccount + ":assumed-role/ecr-layer-signer/session", "s3:GetObject",
                    "arn:aws:s3:::prod-" + region + "-starport-layer-bucket/sha256/GENERATED", Map.of(
                            "aws:PrincipalAccount", List.of(ecrAccount), "aws:ResourceAccount", List.of(ecrAccount)),
                    set, Map.of(where(ep), where(ep), "Allow", "ECR's own signer (outside this account)"), DOC_ECR_ENDPOINT);
        }
    }

    /** ECS reads each secret a task injects, as the task's execution role, through the endpoint, with the key. */
    private void taskSecrets() {
        for (Resource td : graph.ofType("AWS::ECS::TaskDefinition")) {
            Optional<String> execArn = values.text(td, td.property("ExecutionRoleArn"));
            Resource role = execArn.map(rolesByArn::get).orElse(null);
            if (role == null) {
                continue;
            }
            Set<String> secrets = new LinkedHashSet<>();
            for (JsonNode c : td.property("ContainerDefinitions")) {
                for (JsonNode s : c.path("Secrets")) {
                    values.text(td, s.path("ValueFrom")).ifPresent(v -> secrets.add(secretArnOf(v)));
                }
            }
            for (String secretArn : secrets) {
                Optional<Resource> secret = graph.ofType("AWS::SecretsManager::Secret").stream()
                        .filter(x -> values.attribute(x, "Arn").equals(secretArn)).findFirst();
                Map<String, String> sources = new LinkedHashMap<>(identitySources(role));
                PolicySet set = identityOf(role);
                set = throughEndpoints(set, ".secretsmanager", sources);
                set = withSecretPolicy(set, secret, sources);
                add(Family.RUN, "task secret", td, execArn.get(), "secretsmanager:GetSecretValue", secretArn, Map.of(),
                        set, sources, DOC_TASK_SECRETS);
                secret.ifPresent(s -> keyUse(td, execArn.get(), s, "kms:Decrypt", "secretsmanager", identityOf(role),
                        identitySources(role), Family.RUN, "task secret key"));
            }
        }
    }

    /** CloudWatch Logs encrypts each encrypted log group with its key, naming the group in the context. */
    private void logsKeys() {
        for (Resource lg : graph.ofType("AWS::Logs::LogGroup")) {
            if (lg.property("KmsKeyId").isMissingNode()) {
                continue;
            }
            values.text(lg, lg.property("KmsKeyId")).map(keysByArn::get).ifPresent(key -> {
                String region = lg.stack().region();
                String groupArn = "arn:aws:logs:" + region + ":" + TemplateValues.ACCOUNT + ":log-group:" + values.refOf(lg);
                PolicySet set = PolicySet.identity(List.of()).withResource(values.resolve(key, key.property("KeyPolicy")));
                for (String action : List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt")) {
                    add(Family.RUN, "logs service on the logs key", lg, "logs." + region + ".amazonaws.com", action,
                            values.attribute(key, "Arn"), Map.of("kms:EncryptionContext:aws:logs:arn", List.of(groupArn),
                                    "aws:SourceAccount", List.of(TemplateValues.ACCOUNT)),
                            set, Map.of("resource", where(key)), DOC_LOGS_KMS);
                }
            });
        }
    }

    /** CloudTrail writes its bucket with its key; the auditor reads and validates what it wrote. */
    private void trail() {
        for (Resource trail : graph.ofType("AWS::CloudTrail::Trail")) {
            Optional<Resource> bucket = graph.resolve(trail, trail.property("S3BucketName"));
            Optional<Resource> key = values.text(trail, trail.property("KMSKeyId")).map(keysByArn::get);
            if (bucket.isEmpty()) {
                continue;
            }
            String name = values.refOf(bucket.get());
            String trailArn = values.attribute(trail, "Arn");
            String object = "arn:aws:s3:::" + name + "/AWSLogs/" + TemplateValues.ACCOUNT + "/CloudTrail/"
                    + trail.stack().region() + "/2026/01/01/file.json.gz";
            Map<String, List<String>> ctx = Map.of("aws:SourceArn", List.of(trailArn), "aws:SourceAccount",
                    List.of(TemplateValues.ACCOUNT), "s3:x-amz-acl", List.of("bucket-owner-full-control"));
            PolicySet bucketSet = PolicySet.identity(List.of());
            Map<String, String> bucketSources = new LinkedHashMap<>();
            Optional<Resource> bp = bucketPolicy(bucket.get());
            if (bp.isPresent()) {
                bucketSet = bucketSet.withResource(values.resolve(bp.get(), bp.get().property("PolicyDocument")));
                bucketSources.put("resource", where(bp.get()));
            }
            add(Family.RUN, "CloudTrail writes its bucket", trail, "cloudtrail.amazonaws.com", "s3:PutObject", object, ctx,
                    bucketSet, bucketSources, DOC_TRAIL_BUCKET);
            add(Family.RUN, "CloudTrail checks its bucket", trail, "cloudtrail.amazonaws.com", "s3:GetBucketAcl",
                    "arn:aws:s3:::" + name, Map.of("aws:SourceArn", List.of(trailArn)), bucketSet, bucketSources, DOC_TRAIL_BUCKET);
            key.ifPresent(k -> {
                PolicySet set = PolicySet.identity(List.of()).withResource(values.resolve(k, k.property("KeyPolicy")));
                add(Family.RUN, "CloudTrail encrypts with its key", trail, "cloudtrail.amazonaws.com", "kms:GenerateDataKey",
                        values.attribute(k, "Arn"), Map.of("aws:SourceArn", List.of(trailArn),
                                "kms:EncryptionContext:aws:cloudtrail:arn", List.of(trailArn)),
                        set, Map.of("resource", where(k)), DOC_TRAIL_KMS);
            });
            String auditorArn = namedRole("-auditor", AUDITOR_ROLE);
            Resource auditor = rolesByArn.get(auditorArn);
            PolicySet auditorSet = auditor == null ? PolicySet.identity(List.of()) : identityOf(auditor);
            Map<String, String> auditorSources = auditor == null ? Map.of() : identitySources(auditor);
            Resource anchor = auditor == null ? trail : auditor;
            PolicySet readSet = bp.map(p -> auditorSet.withResource(values.resolve(p, p.property("PolicyDocument")))).orElse(auditorSet);
            Map<String, String> readSources = new LinkedHashMap<>(auditorSources);
            bp.ifPresent(p -> readSources.put("resource", where(p)));
            add(Family.RUN, "auditor reads the trail", anchor, auditorArn, "s3:GetObject", object,
                    Map.of("aws:SecureTransport", List.of("true")), readSet, readSources, DOC_VALIDATE);
            add(Family.RUN, "auditor lists the trail", anchor, auditorArn, "s3:ListBucket", "arn:aws:s3:::" + name,
                    Map.of("aws:SecureTransport", List.of("true")), readSet, readSources, DOC_VALIDATE);
            add(Family.RUN, "auditor validates the trail", anchor, auditorArn, "cloudtrail:DescribeTrails", "*",
                    Map.of(), auditorSet, auditorSources, DOC_VALIDATE);
            key.ifPresent(k -> {
                PolicySet set = auditorSet.withResource(values.resolve(k, k.property("KeyPolicy")));
                Map<String, String> src = new LinkedHashMap<>(auditorSources);
                src.put("resource", where(k));
                add(Family.RUN, "auditor decrypts the trail", anchor, auditorArn, "kms:Decrypt", values.attribute(k, "Arn"),
                        Map.of("kms:ViaService", List.of("s3." + trail.stack().region() + ".amazonaws.com"),
                                "kms:EncryptionContext:aws:cloudtrail:arn", List.of(trailArn)),
                        set, src, DOC_TRAIL_KMS);
            });
        }
    }

    /** The erasure role reads and deletes object versions of the media bucket, through S3 with its key. */
    private void erasure() {
        String arn = namedRole("-media-erasure", ERASURE_ROLE);
        Resource role = rolesByArn.get(arn);
        if (role == null) {
            return;
        }
        for (Resource policy : graph.ofType("AWS::IAM::ManagedPolicy")) {
            if (!attachedTo(policy, role)) {
                continue;
            }
            for (JsonNode st : values.resolve(policy, policy.property("PolicyDocument")).path("Statement")) {
                if (!st.path("Action").toString().contains("s3:GetObjectVersion")) {
                    continue;
                }
                String objects = st.path("Resource").isArray() ? st.path("Resource").path(0).asText() : st.path("Resource").asText();
                String bucketName = objects.replace("arn:aws:s3:::", "").replace("/*", "");
                Optional<Resource> bucket = graph.ofType("AWS::S3::Bucket").stream()
                        .filter(b -> values.refOf(b).equals(bucketName)).findFirst();
                bucket.ifPresent(b -> {
                    JsonNode sse = b.property("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                            .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID");
                    values.text(b, sse).map(keysByArn::get).ifPresent(k -> {
                        PolicySet set = identityOf(role).withResource(values.resolve(k, k.property("KeyPolicy")));
                        Map<String, String> src = new LinkedHashMap<>(identitySources(role));
                        src.put("resource", where(k));
                        add(Family.RUN, "erasure reads an object version", role, arn, "kms:Decrypt", values.attribute(k, "Arn"),
                                Map.of("kms:ViaService", List.of("s3." + b.stack().region() + ".amazonaws.com"),
                                        "kms:EncryptionContext:aws:s3:arn", List.of("arn:aws:s3:::" + bucketName + "/patient/file")),
                                set, src, DOC_SSE_KMS);
                    });
                });
            }
        }
    }

    /**
     * AWS Backup, as the role a selection passes it, finds the selected resources and copies each
     * recovery point to the plan's copy vault: it describes that vault and copies into it, as AWS's
     * managed policy {@code AWSBackupServiceRolePolicyForBackup} allows; the copy vault's access
     * policy (its denials) is on the way when the vault is in the assembly.
     */
    private void backupCopies() {
        for (Resource selection : graph.ofType("AWS::Backup::BackupSelection")) {
            Optional<String> roleArn = values.text(selection, selection.property("BackupSelection").path("IamRoleArn"));
            Resource role = roleArn.map(rolesByArn::get).orElse(null);
            Optional<Resource> plan = graph.resolve(selection, selection.property("BackupPlanId"));
            if (role == null || plan.isEmpty()) {
                continue;
            }
            PolicySet identity = identityOf(role);
            Map<String, String> sources = identitySources(role);
            add(Family.RUN, "AWS Backup finds the selected resources", selection, roleArn.get(), "tag:GetResources", "*",
                    Map.of(), identity, sources, DOC_BACKUP_ROLE);
            for (JsonNode rule : plan.get().property("BackupPlan").path("BackupPlanRule")) {
                for (JsonNode copy : rule.path("CopyActions")) {
                    JsonNode destination = copy.path("DestinationBackupVaultArn");
                    Optional<String> vaultArn = values.text(plan.get(), destination);
                    if (vaultArn.isEmpty()) {
                        continue;
                    }
                    PolicySet set = identity;
                    Map<String, String> src = new LinkedHashMap<>(sources);
                    Optional<Resource> vault = graph.destination(plan.get(), destination)
                            .filter(v -> v.type().equals("AWS::Backup::BackupVault") && !v.property("AccessPolicy").isMissingNode());
                    if (vault.isPresent()) {
                        set = identity.withResource(values.resolve(vault.get(), vault.get().property("AccessPolicy")));
                        src.put("resource", where(vault.get()));
                    }
                    for (String action : List.of("backup:DescribeBackupVault", "backup:CopyIntoBackupVault")) {
                        add(Family.RUN, "AWS Backup copies a recovery point to the copy vault", selection, roleArn.get(), action,
                                vaultArn.get(), Map.of(), set, src, DOC_BACKUP_ROLE);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The ARN of the environment's role whose name ends with {@code suffix} ({@code <prefix>-auditor});
     * the prod name when the assembly has none, so that its paths are denied rather than skipped.
     */
    private String namedRole(String suffix, String prodName) {
        return rolesByArn.keySet().stream().filter(a -> a.endsWith(suffix)).sorted().findFirst()
                .orElse("arn:aws:iam::" + TemplateValues.ACCOUNT + ":role/" + prodName);
    }

    /** Use of a secret's key through Secrets Manager by {@code principal}. */
    private void keyUse(Resource anchor, String principal, Resource secret, String action, String service,
                        PolicySet identity, Map<String, String> identitySources, Family family, String kind) {
        values.text(secret, secret.property("KmsKeyId")).map(keysByArn::get).ifPresent(k -> {
            PolicySet set = identity.withResource(values.resolve(k, k.property("KeyPolicy")));
            Map<String, String> src = new LinkedHashMap<>(identitySources);
            src.put("resource", where(k));
            add(family, kind, anchor, principal, action, values.attribute(k, "Arn"),
                    Map.of("kms:ViaService", List.of(service + "." + secret.stack().region() + ".amazonaws.com"),
                            "kms:EncryptionContext:SecretARN", List.of(values.attribute(secret, "Arn"))),
                    set, src, DOC_SM_KMS);
        });
    }

    private static String secretArnOf(String valueFrom) {
        // arn:aws:secretsmanager:region:account:secret:name-AbCdEf[:json-key:version-stage:version-id]
        String[] p = valueFrom.split(":");
        return p.length > 7 ? String.join(":", java.util.Arrays.copyOf(p, 7)) : valueFrom;
    }

    /**
     * {@code set} with the policy of every VPC endpoint of a service ({@code .secretsmanager},
     * {@code .ecr.dkr}...) that the call crosses from the VPC; {@code sources} says where each comes from.
     */
    private PolicySet throughEndpoints(PolicySet set, String serviceSuffix, Map<String, String> sources) {
        PolicySet out = set;
        for (Resource ep : endpoints(serviceSuffix)) {
            out = out.withEndpoint(new NamedPolicy(where(ep), values.resolve(ep, ep.property("PolicyDocument"))));
            sources.put(where(ep), where(ep));
        }
        return out;
    }

    /** {@code set} with the secret's own resource policy, when it has one; {@code sources} says where it comes from. */
    private PolicySet withSecretPolicy(PolicySet set, Optional<Resource> secret, Map<String, String> sources) {
        Optional<Resource> rp = secret.flatMap(this::secretPolicy);
        if (rp.isEmpty()) {
            return set;
        }
        sources.put("resource", where(rp.get()));
        return set.withResource(values.resolve(rp.get(), rp.get().property("ResourcePolicy")));
    }

    private List<Resource> endpoints(String serviceSuffix) {
        List<Resource> out = new ArrayList<>();
        for (Resource ep : graph.ofType("AWS::EC2::VPCEndpoint")) {
            if (values.text(ep, ep.property("ServiceName")).orElse("").endsWith(serviceSuffix)
                    && !ep.property("PolicyDocument").isMissingNode()) {
                out.add(ep);
            }
        }
        return out;
    }

    private Optional<Resource> secretPolicy(Resource secret) {
        return graph.ofType("AWS::SecretsManager::ResourcePolicy").stream()
                .filter(p -> graph.resolve(p, p.property("SecretId")).map(s -> s.type().equals(
                        "AWS::SecretsManager::SecretTargetAttachment") ? graph.resolve(s, s.property("SecretId")).orElse(s) : s)
                        .filter(s -> s.equals(secret)).isPresent()).findFirst();
    }

    private Optional<Resource> bucketPolicy(Resource bucket) {
        return graph.ofType("AWS::S3::BucketPolicy").stream()
                .filter(p -> values.text(p, p.property("Bucket")).filter(n -> n.equals(values.refOf(bucket))).isPresent())
                .findFirst();
    }

    private boolean attachedTo(Resource policy, Resource role) {
        for (JsonNode ref : policy.property("Roles")) {
            if (values.text(policy, ref).filter(n -> n.equals(values.refOf(role))).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The role's identity policies: inline, and the managed policies of the assembly attached to it. */
    PolicySet identityOf(Resource role) {
        List<NamedPolicy> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : role.property("Policies")) {
            out.add(new NamedPolicy(where(role) + "#" + p.path("PolicyName").asText("inline" + i++),
                    values.resolve(role, p.path("PolicyDocument"))));
        }
        for (Resource mp : graph.ofType("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy")) {
            if (attachedTo(mp, role)) {
                out.add(new NamedPolicy(where(mp), values.resolve(mp, mp.property("PolicyDocument"))));
            }
        }
        return PolicySet.identity(out);
    }

    private Map<String, String> identitySources(Resource role) {
        Map<String, String> m = new LinkedHashMap<>();
        identityOf(role).identity().forEach(p -> m.put(p.name(), p.name()));
        return m;
    }

    private static String where(Resource r) {
        return r.stack().stackName() + "/" + r.logicalId();
    }

    private static JsonNode doc(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void add(Family family, String kind, Resource r, String principal, String action, String resource,
                     Map<String, List<String>> context, PolicySet set, Map<String, String> sources, String doc) {
        paths.add(new AccessPath(family, kind, r.stack().stackName(), r.logicalId(),
                new AccessRequest(principal, action, resource, context.containsKey("aws:ResourceAccount")
                        ? context.get("aws:ResourceAccount").get(0) : TemplateValues.accountOf(resource),
                        requestContext(r, principal, action, context), set), sources, doc));
    }

    /**
     * The keys AWS adds to every request (the engine does not add them itself): TLS, the requested
     * region, and the caller (a role's ARN and account, or a service acting for this account).
     */
    private static Map<String, List<String>> requestContext(Resource r, String principal, String action,
                                                            Map<String, List<String>> given) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:SecureTransport", List.of("true"));
        c.put("aws:RequestedRegion", List.of(GLOBAL_SERVICES.contains(action.substring(0, action.indexOf(':')))
                ? "us-east-1" : r.stack().region()));
        if (principal.startsWith("arn:")) {
            c.put("aws:PrincipalArn", List.of(principal));
            c.put("aws:PrincipalAccount", List.of(TemplateValues.accountOf(principal)));
            if (action.startsWith("kms:")) {
                c.put("kms:CallerAccount", List.of(TemplateValues.accountOf(principal)));
            }
        } else {
            c.put("aws:SourceAccount", List.of(TemplateValues.ACCOUNT));
            c.put("aws:PrincipalIsAWSService", List.of("true"));
            c.put("aws:PrincipalServiceName", List.of(principal));
        }
        c.putAll(given);
        return c;
    }
}
