package fr.medsaas.audit;

import fr.medsaas.config.EnvironmentConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code medsaas audit}: reads the environment's deployed stacks in each of its regions,
 * then every control on their resources and on the account, then drift. Read-only: every call
 * goes through {@link AwsAccess}, whose {@link ReadOnlyGuard} refuses anything else.
 */
public final class Auditor {
    /** The time box of one API call (the SDK's apiCallTimeout, retries included). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** How long each stack's drift detection may run. */
    public static final Duration DRIFT_TIMEOUT = Duration.ofSeconds(120);

    private Auditor() {
    }

    /** Audits {@code config}'s environment through {@code aws}. */
    public static AuditReport audit(EnvironmentConfig config, AwsAccess aws, Progress progress, Duration driftTimeout) {
        List<String> regions = new ArrayList<>(new LinkedHashSet<>(List.of(config.regions().primary(),
                config.regions().backup(), config.regions().edge())));
        Findings findings = new Findings();
        Optional<String> noCredentials = aws.credentialsProblem();
        if (noCredentials.isPresent()) {
            for (Control c : Control.values()) {
                findings.on("account", "", c, Status.COULD_NOT_CHECK, noCredentials.get());
            }
            return new AuditReport(config.name(), Instant.now(), regions, findings.all(), List.of());
        }
        String prefix = config.stackName("");
        Inventory inventory = Inventory.read(aws, regions, prefix, progress);
        for (Map.Entry<String, String> e : inventory.unreadableRegions().entrySet()) {
            findings.on("stacks", e.getKey(), Control.DRIFT_1, Status.COULD_NOT_CHECK, e.getValue());
        }
        new ResourceControls(aws, inventory, findings, progress, List.of(config.regions().primary(), config.regions().backup())).run();
        new AccountControls(aws, inventory, findings, progress, config).run();
        new DriftControls(aws, inventory, findings, progress, driftTimeout).run();
        List<AuditFinding> all = findings.all();
        if (aws.endpointOverride()) {
            // Against the emulator only: a real account's templates never carry the sandbox's list.
            all = EmulatorGaps.of(inventory).apply(all);
        }
        return new AuditReport(config.name(), Instant.now(), regions, all, List.copyOf(aws.guard().called()));
    }
}
