package fr.medsaas.compliance.report;

import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.check.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a resource is written: its template file (relative to a base folder) and line. */
final class Locations {
    private final ResourceGraph graph;
    private final Path base;
    private final Map<Path, List<String>> lines = new HashMap<>();

    Locations(ResourceGraph graph, Path base) {
        this.graph = graph;
        this.base = base.toAbsolutePath().normalize();
    }

    /** The template file as a relative, slash-separated path when under the base, else absolute. */
    Optional<String> uri(Resource r) {
        return graph.file(r.stack()).map(f -> {
            Path abs = f.toAbsolutePath().normalize();
            Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
            return shown.toString().replace('\\', '/');
        });
    }

    /** The 1-based line of the resource's logical id in its template. */
    int line(Resource r) {
        Optional<Path> file = graph.file(r.stack());
        if (file.isEmpty()) {
            return 1;
        }
        List<String> text = lines.computeIfAbsent(file.get(), f -> {
            try {
                return Files.readAllLines(f);
            } catch (IOException e) {
                return List.of();
            }
        });
        return TemplateReader.lineOf(text, r.logicalId());
    }
}
