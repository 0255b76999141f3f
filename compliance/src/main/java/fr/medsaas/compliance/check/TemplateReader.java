package fr.medsaas.compliance.check;

import com.fasterxml.jackson.databind.JsonNode;
import fr.medsaas.compliance.assembly.JsonTree;
import fr.medsaas.compliance.assembly.StackTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads any CloudFormation template, JSON or YAML (short-form tags such as {@code !Ref} and
 * {@code !GetAtt} turned into their long form), and finds the line of a resource in it.
 */
public final class TemplateReader {
    private TemplateReader() {
    }

    /** A file that is not a readable CloudFormation template. */
    public static final class NotATemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotATemplateException(String message) {
            super(message);
        }
    }

    /**
     * Reads one template as a stack of its own, named after the file.
     *
     * @param region the region it is deployed to, when the caller knows it; else rules say they cannot decide
     */
    public static StackTemplate read(Path file, Optional<String> region) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NotATemplateException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        JsonNode root = parse(file, text);
        if (!root.isObject() || !root.path("Resources").isObject()) {
            throw new NotATemplateException(file + ": not a CloudFormation template (no Resources section of resources by logical id)");
        }
        String name = file.getFileName().toString().replaceFirst("\\.(template\\.)?(json|ya?ml|template)$", "");
        return new StackTemplate(file.getFileName().toString(), name, region.orElse(null), file.toString(), List.of(), root);
    }

    private static JsonNode parse(Path file, String text) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            try {
                return JsonTree.parse(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new NotATemplateException(file + ": unreadable JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new NotATemplateException(file + ": unreadable JSON (" + e.getMessage() + ")");
            }
        }
        try {
            // SnakeYAML's loader without the Yaml facade, whose representer and dumper this never uses.
            LoaderOptions options = new LoaderOptions();
            CloudFormationConstructor constructor = new CloudFormationConstructor(options);
            constructor.setComposer(new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options));
            return JsonTree.of(constructor.getSingleData(Object.class));
        } catch (YAMLException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
            throw new NotATemplateException(file + ": unreadable YAML (" + message + ")");
        }
    }

    /** Turns CloudFormation's short-form tags into the long form: {@code !Ref x} into {@code {"Ref": "x"}}. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            // An unquoted date (AWSTemplateFormatVersion: 2010-09-09) is the string CloudFormation reads.
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue().substring(1);
                    Object value;
                    if (node instanceof ScalarNode s) {
                        value = s.getValue();
                        if (tag.equals("GetAtt")) {
                            value = List.of(s.getValue().split("\\.", 2));
                        }
                    } else if (node instanceof SequenceNode s) {
                        value = new ArrayList<>(constructSequence(s));
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, value);
                }
            });
        }
    }

    /**
     * The 1-based line where {@code logicalId} is declared under {@code Resources} in the file's
     * text (JSON or YAML), or 1 when it cannot be found.
     */
    public static int lineOf(List<String> lines, String logicalId) {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^\\s*[\"']?" + java.util.regex.Pattern.quote(logicalId) + "[\"']?\\s*:");
        boolean inResources = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inResources && line.matches("^\\s*[\"']?Resources[\"']?\\s*:.*")) {
                inResources = true;
            } else if (inResources && key.matcher(line).find()) {
                return i + 1;
            }
        }
        return 1;
    }
}
