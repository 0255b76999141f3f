package fr.medsaas.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.medsaas.sandbox.EmulatorTemplate.LeftOut;
import fr.medsaas.sandbox.EmulatorTemplate.Placeholder;
import fr.medsaas.sandbox.EmulatorTemplate.Resolved;
import fr.medsaas.sandbox.EmulatorTemplate.Rewrite;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a synthesized template into the emulator's copy (plain Java on JSON, no CDK): removes
 * the CDK bootstrap check (the emulator has no bootstrap), leaves out the resource types that
 * {@link EmulatedTypes} does not list as emulated, puts a placeholder wherever a kept resource or
 * an output names a left-out one, resolves CDK's cross-region references ({@code Fn::GetStackOutput})
 * from the stacks already in the emulator, and rewrites the few properties moto mishandles
 * ({@link MotoDefect}). The input is never modified; every change is recorded in the result.
 */
public final class EmulatorTemplates {
    /** The parameter CDK adds to check the bootstrap stack's version. */
    public static final String BOOTSTRAP_PARAMETER = "BootstrapVersion";
    /** The rule that checks it. */
    public static final String BOOTSTRAP_RULE = "CheckBootstrapVersion";
    /** Every placeholder value starts with this. */
    public static final String PLACEHOLDER_PREFIX = "placeholder-";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private EmulatorTemplates() {
    }

    /**
     * Reads an output of a stack already deployed to the emulator, for {@code Fn::GetStackOutput}
     * (CDK's cross-region reference, which moto 5.2.1 does not know).
     */
    @FunctionalInterface
    public interface StackOutputs {
        /** No stack is deployed: every {@code Fn::GetStackOutput} gets a placeholder. */
        StackOutputs NONE = (stack, region, output) -> Optional.empty();

        /**
         * The value of {@code output} of {@code stack} in {@code region}, when that stack is deployed.
         *
         * @param region the region named by the reference, or null when it names none (the consumer's)
         */
        Optional<String> find(String stack, String region, String output);
    }

    /**
     * Stands in, in the emulator, for a certificate the configuration names (the HTTPS listener's,
     * ALB-1): the emulator starts as an empty account, where it does not exist, and moto's ELBv2
     * refuses a listener whose certificate it does not hold, as AWS does.
     */
    @FunctionalInterface
    public interface Certificates {
        /** No stand-ins: the ARNs stay as synthesized. */
        Certificates NONE = arn -> Optional.empty();

        /** The ARN of a certificate held by the emulator that stands in for {@code arn}, if one can be made. */
        Optional<String> standIn(String arn);
    }

    /** The shape of an ACM certificate's ARN. */
    private static final Pattern ACM_CERTIFICATE = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+");

    /** The emulator's copy of {@code template}, leaving out what {@link EmulatedTypes} does not emulate. */
    public static EmulatorTemplate prepare(JsonNode template) {
        return prepare(template, StackOutputs.NONE);
    }

    /** As {@link #prepare(JsonNode)}, resolving {@code Fn::GetStackOutput} through {@code outputs}. */
    public static EmulatorTemplate prepare(JsonNode template, StackOutputs outputs) {
        return prepare(template, EmulatedTypes::isEmulated, outputs, Certificates.NONE);
    }

    /**
     * As {@link #prepare(JsonNode, StackOutputs)}, naming in the listeners the emulator's stand-in of each
     * ACM certificate ({@code certificates}).
     */
    public static EmulatorTemplate prepare(JsonNode template, StackOutputs outputs, Certificates certificates) {
        return prepare(template, EmulatedTypes::isEmulated, outputs, certificates);
    }

    /** As {@link #prepare(JsonNode)}, with another table of emulated types (for tests). */
    static EmulatorTemplate prepare(JsonNode template, Predicate<String> emulated) {
        return prepare(template, emulated, StackOutputs.NONE, Certificates.NONE);
    }

    /** The references found while walking a template, and what to do with them. */
    private record Walk(Set<String> gone, Map<String, String> goneTypes, StackOutputs outputs, List<Placeholder> placeholders,
                        List<Resolved> resolved) {
    }

    /** The emulator's copy of {@code template}, given the table of emulated types and the deployed outputs. */
    static EmulatorTemplate prepare(JsonNode template, Predicate<String> emulated, StackOutputs outputs) {
        return prepare(template, emulated, outputs, Certificates.NONE);
    }

    /** The emulator's copy of {@code template}, given the table of emulated types, the deployed outputs and stand-ins. */
    static EmulatorTemplate prepare(JsonNode template, Predicate<String> emulated, StackOutputs outputs,
                                    Certificates certificates) {
        ObjectNode t = template.deepCopy();
        List<String> removed = new ArrayList<>();
        Set<String> gone = new LinkedHashSet<>();

        removeBootstrapCheck(t, removed, gone);
        if (t.has("Transform")) {
            // Said rather than left for moto to ignore silently (e.g. the Secrets Manager transform of
            // a hosted rotation, which adds the rotation function).
            removed.add("Transform " + t.remove("Transform") + ": the emulator applies no CloudFormation transform; "
                    + "what it would add is not emulated");
        }
        Set<String> droppedConditions = dropConditionsNaming(t, gone, removed);

        List<LeftOut> leftOut = new ArrayList<>();
        ObjectNode resources = t.has("Resources") ? (ObjectNode) t.get("Resources") : t.putObject("Resources");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText();
            String condition = e.getValue().path("Condition").asText("");
            if (!emulated.test(type)) {
                leftOut.add(new LeftOut(e.getKey(), type, EmulatedTypes.whyLeftOut(type)));
            } else if (droppedConditions.contains(condition)) {
                leftOut.add(new LeftOut(e.getKey(), type, "its condition " + condition + " was removed with the bootstrap check"));
            }
        }
        for (LeftOut l : leftOut) {
            resources.remove(l.logicalId());
            gone.add(l.logicalId());
        }

        List<Placeholder> placeholders = new ArrayList<>();
        Map<String, String> goneTypes = new java.util.HashMap<>();
        leftOut.forEach(l -> goneTypes.put(l.logicalId(), l.type()));
        Walk walk = new Walk(gone, goneTypes, outputs, placeholders, new ArrayList<>());
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String owner = "Resources." + e.getKey();
            ObjectNode resource = (ObjectNode) e.getValue();
            dropDependencies(resource, owner, gone, placeholders);
            for (Iterator<Map.Entry<String, JsonNode>> f = resource.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                // Type, DependsOn and Condition name no resource value; Metadata is not read by CloudFormation.
                if (!List.of("Type", "DependsOn", "Condition", "Metadata").contains(field.getKey())) {
                    replaceReferences(field.getValue(), owner, "/" + field.getKey(), walk)
                            .ifPresent(field::setValue);
                }
            }
        }
        ObjectNode outputBlock = t.has("Outputs") ? (ObjectNode) t.get("Outputs") : null;
        if (outputBlock != null) {
            List<String> unresolvable = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = outputBlock.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (droppedConditions.contains(e.getValue().path("Condition").asText(""))) {
                    unresolvable.add(e.getKey());
                    continue;
                }
                // An output naming a left-out resource keeps its export, with a placeholder value, so
                // that a stack importing it still deploys; the placeholder is reported like any other.
                replaceReferences(e.getValue(), "Outputs." + e.getKey(), "", walk)
                        .ifPresent(e::setValue);
            }
            for (String id : unresolvable) {
                outputBlock.remove(id);
                removed.add("Outputs." + id + ": its condition was removed with the bootstrap check");
            }
            if (outputBlock.isEmpty()) {
                t.remove("Outputs");
            }
        }

        resources.fields().forEachRemaining(e -> standInCertificates(e.getKey(), (ObjectNode) e.getValue(), certificates,
                walk.resolved()));
        List<Rewrite> rewrites = new ArrayList<>();
        resources.fields().forEachRemaining(e -> rewriteForMoto(e.getKey(), (ObjectNode) e.getValue(), rewrites));
        markWhatIsNotEmulated(t, template.path("Resources"), leftOut);
        return new EmulatorTemplate(t, leftOut, placeholders, walk.resolved(), rewrites, removed);
    }

    /**
     * The template metadata key under which the emulator's copy lists what the emulator does not
     * hold although the template declares it: the audit reads it back with GetTemplate and reports
     * the controls those leave unmet as not emulated, apart from real failures.
     */
    public static final String NOT_EMULATED_METADATA = "MedSaasSandboxNotEmulated";

    /**
     * Properties that moto 5.2.1 accepts and silently ignores, by type, with the defect: a resource
     * declaring one runs in the emulator without it.
     */
    static final Map<String, Map<String, MotoDefect>> IGNORED_BY_MOTO = Map.of(
            "AWS::S3::Bucket", Map.of(
                    "PublicAccessBlockConfiguration", MotoDefect.S3_BUCKET_PROPERTIES,
                    "VersioningConfiguration", MotoDefect.S3_BUCKET_PROPERTIES,
                    "OwnershipControls", MotoDefect.S3_BUCKET_PROPERTIES,
                    "LoggingConfiguration", MotoDefect.S3_BUCKET_PROPERTIES,
                    "LifecycleConfiguration", MotoDefect.S3_BUCKET_PROPERTIES,
                    "ReplicationConfiguration", MotoDefect.S3_BUCKET_PROPERTIES),
            "AWS::EC2::SecurityGroup", Map.of("SecurityGroupEgress", MotoDefect.SECURITY_GROUP_DEFAULT_EGRESS));

    /**
     * Writes {@link #NOT_EMULATED_METADATA} into the emulator's copy: each left-out resource with
     * the logical IDs its properties name (a bucket policy names its bucket), and each kept
     * resource's declared properties that moto ignores ({@link #IGNORED_BY_MOTO}).
     */
    private static void markWhatIsNotEmulated(ObjectNode t, JsonNode original, List<LeftOut> leftOut) {
        ObjectNode mark = JsonNodeFactory.instance.objectNode();
        ArrayNode out = mark.putArray("LeftOut");
        for (LeftOut l : leftOut) {
            ObjectNode n = out.addObject();
            n.put("LogicalId", l.logicalId());
            n.put("Type", l.type());
            n.put("Reason", l.reason());
            // The resources it applies to: properties that are a Ref or Fn::GetAtt (a bucket policy's Bucket).
            ObjectNode named = n.putObject("Names");
            original.path(l.logicalId()).path("Properties").fields().forEachRemaining(p -> namedResource(p.getValue())
                    .ifPresent(id -> named.put(p.getKey(), id)));
        }
        ArrayNode ignored = mark.putArray("IgnoredByMoto");
        ((ObjectNode) t.path("Resources")).fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText();
            JsonNode declared = original.path(e.getKey()).path("Properties");
            IGNORED_BY_MOTO.getOrDefault(type, Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(p -> declared.has(p.getKey()))
                    .forEach(p -> ignored.addObject().put("LogicalId", e.getKey()).put("Type", type)
                            .put("Property", p.getKey()).put("Defect", p.getValue().id()));
        });
        JsonNode metadata = t.get("Metadata");
        ObjectNode target = metadata instanceof ObjectNode o ? o : t.putObject("Metadata");
        target.set(NOT_EMULATED_METADATA, mark);
    }

    /** The logical ID that {@code node} names when it is a {@code Ref} or an {@code Fn::GetAtt}. */
    private static Optional<String> namedResource(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.path("Ref").isTextual()) {
            return Optional.of(node.get("Ref").asText());
        }
        if (node.isObject() && node.size() == 1 && node.has("Fn::GetAtt")) {
            JsonNode a = node.get("Fn::GetAtt");
            return Optional.of(a.isArray() ? a.path(0).asText() : a.asText().split("\\.")[0]);
        }
        return Optional.empty();
    }

    /** The placeholder of {@code Ref: id}. */
    public static String placeholder(String logicalId) {
        return PLACEHOLDER_PREFIX + logicalId;
    }

    /** The placeholder of {@code Fn::GetAtt: [id, attribute]}. */
    public static String placeholder(String logicalId, String attribute) {
        return PLACEHOLDER_PREFIX + logicalId + "-" + attribute.replace('.', '-');
    }

    private static void removeBootstrapCheck(ObjectNode t, List<String> removed, Set<String> gone) {
        // The emulator has no CDK bootstrap stack, so no SSM parameter holding its version.
        if (t.path("Parameters").has(BOOTSTRAP_PARAMETER)) {
            ((ObjectNode) t.get("Parameters")).remove(BOOTSTRAP_PARAMETER);
            removed.add("Parameters." + BOOTSTRAP_PARAMETER + ": the emulator has no CDK bootstrap stack");
            gone.add(BOOTSTRAP_PARAMETER);
        }
        if (t.path("Rules").has(BOOTSTRAP_RULE)) {
            ((ObjectNode) t.get("Rules")).remove(BOOTSTRAP_RULE);
            removed.add("Rules." + BOOTSTRAP_RULE + ": the emulator has no CDK bootstrap stack");
        }
        for (String section : List.of("Parameters", "Rules")) {
            if (t.has(section) && t.get(section).isEmpty()) {
                t.remove(section);
            }
        }
    }

    /** Removes the conditions (and other rules) that name a removed parameter or a removed condition. */
    private static Set<String> dropConditionsNaming(ObjectNode t, Set<String> gone, List<String> removed) {
        Set<String> dropped = new LinkedHashSet<>();
        for (String section : List.of("Conditions", "Rules")) {
            if (!t.has(section)) {
                continue;
            }
            ObjectNode block = (ObjectNode) t.get(section);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String named = namesAny(e.getValue(), gone, dropped);
                    if (named != null) {
                        it.remove();
                        if (section.equals("Conditions")) {
                            dropped.add(e.getKey());
                        }
                        removed.add(section + "." + e.getKey() + ": it names " + named + ", which was removed");
                        changed = true;
                    }
                }
            }
            if (block.isEmpty()) {
                t.remove(section);
            }
        }
        return dropped;
    }

    private static String namesAny(JsonNode node, Set<String> gone, Set<String> droppedConditions) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && gone.contains(node.get("Ref").asText())) {
                return node.get("Ref").asText();
            }
            if (node.size() == 1 && node.has("Condition") && droppedConditions.contains(node.get("Condition").asText())) {
                return "condition " + node.get("Condition").asText();
            }
        }
        for (JsonNode child : node) {
            String named = namesAny(child, gone, droppedConditions);
            if (named != null) {
                return named;
            }
        }
        return null;
    }

    private static void dropDependencies(ObjectNode resource, String owner, Set<String> gone, List<Placeholder> out) {
        JsonNode dependsOn = resource.get("DependsOn");
        if (dependsOn == null) {
            return;
        }
        if (dependsOn.isTextual()) {
            if (gone.contains(dependsOn.asText())) {
                resource.remove("DependsOn");
                out.add(new Placeholder(owner, "/DependsOn", "DependsOn", dependsOn.asText(), ""));
            }
            return;
        }
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode d : dependsOn) {
            if (gone.contains(d.asText())) {
                out.add(new Placeholder(owner, "/DependsOn", "DependsOn", d.asText(), ""));
            } else {
                kept.add(d);
            }
        }
        if (kept.isEmpty()) {
            resource.remove("DependsOn");
        } else {
            resource.set("DependsOn", kept);
        }
    }

    /**
     * Replaces, inside {@code node}, every Ref, Fn::GetAtt and Fn::Sub variable that names a
     * left-out resource; returns the node that should take {@code node}'s place, if it changes.
     */
    private static Optional<JsonNode> replaceReferences(JsonNode node, String owner, String path, Walk walk) {
        Set<String> gone = walk.gone();
        List<Placeholder> out = walk.placeholders();
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.size() == 1 && object.has("Ref") && gone.contains(object.get("Ref").asText())) {
                String target = object.get("Ref").asText();
                String value = shaped(placeholder(target), target, null, path, walk);
                out.add(new Placeholder(owner, path, "Ref", target, value));
                return Optional.of(valueNode(value));
            }
            if (object.size() == 1 && object.has("Fn::GetAtt")) {
                String[] ref = getAtt(object.get("Fn::GetAtt"));
                if (ref != null && gone.contains(ref[0])) {
                    String value = shaped(placeholder(ref[0], ref[1]), ref[0], ref[1], path, walk);
                    out.add(new Placeholder(owner, path, "Fn::GetAtt", ref[0] + "." + ref[1], value));
                    return Optional.of(valueNode(value));
                }
            }
            if (object.size() == 1 && object.has("Fn::Sub")) {
                replaceInSub(object, owner, path + "/Fn::Sub", walk);
                return Optional.empty();
            }
            if (object.size() == 1 && object.get("Fn::GetStackOutput") instanceof ObjectNode ref) {
                return Optional.of(resolveStackOutput(ref, owner, path, walk));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                replaceReferences(e.getValue(), owner, path + "/" + escape(e.getKey()), walk).ifPresent(e::setValue);
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                replaceReferences(array.get(i), owner, path + "/" + i, walk).ifPresent(n -> array.set(index, n));
            }
        }
        return Optional.empty();
    }

    /**
     * The placeholder as the place it goes to needs it: where an ARN is expected (a {@code Ref} of a
     * type whose Ref is an ARN, an attribute named {@code ...Arn}, or the {@code Resource} of a policy
     * statement, which moto validates as an ARN) it is wrapped in an ARN of the left-out resource's service, in the stack's partition,
     * region and account: {@code arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:placeholder-Db}.
     */
    private static String shaped(String placeholder, String target, String attribute, String path, Walk walk) {
        String type = walk.goneTypes().getOrDefault(target, "");
        boolean arn = attribute == null ? EmulatedTypes.refReturnsArn(type) : attribute.endsWith("Arn");
        if (!arn && !path.matches(".*/(Not)?Resource(/.*)?")) {
            return placeholder;
        }
        String service = type.startsWith("AWS::") ? type.split("::")[1].toLowerCase(java.util.Locale.ROOT) : "placeholder";
        return "arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + placeholder;
    }

    /** A plain string, or a {@code Fn::Sub} when the value names the stack's partition, region or account. */
    private static JsonNode valueNode(String value) {
        return value.contains("${") ? JsonNodeFactory.instance.objectNode().put("Fn::Sub", value) : TextNode.valueOf(value);
    }

    /** {@code [id, attribute]} of a GetAtt in either form ({@code [id, attr]} or {@code "id.attr"}). */
    private static String[] getAtt(JsonNode arg) {
        if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            return new String[] {arg.get(0).asText(), arg.get(1).asText()};
        }
        if (arg.isTextual() && arg.asText().contains(".")) {
            String s = arg.asText();
            return new String[] {s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1)};
        }
        return null;
    }

    /**
     * {@code Fn::GetStackOutput} (moto:GET_STACK_OUTPUT): the value of the output named, read from the
     * emulator as CloudFormation reads it when the consumer deploys; a placeholder when not found.
     */
    private static JsonNode resolveStackOutput(ObjectNode ref, String owner, String path, Walk walk) {
        String stack = ref.path("StackName").asText();
        String region = ref.hasNonNull("Region") ? ref.get("Region").asText() : null;
        String output = ref.path("OutputName").asText();
        String reference = stack + (region == null ? "" : "@" + region) + "." + output;
        Optional<String> value = ref.path("StackName").isTextual() && ref.path("OutputName").isTextual()
                ? walk.outputs().find(stack, region, output) : Optional.empty();
        if (value.isPresent()) {
            walk.resolved().add(new Resolved(owner, path, "Fn::GetStackOutput", reference, value.get()));
            return TextNode.valueOf(value.get());
        }
        String placeholder = PLACEHOLDER_PREFIX + stack + "-" + output;
        walk.placeholders().add(new Placeholder(owner, path, "Fn::GetStackOutput", reference, placeholder));
        return TextNode.valueOf(placeholder);
    }

    private static void replaceInSub(ObjectNode sub, String owner, String path, Walk walk) {
        Set<String> gone = walk.gone();
        List<Placeholder> out = walk.placeholders();
        JsonNode arg = sub.get("Fn::Sub");
        Set<String> local = new LinkedHashSet<>();
        String text;
        String textPath;
        if (arg.isArray() && arg.size() == 2) {
            arg.get(1).fieldNames().forEachRemaining(local::add);
            // The variables' values are ordinary template values: they may hold references too.
            ObjectNode variables = (ObjectNode) arg.get(1);
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                replaceReferences(e.getValue(), owner, path + "/1/" + escape(e.getKey()), walk).ifPresent(e::setValue);
            }
            text = arg.get(0).asText();
            textPath = path + "/0";
        } else {
            text = arg.asText();
            textPath = path;
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String variable = m.group(1);
            int dot = variable.indexOf('.');
            String id = dot < 0 ? variable : variable.substring(0, dot);
            if (!local.contains(variable) && gone.contains(id)) {
                String attribute = dot < 0 ? null : variable.substring(dot + 1);
                String value = shaped(attribute == null ? placeholder(id) : placeholder(id, attribute), id, attribute, path, walk);
                out.add(new Placeholder(owner, textPath, "Fn::Sub", variable, value));
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
                changed = true;
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(sb);
        if (changed) {
            if (arg.isArray()) {
                ((ArrayNode) arg).set(0, TextNode.valueOf(sb.toString()));
            } else {
                sub.set("Fn::Sub", TextNode.valueOf(sb.toString()));
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Names, in a listener, the emulator's stand-in of each ACM certificate the configuration gave,
     * recorded as resolved (kind {@code Certificate}); a certificate without a stand-in stays as it is.
     */
    private static void standInCertificates(String id, ObjectNode resource, Certificates certificates, List<Resolved> out) {
        String type = resource.path("Type").asText();
        if (!type.equals("AWS::ElasticLoadBalancingV2::Listener") && !type.equals("AWS::ElasticLoadBalancingV2::ListenerCertificate")) {
            return;
        }
        JsonNode list = resource.path("Properties").path("Certificates");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ObjectNode certificate && certificate.path("CertificateArn").isTextual()
                    && ACM_CERTIFICATE.matcher(certificate.get("CertificateArn").asText()).matches()) {
                String arn = certificate.get("CertificateArn").asText();
                int index = i;
                certificates.standIn(arn).ifPresent(standIn -> {
                    certificate.put("CertificateArn", standIn);
                    out.add(new Resolved("Resources." + id, "/Properties/Certificates/" + index + "/CertificateArn",
                            "Certificate", arn, standIn));
                });
            }
        }
    }

    /** Rewrites the properties moto mishandles ({@link MotoDefect}), recording each. */
    private static void rewriteForMoto(String id, ObjectNode resource, List<Rewrite> out) {
        String type = resource.path("Type").asText();
        JsonNode p = resource.get("Properties");
        if (!(p instanceof ObjectNode props)) {
            return;
        }
        if (type.equals(MotoDefect.KMS_KEY_TAGS.resourceType()) && props.get("Tags") instanceof ArrayNode tags) {
            ArrayNode kms = JsonNodeFactory.instance.arrayNode();
            for (JsonNode tag : tags) {
                ObjectNode kmsTag = kms.addObject();
                kmsTag.set("TagKey", tag.get("Key"));
                kmsTag.set("TagValue", tag.get("Value"));
            }
            props.set("Tags", kms);
            out.add(new Rewrite(id, type, "Tags", MotoDefect.KMS_KEY_TAGS));
        }
        if (type.equals(MotoDefect.KMS_KEY_POLICY.resourceType()) && props.get("KeyPolicy") instanceof ObjectNode policy) {
            props.set("KeyPolicy", JsonNodeFactory.instance.objectNode().set("Fn::ToJsonString", policy));
            out.add(new Rewrite(id, type, "KeyPolicy", MotoDefect.KMS_KEY_POLICY));
        }
        if (type.equals(MotoDefect.LOG_GROUP_KMS_KEY.resourceType()) && props.has("KmsKeyId")) {
            props.set("kmsKeyId", props.remove("KmsKeyId"));
            out.add(new Rewrite(id, type, "KmsKeyId", MotoDefect.LOG_GROUP_KMS_KEY));
        }
        if (type.equals(MotoDefect.ECR_SCANNING_CONFIGURATION.resourceType())
                && props.get("ImageScanningConfiguration") instanceof ObjectNode scanning && scanning.has("ScanOnPush")) {
            scanning.set("scanOnPush", scanning.remove("ScanOnPush"));
            out.add(new Rewrite(id, type, "ImageScanningConfiguration", MotoDefect.ECR_SCANNING_CONFIGURATION));
        }
        if (type.equals(MotoDefect.ECR_ENCRYPTION_CONFIGURATION.resourceType())
                && props.get("EncryptionConfiguration") instanceof ObjectNode encryption) {
            if (encryption.has("EncryptionType")) {
                encryption.set("encryptionType", encryption.remove("EncryptionType"));
            }
            if (encryption.has("KmsKey")) {
                encryption.set("kmsKey", encryption.remove("KmsKey"));
            }
            out.add(new Rewrite(id, type, "EncryptionConfiguration", MotoDefect.ECR_ENCRYPTION_CONFIGURATION));
        }
        if (type.equals(MotoDefect.RDS_PARAMETER_GROUP_REF.resourceType())
                && props.get("DBParameterGroupName") instanceof ObjectNode ref && ref.has("Ref")) {
            props.remove("DBParameterGroupName");
            out.add(new Rewrite(id, type, "DBParameterGroupName", MotoDefect.RDS_PARAMETER_GROUP_REF));
        }
        if (type.equals(MotoDefect.RDS_SECURITY_GROUPS.resourceType()) && props.has("VPCSecurityGroups")) {
            props.set("VpcSecurityGroupIds", props.remove("VPCSecurityGroups"));
            out.add(new Rewrite(id, type, "VPCSecurityGroups", MotoDefect.RDS_SECURITY_GROUPS));
        }
        if (type.equals(MotoDefect.RDS_ADJACENT_WINDOWS.resourceType()) && touchingWindows(props)) {
            String backup = props.get("PreferredBackupWindow").asText();
            props.put("PreferredBackupWindow", backup.substring(0, 6) + minuteBefore(backup.substring(6)));
            out.add(new Rewrite(id, type, "PreferredBackupWindow", MotoDefect.RDS_ADJACENT_WINDOWS));
        }
    }

    private static final Pattern BACKUP_WINDOW = Pattern.compile("\\d\\d:\\d\\d-\\d\\d:\\d\\d");
    private static final Pattern MAINTENANCE_WINDOW = Pattern.compile("[a-zA-Z]{3}:\\d\\d:\\d\\d-[a-zA-Z]{3}:\\d\\d:\\d\\d");

    /**
     * Whether the backup window ({@code hh:mm-hh:mm}) ends where the maintenance window
     * ({@code ddd:hh:mm-ddd:hh:mm}) starts, or starts where it ends (moto:RDS_ADJACENT_WINDOWS).
     */
    private static boolean touchingWindows(ObjectNode props) {
        String backup = props.path("PreferredBackupWindow").asText("");
        String maintenance = props.path("PreferredMaintenanceWindow").asText("");
        if (!BACKUP_WINDOW.matcher(backup).matches() || !MAINTENANCE_WINDOW.matcher(maintenance).matches()) {
            return false;
        }
        return backup.substring(6).equals(maintenance.substring(4, 9)) || backup.substring(0, 5).equals(maintenance.substring(14));
    }

    /** {@code hh:mm} one minute earlier, across midnight. */
    private static String minuteBefore(String hhmm) {
        int minutes = (Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3)) + 24 * 60 - 1) % (24 * 60);
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
