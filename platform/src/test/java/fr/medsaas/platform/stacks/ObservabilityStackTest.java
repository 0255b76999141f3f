package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import fr.medsaas.platform.constructs.observability.AlarmCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Observability stack of prod: OBS-2, OBS-3, OBS-4. */
class ObservabilityStackTest {
    private static Template prod;
    private static Map<String, Map<String, Object>> alarms;

    @BeforeAll
    static void synthesizeOnce() {
        prod = TestApps.template(TestApps.app("prod").observability());
        alarms = prod.findResources("AWS::CloudWatch::Alarm");
    }

    private static Map<String, Object> alarm(String logicalIdPrefix) {
        return alarms.entrySet().stream().filter(e -> e.getKey().startsWith(logicalIdPrefix)).findFirst()
                .map(e -> props(e.getValue())).orElseThrow(() -> new AssertionError("no alarm " + logicalIdPrefix));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @Test
    @Requirement("OBS-3")
    void obs3_alertsTopicIsNamedEncryptedWithTheAlertsKeyAndTlsOnly() {
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "medical-saas-alerts",
                "KmsMasterKeyId", Match.objectLike(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*KeysAlerts.*")))));
        prod.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    @Requirement("OBS-3")
    void obs3_onlyThisAccountsAlarmsAndRulesPublishOnAServicesBehalf() {
        for (String service : List.of("cloudwatch.amazonaws.com", "events.amazonaws.com")) {
            prod.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Allow",
                            "Principal", Map.of("Service", service), "Action", "sns:Publish",
                            "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))))))));
        }
    }

    @Test
    @Requirement("OBS-3")
    void obs3_subscribersComeFromConfiguration() {
        prod.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "alerts@example.org",
                "TopicArn", Match.anyValue()));
        prod.resourceCountIs("AWS::SNS::Subscription", 1);
    }

    @Test
    @Requirement("OBS-3")
    void obs3_theSourcesAlbAlarmFiresAboveTenServerErrorsOverTwoFiveMinutePeriods() {
        Map<String, Object> a = alarm("AlarmsLoadBalancer5xx");
        assertThat(a).containsEntry("AlarmName", "medical-saas-high-error-rate")
                .containsEntry("Threshold", 10).containsEntry("EvaluationPeriods", 2)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(a.get("Metrics").toString()).contains("HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count",
                "Period=300", "Stat=Sum", "FILL(elb, 0) + FILL(target, 0)");
    }

    @Test
    @Requirement("OBS-3")
    void obs3_everyRequiredResourceHasItsAlarm() {
        String all = alarms.values().stream().map(r -> props(r).get("Metrics").toString()).reduce("", String::concat);
        assertThat(all).contains("UnHealthyHostCount",
                "AWS/RDS", "CPUUtilization", "FreeStorageSpace", "DatabaseConnections", "medical-saas-postgres",
                "AWS/ElastiCache", "EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "Evictions",
                "medical-saas-redis-001", "medical-saas-redis-002",
                "AWS/ECS", "MemoryUtilization", "django-service", "celery-service", "medical-saas-cluster",
                "AWS/WAFV2", "BlockedRequests", "medical-saas-alb-waf");
        assertThat(alarms).hasSize(14);
    }

    @Test
    @Requirement("OBS-3")
    void obs3_everyAlarmNotifiesTheTopicOnAlarmAndOk() {
        assertThat(alarms.values()).allSatisfy(r -> {
            Map<String, Object> p = props(r);
            assertThat(p.get("AlarmActions").toString()).contains("AlertsE664E991");
            assertThat(p.get("OKActions")).isEqualTo(p.get("AlarmActions"));
        });
    }

    @Test
    @Requirement("OBS-3")
    void obs3_loadBalancerDimensionsAreWeakReferencesSoTheAppStackStaysFreeToReplaceIt() {
        String metrics = alarm("AlarmsUnhealthyTargets").get("Metrics").toString();
        assertThat(metrics).contains("Fn::GetStackOutput", "MedSaas-prod-App").doesNotContain("Fn::ImportValue");
    }

    @Test
    @Requirement("OBS-2")
    void obs2_patientDataAccessAlarmIsAnAnomalyBandOnTheApplicationsMetric() {
        Map<String, Object> a = alarm("AlarmsPatientDataAccess");
        assertThat(a).containsEntry("ComparisonOperator", "GreaterThanUpperThreshold").containsEntry("ThresholdMetricId", "band")
                .doesNotContainKey("Threshold");
        assertThat(a.get("Metrics").toString()).contains(AlarmCatalog.APPLICATION_NAMESPACE, AlarmCatalog.PATIENT_DATA_ACCESS,
                "Name=Environment, Value=production", "ANOMALY_DETECTION_BAND(reads, 3)");
    }

    @Test
    @Requirement("OBS-4")
    void obs4_oneDashboardShowingEveryAlarm() {
        prod.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        String body = prod.findResources("AWS::CloudWatch::Dashboard").values().iterator().next().toString();
        assertThat(body).contains("medical-saas-platform", "alarm:medical-saas-high-error-rate",
                "alarm:medical-saas-patient-data-access-anomaly", "${AWS::AccountId}");
    }
}
