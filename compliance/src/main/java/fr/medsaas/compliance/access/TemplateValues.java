package fr.medsaas.compliance.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's values as they are once deployed in one account: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Join}, {@code Fn::Sub}, imports and other stacks' outputs resolved to names and ARNs.
 * A name CloudFormation generates is written {@code <stack>-<logicalId>-GENERATED}, as CloudFormation
 * makes it ({@code <stack>-<logicalId>-<random>}), so a policy's wildcards match it as they would.
 */
public final class TemplateValues {
    /** The account the proof deploys to: the example account the shipped configurations name. */
    public static final String ACCOUNT = "123456789012";
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ResourceGraph graph;

    public TemplateValues(ResourceGraph graph) {
        this.graph = graph;
    }

    /** The graph the values are read from. */
    public ResourceGraph graph() {
        return graph;
    }

    /** A value resolved to a string, when it can be. */
    public Optional<String> text(Resource from, JsonNode value) {
        JsonNode r = resolve(from, value);
        return r.isTextual() ? Optional.of(r.asText()) : Optional.empty();
    }

    /** A whole document (a policy) with every intrinsic function it holds resolved where it can be. */
    public JsonNode resolve(Resource from, JsonNode value) {
        return resolve(from, value, 0);
    }

    private JsonNode resolve(Resource from, JsonNode value, int depth) {
        if (value == null || value.isMissingNode() || depth > 12) {
            return value;
        }
        if (value.isArray()) {
            ArrayNode a = F.arrayNode();
            value.forEach(v -> {
                JsonNode r = resolve(from, v, depth + 1);
                if (!(r.isTextual() && r.asText().equals("AWS::NoValue"))) {
                    a.add(r);
                }
            });
            return a;
        }
        if (!value.isObject()) {
            return value;
        }
        if (value.size() == 1) {
            String fn = value.fieldNames().next();
            JsonNode arg = value.get(fn);
            switch (fn) {
                case "Ref" -> {
                    return TextNode.valueOf(ref(from, arg.asText()));
                }
                case "Fn::GetAtt" -> {
                    String id = arg.isArray() ? arg.path(0).asText() : arg.asText().split("\\.", 2)[0];
                    String att = arg.isArray() ? arg.path(1).asText() : arg.asText().split("\\.", 2)[1];
                    return graph.get(from.stack(), id).map(r -> TextNode.valueOf(attribute(r, att)))
                            .orElse(TextNode.valueOf("unresolved:" + id + "." + att));
                }
                case "Fn::Join" -> {
                    StringBuilder b = new StringBuilder();
                    String sep = arg.path(0).asText();
                    JsonNode parts = resolve(from, arg.path(1), depth + 1);
                    for (Iterator<JsonNode> it = parts.elements(); it.hasNext(); ) {
                        JsonNode p = it.next();
                        b.append(p.isValueNode() ? p.asText() : p.toString());
                        if (it.hasNext()) {
                            b.append(sep);
                        }
                    }
                    return TextNode.valueOf(b.toString());
                }
                case "Fn::Sub" -> {
                    String template = arg.isArray() ? arg.path(0).asText() : arg.asText();
                    JsonNode vars = arg.isArray() ? arg.path(1) : F.objectNode();
                    Matcher m = SUB.matcher(template);
                    StringBuilder b = new StringBuilder();
                    while (m.find()) {
                        String name = m.group(1);
                        String v;
                        if (vars.has(name)) {
                            v = resolve(from, vars.get(name), depth + 1).asText();
                        } else if (name.contains(".")) {
                            String[] p = name.split("\\.", 2);
                            v = graph.get(from.stack(), p[0]).map(r -> attribute(r, p[1])).orElse("unresolved:" + name);
                        } else {
                            v = ref(from, name);
                        }
                        m.appendReplacement(b, Matcher.quoteReplacement(v));
                    }
                    m.appendTail(b);
                    return TextNode.valueOf(b.toString());
                }
                case "Fn::ImportValue", "Fn::GetStackOutput" -> {
                    return graph.resolve(from, value).map(r -> (JsonNode) TextNode.valueOf(exportedValue(from, value, r)))
                            .orElse(TextNode.valueOf("unresolved:" + fn));
                }
                case "Fn::Select" -> {
                    JsonNode list = resolve(from, arg.path(1), depth + 1);
                    return list.path(arg.path(0).asInt());
                }
                case "Fn::If" -> {
                    return resolve(from, arg.path(1), depth + 1);
                }
                default -> {
                    // a plain one-key object (a condition block, a principal): resolved below
                }
            }
        }
        ObjectNode o = F.objectNode();
        value.fields().forEachRemaining(e -> o.set(e.getKey(), resolve(from, e.getValue(), depth + 1)));
        return o;
    }

    /** What an import or another stack's output names, read as its producer writes it. */
    private String exportedValue(Resource from, JsonNode value, Resource producer) {
        JsonNode out = value.get("Fn::GetStackOutput");
        JsonNode raw;
        if (out != null) {
            raw = producer.stack().template().path("Outputs").path(out.path("OutputName").asText()).path("Value");
        } else {
            raw = null;
            for (JsonNode o : producer.stack().template().path("Outputs")) {
                if (o.path("Export").path("Name").asText().equals(value.get("Fn::ImportValue").asText())) {
                    raw = o.path("Value");
                }
            }
        }
        return raw == null ? "unresolved:" + producer.logicalId() : resolve(producer, raw).asText();
    }

    private String ref(Resource from, String name) {
        return switch (name) {
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::Region" -> from.stack().region();
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> from.stack().stackName();
            case "AWS::NoValue" -> "AWS::NoValue";
            default -> graph.get(from.stack(), name).map(this::refOf).orElse("unresolved:" + name);
        };
    }

    /** The name CloudFormation gives a resource whose name property is not set. */
    public static String generatedName(Resource r) {
        String n = r.stack().stackName() + "-" + r.logicalId() + "-GENERATED";
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    private static String named(Resource r, String property) {
        JsonNode n = r.property(property);
        return n.isTextual() ? n.asText() : generatedName(r);
    }

    private static String region(Resource r) {
        return r.stack().region();
    }

    /** What {@code Ref} returns for the resource. */
    public String refOf(Resource r) {
        return switch (r.type()) {
            case "AWS::IAM::Role" -> named(r, "RoleName");
            case "AWS::IAM::ManagedPolicy" -> "arn:aws:iam::" + ACCOUNT + ":policy/" + named(r, "ManagedPolicyName");
            case "AWS::S3::Bucket" -> named(r, "BucketName").toLowerCase(Locale.ROOT);
            case "AWS::KMS::Key" -> "key-" + r.logicalId();
            case "AWS::SecretsManager::Secret" -> attribute(r, "Arn");
            case "AWS::SNS::Topic" -> attribute(r, "TopicArn");
            case "AWS::Logs::LogGroup" -> named(r, "LogGroupName");
            case "AWS::ECR::Repository" -> named(r, "RepositoryName");
            case "AWS::CloudTrail::Trail" -> named(r, "TrailName");
            case "AWS::Lambda::Function" -> named(r, "FunctionName");
            case "AWS::Backup::BackupVault" -> named(r, "BackupVaultName");
            case "AWS::RDS::DBInstance" -> named(r, "DBInstanceIdentifier").toLowerCase(Locale.ROOT);
            case "AWS::CodePipeline::Pipeline" -> named(r, "Name");
            case "AWS::CodeBuild::Project" -> named(r, "Name");
            case "AWS::CloudFront::Distribution" -> "E" + r.logicalId().toUpperCase(Locale.ROOT);
            case "AWS::ECS::Cluster" -> named(r, "ClusterName");
            case "AWS::SecretsManager::SecretTargetAttachment" -> text(r, r.property("SecretId")).orElse("unresolved:" + r.logicalId());
            default -> r.logicalId().toLowerCase(Locale.ROOT) + "-id";
        };
    }

    /** What {@code Fn::GetAtt} returns for the resource's attribute (ARNs built as AWS documents them). */
    public String attribute(Resource r, String att) {
        String acct = ACCOUNT;
        String rg = region(r);
        return switch (r.type() + "." + att) {
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + acct + ":role/" + refOf(r);
            case "AWS::IAM::Role.RoleId" -> "AROA" + r.logicalId().toUpperCase(Locale.ROOT);
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + refOf(r);
            case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> refOf(r) + ".s3." + rg + ".amazonaws.com";
            case "AWS::KMS::Key.Arn" -> "arn:aws:kms:" + rg + ":" + acct + ":key/" + refOf(r);
            case "AWS::KMS::Key.KeyId" -> refOf(r);
            case "AWS::SecretsManager::Secret.Arn", "AWS::SecretsManager::Secret.Id" -> "arn:aws:secretsmanager:" + rg + ":" + acct
                    + ":secret:" + named(r, "Name") + "-AbCdEf";
            case "AWS::SNS::Topic.TopicArn" -> "arn:aws:sns:" + rg + ":" + acct + ":" + named(r, "TopicName");
            case "AWS::Logs::LogGroup.Arn" -> "arn:aws:logs:" + rg + ":" + acct + ":log-group:" + refOf(r) + ":*";
            case "AWS::ECR::Repository.Arn" -> "arn:aws:ecr:" + rg + ":" + acct + ":repository/" + refOf(r);
            case "AWS::CloudTrail::Trail.Arn" -> "arn:aws:cloudtrail:" + rg + ":" + acct + ":trail/" + refOf(r);
            case "AWS::Lambda::Function.Arn" -> "arn:aws:lambda:" + rg + ":" + acct + ":function:" + refOf(r);
            case "AWS::Backup::BackupVault.BackupVaultArn" -> "arn:aws:backup:" + rg + ":" + acct + ":backup-vault:" + refOf(r);
            case "AWS::RDS::DBInstance.DBInstanceArn" -> "arn:aws:rds:" + rg + ":" + acct + ":db:" + refOf(r);
            case "AWS::CodeBuild::Project.Arn" -> "arn:aws:codebuild:" + rg + ":" + acct + ":project/" + refOf(r);
            case "AWS::ECS::Cluster.Arn" -> "arn:aws:ecs:" + rg + ":" + acct + ":cluster/" + refOf(r);
            case "AWS::CloudFront::Distribution.Id" -> refOf(r);
            default -> r.logicalId().toLowerCase(Locale.ROOT) + "-" + att.toLowerCase(Locale.ROOT);
        };
    }

    /** The account an ARN names; {@link #ACCOUNT} when it names none (S3, a service). */
    public static String accountOf(String arn) {
        String[] p = arn.split(":", 6);
        return p.length > 4 && p[4].matches("\\d{12}") ? p[4] : ACCOUNT;
    }

    /** The execution role the CDK bootstrap makes in a region (default qualifier). */
    public static String executionRole(String region) {
        return "arn:aws:iam::" + ACCOUNT + ":role/cdk-hnb659fds-cfn-exec-role-" + ACCOUNT + "-" + region;
    }

    static Map<String, String> pseudo(Resource from) {
        return Map.of("AWS::AccountId", ACCOUNT, "AWS::Region", from.stack().region());
    }
}
