package fr.medsaas.platform.constructs.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.medsaas.config.AlarmsConfig;
import fr.medsaas.config.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The alarm catalogue as plain data, without CDK (OBS-2, OBS-3). */
class AlarmCatalogTest {
    private static final AlarmsConfig DEFAULTS = new AlarmsConfig(10, 1, 80, 10, 500, 80, 80, 0, 85, 85, 500, 3);
    private static final AlarmTargets TARGETS = new AlarmTargets("app/alb/1", "targetgroup/web/2", "x-postgres",
            List.of("x-redis-001", "x-redis-002", "x-redis-003"), "x-cluster", List.of("web", "worker"), "x-alb-waf",
            "eu-west-3", "production");

    @Test
    @Requirement("OBS-3")
    void obs3_oneAlarmPerConcernAndTwoPerService() {
        List<AlarmSpec> alarms = AlarmCatalog.alarms(DEFAULTS, TARGETS);
        assertThat(alarms).hasSize(10 + 2 * 2);
        assertThat(alarms).extracting(AlarmSpec::nameSuffix).doesNotHaveDuplicates()
                .contains("high-error-rate", "web-cpu", "worker-memory", "patient-data-access-anomaly");
    }

    @Test
    @Requirement("OBS-3")
    void obs3_redisAlarmsReadEveryNodeSoAFailoverDoesNotBlindThem() {
        AlarmSpec cpu = AlarmCatalog.alarms(DEFAULTS, TARGETS).stream().filter(a -> a.id().equals("CacheEngineCpu"))
                .findFirst().orElseThrow();
        assertThat(cpu.queries()).hasSize(4);
        assertThat(cpu.queries().get(3).expression()).contains("MAX([node1, node2, node3])");
    }

    @Test
    @Requirement("OBS-3")
    void obs3_freeStorageThresholdIsInBytes() {
        AlarmSpec storage = AlarmCatalog.alarms(DEFAULTS, TARGETS).stream().filter(a -> a.id().equals("DatabaseFreeStorage"))
                .findFirst().orElseThrow();
        assertThat(storage.threshold()).contains(10d * 1024 * 1024 * 1024);
        assertThat(storage.comparison()).isEqualTo("LessThanThreshold");
    }

    @Test
    @Requirement("OBS-2")
    void obs2_bandWidthComesFromConfiguration() {
        AlarmsConfig narrow = new AlarmsConfig(10, 1, 80, 10, 500, 80, 80, 0, 85, 85, 500, 2);
        AlarmSpec band = AlarmCatalog.alarms(narrow, TARGETS).get(AlarmCatalog.alarms(narrow, TARGETS).size() - 1);
        assertThat(band.thresholdMetricId()).contains("band");
        assertThat(band.queries().get(1).expression()).contains("ANOMALY_DETECTION_BAND(reads, 2)");
    }

    @Test
    void refusesAnAlarmWithBothAThresholdAndABand() {
        AlarmSpec.Query q = AlarmSpec.Query.metric("m", new AlarmSpec.Metric("N", "M", Map.of(), "Sum", 300), true);
        assertThatThrownBy(() -> new AlarmSpec("X", "x", "OBS-3", "d", List.of(q), "GreaterThanThreshold",
                Optional.of(1d), Optional.of("band"), 1, "missing")).hasMessageContaining("not both");
    }
}
