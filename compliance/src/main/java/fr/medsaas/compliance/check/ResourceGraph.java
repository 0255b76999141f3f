package fr.medsaas.compliance.check;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every resource of a set of templates, indexed once: by type, by stack and logical id, by the
 * exports and outputs that hand values across stacks and regions, and by who refers to whom
 * ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::ImportValue}, {@code Fn::GetStackOutput}). Rules
 * read it; none parses a template again.
 */
public final class ResourceGraph {
    private final List<StackTemplate> stacks;
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, List<Resource>> byType = new HashMap<>();
    private final Map<String, Map<String, Resource>> byStack = new HashMap<>();
    private final Map<String, StackTemplate> stackByName = new HashMap<>();
    private final Map<String, Export> exports = new HashMap<>();
    private final Map<Resource, Set<Resource>> referrers = new IdentityHashMap<>();
    private final Map<String, Resource> bucketsByName = new HashMap<>();
    private final Map<String, List<Resource>> byName = new HashMap<>();

    private record Export(StackTemplate stack, JsonNode value) {
    }

    private final Map<String, java.nio.file.Path> files;

    /** Indexes {@code stacks} (an assembly's, or lone templates'), with no file to point at. */
    public ResourceGraph(List<StackTemplate> stacks) {
        this(stacks, Map.of());
    }

    /** Indexes {@code stacks}; {@code files} gives each stack's template file, by stack name. */
    public ResourceGraph(List<StackTemplate> stacks, Map<String, java.nio.file.Path> files) {
        this.stacks = List.copyOf(stacks);
        this.files = Map.copyOf(files);
        for (StackTemplate s : stacks) {
            stackByName.put(s.stackName(), s);
            stackByName.putIfAbsent(s.artifactId(), s);
            Map<String, Resource> ids = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.template().path("Resources").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Resource r = new Resource(s, e.getKey(), e.getValue().path("Type").asText(), e.getValue());
                ids.put(e.getKey(), r);
                resources.add(r);
                byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
                if (r.type().equals("AWS::S3::Bucket") && r.property("BucketName").isTextual()) {
                    bucketsByName.put(r.property("BucketName").asText(), r);
                }
                fr.medsaas.compliance.stores.StoreCatalogue.of(r.type()).map(t -> t.name()).filter(n -> !n.isEmpty())
                        .map(r::property).filter(JsonNode::isTextual)
                        .ifPresent(n -> byName.computeIfAbsent(n.asText(), k -> new ArrayList<>()).add(r));
            }
            byStack.put(s.stackName(), ids);
            s.template().path("Outputs").forEach(o -> {
                JsonNode name = o.path("Export").path("Name");
                if (name.isTextual()) {
                    exports.put(name.asText(), new Export(s, o.path("Value")));
                }
            });
        }
        for (Resource r : resources) {
            for (Resource target : referencesIn(r.stack(), r.node().path("Properties"))) {
                referrers.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(r);
            }
        }
    }

    /** The template file of a stack, when known. */
    public Optional<java.nio.file.Path> file(StackTemplate stack) {
        return Optional.ofNullable(files.get(stack.stackName()));
    }

    /** Builds the graph of an assembly, each stack pointing at its template file. */
    public static ResourceGraph of(fr.medsaas.compliance.assembly.CloudAssembly assembly) {
        Map<String, java.nio.file.Path> files = new HashMap<>();
        assembly.stacks().forEach(s -> files.put(s.stackName(), assembly.directory().resolve(s.templateFile())));
        return new ResourceGraph(assembly.stacks(), files);
    }

    /** The stacks, in the order given. */
    public List<StackTemplate> stacks() {
        return stacks;
    }

    /** Every resource. */
    public List<Resource> resources() {
        return resources;
    }

    /** The resources of the given types, in stack then template order. */
    public List<Resource> ofType(String... types) {
        if (types.length == 1) {
            return byType.getOrDefault(types[0], List.of());
        }
        List<Resource> out = new ArrayList<>();
        for (String t : types) {
            out.addAll(byType.getOrDefault(t, List.of()));
        }
        return out;
    }

    /** One resource of one stack. */
    public Optional<Resource> get(StackTemplate stack, String logicalId) {
        return Optional.ofNullable(byStack.getOrDefault(stack.stackName(), Map.of()).get(logicalId));
    }

    /** The resources whose properties refer to {@code target}, in any stack. */
    public Collection<Resource> referrers(Resource target) {
        return referrers.getOrDefault(target, Set.of());
    }

    /** The resources of {@code type} that refer to {@code target}. */
    public List<Resource> referrers(Resource target, String type) {
        return referrers(target).stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The resource a value names, when it is a reference: {@code Ref}, {@code Fn::GetAtt}, an
     * import of another stack's export, or another stack's (or region's) output.
     */
    public Optional<Resource> resolve(Resource from, JsonNode value) {
        return resolve(from.stack(), value, 0);
    }

    private Optional<Resource> resolve(StackTemplate stack, JsonNode value, int depth) {
        if (value == null || !value.isObject() || value.size() != 1 || depth > 8) {
            return Optional.empty();
        }
        JsonNode ref = value.get("Ref");
        if (ref != null && ref.isTextual()) {
            return get(stack, ref.asText());
        }
        JsonNode att = value.get("Fn::GetAtt");
        if (att != null) {
            String id = att.isArray() ? att.path(0).asText() : att.asText().split("\\.", 2)[0];
            return get(stack, id);
        }
        JsonNode imp = value.get("Fn::ImportValue");
        if (imp != null && imp.isTextual()) {
            Export e = exports.get(imp.asText());
            return e == null ? Optional.empty() : resolve(e.stack(), e.value(), depth + 1);
        }
        JsonNode out = value.get("Fn::GetStackOutput");
        if (out != null) {
            StackTemplate producer = stackByName.get(out.path("StackName").asText());
            if (producer == null) {
                return Optional.empty();
            }
            JsonNode v = producer.template().path("Outputs").path(out.path("OutputName").asText()).path("Value");
            return resolve(producer, v, depth + 1);
        }
        return Optional.empty();
    }

    /**
     * The resource a destination names: a reference, a bucket named literally (by name, by
     * {@code arn:aws:s3:::name}, or by its {@code name.s3.amazonaws.com} domain) in any stack, or
     * an ARN (literal, {@code Fn::Join} or {@code Fn::Sub}) whose service and last segment name a
     * store of the templates by its name property (a backup vault in another stack, say), in the
     * ARN's region when it names one.
     */
    public Optional<Resource> destination(Resource from, JsonNode value) {
        Optional<Resource> r = resolve(from, value);
        if (r.isPresent()) {
            return r;
        }
        String text = literal(value);
        if (text != null) {
            String name = text.replaceFirst("^arn:[^:]*:s3:::", "").replaceFirst("\\.s3[.-].*$", "").replaceFirst("/.*$", "");
            Resource bucket = bucketsByName.get(name);
            if (bucket != null) {
                return Optional.of(bucket);
            }
        }
        String arn = text != null ? text : arnText(from, value);
        return arn == null ? Optional.empty() : byArn(arn);
    }

    /** The store an ARN names by its service and name, when exactly one store of the templates matches. */
    private Optional<Resource> byArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        String service = parts[2];
        String region = parts[3];
        String name = parts[5].replaceFirst("^.*[:/]", "");
        if (name.contains("${")) {
            return Optional.empty();
        }
        List<Resource> named = byName.getOrDefault(name, List.of()).stream()
                .filter(c -> c.type().toLowerCase(java.util.Locale.ROOT).startsWith("aws::" + service + "::"))
                .filter(c -> !region.matches("[a-z]{2}(-gov)?-[a-z]+-\\d") || c.region().map(region::equals).orElse(true))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The text of an ARN built with {@code Fn::Join} or {@code Fn::Sub}, unknown parts as {@code ${?}}. */
    private static String arnText(Resource from, JsonNode value) {
        JsonNode join = value.path("Fn::Join");
        if (join.isArray() && value.size() == 1) {
            StringBuilder text = new StringBuilder();
            String sep = join.path(0).asText();
            boolean first = true;
            for (JsonNode part : join.path(1)) {
                if (!first) {
                    text.append(sep);
                }
                first = false;
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if ("AWS::Partition".equals(part.path("Ref").asText())) {
                    text.append("aws");
                } else if ("AWS::Region".equals(part.path("Ref").asText())) {
                    text.append(from.region().orElse("${?}"));
                } else {
                    text.append("${?}");
                }
            }
            return text.toString();
        }
        JsonNode sub = value.path("Fn::Sub");
        if (!sub.isMissingNode() && value.size() == 1) {
            String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
            text = text.replace("${AWS::Partition}", "aws");
            if (from.region().isPresent()) {
                text = text.replace("${AWS::Region}", from.region().get());
            }
            return text.replaceAll("\\$\\{[^}]*}", "\\${?}");
        }
        return null;
    }

    /** Where a destination is: its resource's stack region, else the region its ARN names. */
    public Optional<String> destinationRegion(Resource from, JsonNode value) {
        return destination(from, value).flatMap(Regions::of).or(() -> regionOf(from, value));
    }

    /** A string value with {@code AWS::Partition} filled in (Fn::Join of literals); null if not literal. */
    private static String literal(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode join = value.path("Fn::Join");
        if (!join.isArray() || value.size() != 1) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : join.path(1)) {
            if (part.isTextual()) {
                out.append(part.asText());
            } else if ("AWS::Partition".equals(part.path("Ref").asText())) {
                out.append("aws");
            } else {
                return null;
            }
            out.append(join.path(0).asText());
        }
        return out.substring(0, out.length() - join.path(0).asText().length());
    }

    /** Every resource referred to anywhere inside {@code node} (ARNs built with Fn::Join or Fn::Sub included). */
    public Set<Resource> referencesIn(Resource from, JsonNode node) {
        return referencesIn(from.stack(), node);
    }

    private Set<Resource> referencesIn(StackTemplate stack, JsonNode node) {
        Set<Resource> out = new LinkedHashSet<>();
        collect(stack, node, out);
        return out;
    }

    private void collect(StackTemplate stack, JsonNode node, Set<Resource> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Optional<Resource> r = resolve(stack, node, 0);
            if (r.isPresent()) {
                out.add(r.get());
                return;
            }
            JsonNode sub = node.get("Fn::Sub");
            if (sub != null && node.size() == 1) {
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)").matcher(text);
                while (m.find()) {
                    get(stack, m.group(1)).ifPresent(out::add);
                }
                if (sub.isArray()) {
                    collect(stack, sub.path(1), out);
                }
                return;
            }
            node.elements().forEachRemaining(child -> collect(stack, child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(stack, child, out));
        }
    }

    /**
     * The region a value (an ARN, or a reference to a resource) points into, when the templates
     * say it: a literal ARN's region, {@code AWS::Region} (the stack's own), or the region of the
     * stack of the resource it refers to. Empty when nothing says it.
     */
    public Optional<String> regionOf(Resource from, JsonNode value) {
        Optional<Resource> target = resolve(from, value);
        if (target.isPresent()) {
            return target.get().region();
        }
        if (value.isTextual()) {
            String[] parts = value.asText().split(":");
            return parts.length > 4 && parts[0].equals("arn") && !parts[3].isEmpty() ? Optional.of(parts[3]) : Optional.empty();
        }
        JsonNode join = value.path("Fn::Join");
        if (join.isArray() && value.size() == 1) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : join.path(1)) {
                if (part.isTextual()) {
                    text.append(part.asText());
                } else if ("AWS::Region".equals(part.path("Ref").asText())) {
                    text.append(from.region().orElse("${AWS::Region}"));
                } else {
                    text.append("${?}");
                }
                text.append(join.path(0).asText());
            }
            return regionOfText(from, text.toString());
        }
        JsonNode sub = value.path("Fn::Sub");
        if (!sub.isMissingNode() && value.size() == 1) {
            return regionOfText(from, sub.isArray() ? sub.path(0).asText() : sub.asText());
        }
        return Optional.empty();
    }

    private static Optional<String> regionOfText(Resource from, String arn) {
        String[] parts = arn.split(":", -1);
        if (parts.length < 5 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        if (parts[3].equals("${AWS::Region}")) {
            return from.region();
        }
        return parts[3].matches("[a-z]{2}(-gov)?-[a-z]+-\\d") ? Optional.of(parts[3]) : Optional.empty();
    }
}
