package fr.medsaas.audit;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackDriftDetectionStatusResponse;
import software.amazon.awssdk.services.cloudformation.model.StackDriftDetectionStatus;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDrift;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDriftStatus;

/**
 * MEDSAAS-DRIFT-1: each stack's CloudFormation drift detection (start, wait with a bounded
 * timeout, read the modified and deleted resources). Starting a detection is the audit's only
 * call that is not a List, Describe or Get: it writes nothing to any resource.
 */
final class DriftControls {
    private static final Duration POLL = Duration.ofSeconds(2);

    private final AwsAccess aws;
    private final Inventory inventory;
    private final Findings findings;
    private final Progress progress;
    private final Duration timeout;

    DriftControls(AwsAccess aws, Inventory inventory, Findings findings, Progress progress, Duration timeout) {
        this.aws = aws;
        this.inventory = inventory;
        this.findings = findings;
        this.progress = progress;
        this.timeout = timeout;
    }

    void run() {
        for (Inventory.DeployedStack s : inventory.stacks()) {
            progress.step(s.region(), "cloudformation", "drift of " + s.name());
            stack(s);
        }
    }

    private void stack(Inventory.DeployedStack s) {
        var cfn = aws.cloudFormation(s.region());
        AwsAccess.Read<String> started = aws.read(() -> cfn.detectStackDrift(r -> r.stackName(s.name())).stackDriftDetectionId());
        if (started.failed()) {
            findings.on(s.name(), s.region(), Control.DRIFT_1, Status.COULD_NOT_CHECK, "drift detection not started: " + started.unreadable());
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        DescribeStackDriftDetectionStatusResponse status = null;
        while (System.nanoTime() < deadline) {
            AwsAccess.Read<DescribeStackDriftDetectionStatusResponse> read = aws.read(
                    () -> cfn.describeStackDriftDetectionStatus(r -> r.stackDriftDetectionId(started.value())));
            if (read.failed()) {
                findings.on(s.name(), s.region(), Control.DRIFT_1, Status.COULD_NOT_CHECK, read.unreadable());
                return;
            }
            status = read.value();
            if (status.detectionStatus() != StackDriftDetectionStatus.DETECTION_IN_PROGRESS) {
                break;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (status == null || status.detectionStatus() == StackDriftDetectionStatus.DETECTION_IN_PROGRESS) {
            findings.on(s.name(), s.region(), Control.DRIFT_1, Status.COULD_NOT_CHECK,
                    "drift detection still running after " + timeout.toSeconds() + " s");
            return;
        }
        if (status.detectionStatus() == StackDriftDetectionStatus.DETECTION_FAILED && status.driftedStackResourceCount() == null) {
            findings.on(s.name(), s.region(), Control.DRIFT_1, Status.COULD_NOT_CHECK,
                    "drift detection failed: " + status.detectionStatusReason());
            return;
        }
        AwsAccess.Read<List<StackResourceDrift>> drifts = aws.read(() -> cfn.describeStackResourceDrifts(r -> r.stackName(s.name())
                .stackResourceDriftStatusFilters(StackResourceDriftStatus.MODIFIED, StackResourceDriftStatus.DELETED))
                .stackResourceDrifts());
        if (drifts.failed()) {
            findings.on(s.name(), s.region(), Control.DRIFT_1, Status.COULD_NOT_CHECK, drifts.unreadable());
            return;
        }
        if (drifts.value().isEmpty()) {
            findings.on(s.name(), s.region(), Control.DRIFT_1, Status.PASS, "in sync with its template");
        }
        for (StackResourceDrift d : drifts.value()) {
            String props = d.propertyDifferences().stream().map(p -> p.propertyPath() + " " + p.differenceTypeAsString())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            DeployedResource r = inventory.find(s.name(), d.logicalResourceId()).orElse(new DeployedResource(s.name(), s.region(),
                    d.logicalResourceId(), d.physicalResourceId(), d.resourceType(), "", com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
            findings.on(r, Control.DRIFT_1, Status.FAIL, d.stackResourceDriftStatusAsString() + (props.isEmpty() ? "" : ": " + props));
        }
    }
}
