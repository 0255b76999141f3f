package fr.medsaas.cli;

import fr.medsaas.audit.AuditReport;
import fr.medsaas.audit.Auditor;
import fr.medsaas.audit.Progress;
import fr.medsaas.config.EnvironmentConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import fr.medsaas.sandbox.SandboxDeployer;

/**
 * {@code medsaas audit}: a read-only audit of a deployed environment (AUD-1), the live twins of
 * our rules and drift from the deployed templates; delegates to {@link Auditor}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit a deployed environment, read-only: encryption and keys, public access, TLS and region denies, "
                + "security-group ingress, the trail, log retention, residency, and CloudFormation drift.",
            "Each finding names the resource, its stack, logical ID and construct path, and the rule's references.",
            "Exit 0: nothing failed; 3: findings; 2: bad usage; 1: nothing could be read (e.g. no credentials).",
            "Progress goes to stderr; the report to stdout or --out. IAM policy: docs/audit.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing failed (what could not be checked is listed)", "1:nothing could be read",
            "2:bad usage or configuration", "3:findings"})
public final class AuditCommand implements Callable<Integer> {
    /** Report formats. */
    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Mixin
    EnvironmentOptions environment;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile (default: the default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every call to this endpoint: the local emulator "
            + "that deploy --local left running (its dummy credentials are used unless --profile is given); what the "
            + "emulator could not create is reported NOT EMULATED, apart from real failures.")
    String endpointUrl;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Optional<URI> endpoint = Optional.empty();
        if (endpointUrl != null) {
            try {
                URI u = new URI(endpointUrl);
                if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
                    throw new URISyntaxException(endpointUrl, "an http(s) URL is required");
                }
                endpoint = Optional.of(u);
            } catch (URISyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--endpoint-url: value \"" + endpointUrl
                        + "\" is refused: an http(s) URL such as http://127.0.0.1:5000");
            }
        }
        EnvironmentConfig config = environment.load();
        // The emulator takes any key: --endpoint-url brings the sandbox's dummy ones unless --profile names others.
        AwsCredentialsProvider credentials = profile != null ? ProfileCredentialsProvider.builder().profileName(profile).build()
                : endpoint.isPresent() ? StaticCredentialsProvider.create(SandboxDeployer.CREDENTIALS)
                : DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (SdkException | IllegalStateException e) {
            spec.commandLine().getErr().println("medsaas: " + AwsAccess.NO_CREDENTIALS
                    + (profile == null ? "" : " (profile " + profile + " has none)") + "; nothing was read");
            spec.commandLine().getErr().flush();
            return ExitCodes.INTERNAL;
        }
        AuditReport report;
        try (fr.medsaas.audit.AwsAccess aws = new fr.medsaas.audit.AwsAccess(credentials, endpoint, Auditor.CALL_TIMEOUT)) {
            report = Auditor.audit(config, aws, new Progress(spec.commandLine().getErr()), Auditor.DRIFT_TIMEOUT);
        }
        String text = switch (format) {
            case text -> report.toText();
            case json -> report.toJson();
            case sarif -> report.toSarif();
        };
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().printf("audit: report written to %s%n", out);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        }
        spec.commandLine().getErr().flush();
        return report.exitCode();
    }
}
