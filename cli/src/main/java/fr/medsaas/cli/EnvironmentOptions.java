package fr.medsaas.cli;

import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags that choose an environment: {@code --env} and {@code --config}. */
public final class EnvironmentOptions {
    /** The environment when neither --env nor --config says one. */
    static final String DEFAULT_ENVIRONMENT = "prod";

    @Option(names = {"-e", "--env"}, paramLabel = "ENV",
            description = "Environment: prod, staging or dev (reads config/ENV.yaml). Default: prod; with --config, "
                    + "the file's name must then be this environment.")
    String environment;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Read this configuration file instead of config/ENV.yaml.")
    Path configFile;

    /** Loads and validates the chosen configuration; throws ConfigException with every problem. */
    public EnvironmentConfig load() {
        if (configFile != null) {
            // --env and --config together: the file must describe that environment (CFG-2).
            return environment == null ? ConfigLoader.load(configFile) : ConfigLoader.load(configFile, environment);
        }
        return ConfigLoader.loadEnvironment(configDirectory(), environment == null ? DEFAULT_ENVIRONMENT : environment);
    }

    /**
     * Where the environments' files are: {@code config/} of the working folder when it has one,
     * else of the medsaas checkout the launcher runs from ({@code medsaas.home}).
     */
    static Path configDirectory() {
        Path local = Path.of("config");
        if (Files.isRegularFile(local.resolve("prod.yaml"))) {
            return local;
        }
        String home = System.getProperty("medsaas.home");
        return home == null ? local : Path.of(home, "config");
    }
}
