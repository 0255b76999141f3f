package fr.medsaas.platform.constructs.app;

import fr.medsaas.config.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.constructs.Construct;

/** The ECR repositories of the services' images (CI-1), imported by name, each once. */
public final class ImageRepositories {
    private ImageRepositories() {
    }

    /** Repository name to repository, in the services' order; imported into {@code scope}. */
    public static Map<String, IRepository> imported(Construct scope, List<ServiceConfig> services) {
        Map<String, IRepository> repositories = new LinkedHashMap<>();
        for (ServiceConfig s : services) {
            repositories.computeIfAbsent(s.image().repository(), name ->
                    Repository.fromRepositoryName(scope, "Repository-" + name.replaceAll("[^A-Za-z0-9]", ""), name));
        }
        return repositories;
    }
}
