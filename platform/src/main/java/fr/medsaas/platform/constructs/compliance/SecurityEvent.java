package fr.medsaas.platform.constructs.compliance;

import java.util.List;
import java.util.Map;

/**
 * One kind of security event that must reach people within minutes (OBS-5), as plain data: the
 * EventBridge pattern that matches it and the readable message sent in its place (an input
 * transformer: the fields picked from the event, and the sentence they go into).
 *
 * @param id          construct id; part of the rule's logical ID
 * @param nameSuffix  the rule's name after the prefix
 * @param description what the rule catches
 * @param pattern     the EventBridge event pattern
 * @param inputPaths  names to JSON paths of the event, for the message
 * @param message     the message, with {@code <name>} placeholders of {@code inputPaths}
 */
public record SecurityEvent(String id, String nameSuffix, String description, Map<String, Object> pattern,
                            Map<String, String> inputPaths, String message) {
    public SecurityEvent {
        // Sorted at every depth: Map.of's order changes from one JVM to the next, and with it the template.
        @SuppressWarnings("unchecked")
        Map<String, Object> sorted = (Map<String, Object>) sorted(pattern);
        pattern = sorted;
        inputPaths = new java.util.TreeMap<>(inputPaths);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put((String) k, sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SecurityEvent::sorted).toList();
        }
        return value;
    }

    /** The kinds of security event of OBS-5. */
    public static List<SecurityEvent> all() {
        Map<String, String> apiCall = Map.of("event", "$.detail.eventName", "who", "$.detail.userIdentity.arn",
                "account", "$.account", "region", "$.region", "time", "$.time", "ip", "$.detail.sourceIPAddress");
        String apiMessage = " <event> by <who> from <ip> in account <account>, region <region>, at <time>.";
        return List.of(
                new SecurityEvent("GuardDutyFindings", "guardduty-findings",
                        "GuardDuty findings of medium severity and above (4.0 and more)",
                        Map.of("source", List.of("aws.guardduty"), "detail-type", List.of("GuardDuty Finding"),
                                "detail", Map.of("severity", List.of(Map.of("numeric", List.of(">=", 4))))),
                        Map.of("severity", "$.detail.severity", "type", "$.detail.type", "title", "$.detail.title",
                                "account", "$.account", "region", "$.region", "id", "$.detail.id"),
                        "GuardDuty finding, severity <severity>: <title> (<type>) in account <account>, region <region>. "
                                + "Finding id <id>."),
                new SecurityEvent("SecurityHubFindings", "securityhub-findings",
                        "Security Hub findings of high and critical severity, new and active (HARD-9)",
                        Map.of("source", List.of("aws.securityhub"), "detail-type", List.of("Security Hub Findings - Imported"),
                                "detail", Map.of("findings", Map.of(
                                        "Severity", Map.of("Label", List.of("HIGH", "CRITICAL")),
                                        "Workflow", Map.of("Status", List.of("NEW")),
                                        "RecordState", List.of("ACTIVE")))),
                        Map.of("severity", "$.detail.findings[0].Severity.Label", "title", "$.detail.findings[0].Title",
                                "product", "$.detail.findings[0].ProductName", "account", "$.account", "region", "$.region",
                                "id", "$.detail.findings[0].Id"),
                        "Security Hub finding, severity <severity>: <title> (<product>) in account <account>, region <region>. "
                                + "Finding id <id>."),
                new SecurityEvent("ConfigNonCompliant", "config-non-compliant",
                        "AWS Config rules turning NON_COMPLIANT",
                        Map.of("source", List.of("aws.config"), "detail-type", List.of("Config Rules Compliance Change"),
                                "detail", Map.of("messageType", List.of("ComplianceChangeNotification"),
                                        "newEvaluationResult", Map.of("complianceType", List.of("NON_COMPLIANT")))),
                        Map.of("rule", "$.detail.configRuleName", "type", "$.detail.resourceType",
                                "resource", "$.detail.resourceId", "account", "$.account", "region", "$.region"),
                        "AWS Config: <type> <resource> is NON_COMPLIANT with rule <rule> in account <account>, region <region>."),
                new SecurityEvent("RootActivity", "root-user-activity",
                        "Any API call or console sign-in of the account's root user in this region",
                        Map.of("detail-type", List.of("AWS API Call via CloudTrail", "AWS Console Sign In via CloudTrail"),
                                "detail", Map.of("userIdentity", Map.of("type", List.of("Root")))),
                        apiCall, "Root user activity:" + apiMessage),
                new SecurityEvent("TrailChanges", "trail-changes",
                        "The audit trail stopped, deleted or changed",
                        Map.of("source", List.of("aws.cloudtrail"), "detail-type", List.of("AWS API Call via CloudTrail"),
                                "detail", Map.of("eventSource", List.of("cloudtrail.amazonaws.com"),
                                        "eventName", List.of("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"))),
                        apiCall, "Audit trail changed:" + apiMessage),
                new SecurityEvent("KeyDeletion", "kms-key-deletion",
                        "A KMS key scheduled for deletion or disabled",
                        Map.of("source", List.of("aws.kms"), "detail-type", List.of("AWS API Call via CloudTrail"),
                                "detail", Map.of("eventSource", List.of("kms.amazonaws.com"),
                                        "eventName", List.of("ScheduleKeyDeletion", "DisableKey"))),
                        apiCall, "KMS key at risk:" + apiMessage),
                new SecurityEvent("KeyPolicyChanges", "kms-key-policy-changes",
                        "A KMS key's policy replaced (HARD-9: who may use or administer the key)",
                        Map.of("source", List.of("aws.kms"), "detail-type", List.of("AWS API Call via CloudTrail"),
                                "detail", Map.of("eventSource", List.of("kms.amazonaws.com"),
                                        "eventName", List.of("PutKeyPolicy"))),
                        apiCall, "KMS key policy changed:" + apiMessage));
    }

    /**
     * The events a region that holds keys but not the alerts topic forwards to the primary
     * region's bus (HARD-9): key deletion or disabling, key-policy changes, root activity, and the
     * findings of its GuardDuty detector, its Security Hub and its AWS Config rules. The trail's changes are not
     * among them: the multi-region trail lives in the primary region, where they are seen.
     */
    public static List<SecurityEvent> forwardedFromOtherRegions() {
        return all().stream().filter(e -> List.of("GuardDutyFindings", "SecurityHubFindings", "ConfigNonCompliant", "KeyDeletion",
                "KeyPolicyChanges", "RootActivity").contains(e.id())).toList();
    }

    /** The input template: the message as a JSON string, so SNS sends it as plain text. */
    public String inputTemplate() {
        return "\"" + message.replace("\"", "'") + "\"";
    }
}
