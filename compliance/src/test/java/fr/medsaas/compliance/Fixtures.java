package fr.medsaas.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.compliance.check.ResourceGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule fixtures: one JSON file a case, {@code {"Stack@region": template, ...}}, so that a case
 * can span stacks and regions as an assembly does.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The graph of the fixture {@code rules/<name>} on the test class path. */
    public static ResourceGraph graph(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture rules/" + name);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<StackTemplate> stacks = new ArrayList<>();
            root.fields().forEachRemaining(e -> {
                String[] parts = e.getKey().split("@");
                stacks.add(new StackTemplate(parts[0], parts[0], parts[1], parts[0] + ".template.json", List.of(), e.getValue()));
            });
            return new ResourceGraph(stacks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
