package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** CFG-1 for the observability and compliance sections: defaults, and one case per way a value is refused. */
class ObservabilityComplianceConfigTest {

    private static EnvironmentConfig parse(String yaml) {
        return ConfigLoader.parse(yaml + ConfigRulesTest.CERT, "case.yaml");
    }

    @Test
    @Requirement("OBS-3")
    void defaultsAreTheSourcesAlarmAndAFreshAccount() {
        EnvironmentConfig c = parse("name: prod\n");
        assertThat(c.observability().alertEmails()).isEmpty();
        assertThat(c.observability().alertHttpsEndpoint()).isNull();
        assertThat(c.observability().alarms().loadBalancer5xx()).isEqualTo(10);
        assertThat(c.observability().alarms().patientDataAccessBandWidth()).isEqualTo(3);
        // A fresh account has no recorder and no detector: the defaults create them.
        assertThat(c.compliance().configRecorder()).isEqualTo(Provisioning.CREATE);
        assertThat(c.compliance().guardDuty()).isEqualTo(Provisioning.CREATE);
        // HARD-9: the trail's files are locked in compliance mode unless an environment's file says otherwise.
        assertThat(c.compliance().trailObjectLock()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(c.compliance().securityHub()).isTrue();
    }

    @Test
    @Requirement("HARD-9")
    void theBackupRegionIsWatchedByDefaultAsThePrimaryIs() {
        assertThat(parse("name: prod\n").compliance().backupRegion()).isEqualTo(BackupRegionMonitoringConfig.created());
        // A section given in part keeps the other defaults.
        EnvironmentConfig c = parse("name: dev\ncompliance: { backupRegion: { guardDuty: use-existing } }\n");
        assertThat(c.compliance().backupRegion()).isEqualTo(new BackupRegionMonitoringConfig(
                Provisioning.CREATE, Provisioning.USE_EXISTING, true));
        // The shipped files: prod and dev create everything there (dev is cheaper, never less watched).
        assertThat(ConfigLoader.loadEnvironment(MediaConfigTest.configDir(), "prod").compliance().backupRegion())
                .isEqualTo(BackupRegionMonitoringConfig.created());
        EnvironmentConfig dev = ConfigLoader.loadEnvironment(MediaConfigTest.configDir(), "dev");
        assertThat(dev.compliance().backupRegion()).isEqualTo(BackupRegionMonitoringConfig.created());
        assertThat(dev.compliance().securityHub()).isTrue();
    }

    @Test
    @Requirement("HARD-9")
    void guardDutyProtectionPlansAreOnByDefaultAndRefusedOffInProd() {
        assertThat(parse("name: prod\n").compliance().guardDutyProtection()).isEqualTo(GuardDutyProtectionConfig.all());
        // Outside prod a plan may be turned off, the others keeping their default.
        EnvironmentConfig dev = parse("name: dev\ncompliance: { guardDutyProtection: { malwareProtection: false } }\n");
        assertThat(dev.compliance().guardDutyProtection()).isEqualTo(new GuardDutyProtectionConfig(true, true, false));
        // The shipped files keep every plan on, dev included (docs/cost.md: a few dollars a month).
        for (String env : new String[] {"prod", "dev", "staging"}) {
            assertThat(ConfigLoader.loadEnvironment(MediaConfigTest.configDir(), env).compliance().guardDutyProtection())
                    .as(env).isEqualTo(GuardDutyProtectionConfig.all());
        }
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("name: prod\ncompliance: { guardDutyProtection: "
                + "{ rdsProtection: false, runtimeMonitoring: false } }\n"));
        assertThat(e.getMessage()).contains("compliance.guardDutyProtection.rdsProtection")
                .contains("compliance.guardDutyProtection.runtimeMonitoring");
    }

    @Test
    @Requirement("CMP-1")
    void useExistingIsAccepted() {
        EnvironmentConfig c = parse("name: dev\ncompliance: { configRecorder: use-existing, guardDuty: use-existing, "
                + "trailObjectLock: governance, backupRegion: { configRecorder: use-existing } }\n");
        assertThat(c.compliance().backupRegion().configRecorder()).isEqualTo(Provisioning.USE_EXISTING);
        assertThat(c.compliance().configRecorder()).isEqualTo(Provisioning.USE_EXISTING);
        assertThat(c.compliance().guardDuty()).isEqualTo(Provisioning.USE_EXISTING);
        // governance stays allowed outside prod, when the file says so
        assertThat(c.compliance().trailObjectLock()).isEqualTo(ObjectLockMode.GOVERNANCE);
    }

    @Test
    @Requirement("OBS-3")
    void alertSubscribersAreRead() {
        EnvironmentConfig c = parse("name: prod\nobservability: { alertEmails: [oncall@example.org, dpo@example.fr], "
                + "alertHttpsEndpoint: \"https://hooks.example.org/alerts\" }\n");
        assertThat(c.observability().alertEmails()).containsExactly("oncall@example.org", "dpo@example.fr");
        assertThat(c.observability().alertHttpsEndpoint()).isEqualTo("https://hooks.example.org/alerts");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an alert e-mail that is not an address", "observability: { alertEmails: [on-call team] }\n",
                        "observability.alertEmails[0]", "an e-mail address such as alerts@example.org"),
                Arguments.of("an alert e-mail without a domain", "observability: { alertEmails: [alerts@localhost] }\n",
                        "observability.alertEmails[0]", "an e-mail address"),
                Arguments.of("an alert e-mail twice",
                        "observability: { alertEmails: [alerts@example.org, Alerts@example.org] }\n",
                        "observability.alertEmails[1]", "each address once"),
                Arguments.of("a plain-HTTP endpoint", "observability: { alertHttpsEndpoint: \"http://hooks.example.org/x\" }\n",
                        "observability.alertHttpsEndpoint", "an https:// URL"),
                Arguments.of("a percentage above 100", "observability: { alarms: { databaseCpuPercent: 120 } }\n",
                        "observability.alarms.databaseCpuPercent", "1 to 100"),
                Arguments.of("a band of no width", "observability: { alarms: { patientDataAccessBandWidth: 0 } }\n",
                        "observability.alarms.patientDataAccessBandWidth", "1 to 10"),
                Arguments.of("an unknown provisioning", "compliance: { guardDuty: maybe }\n",
                        "compliance.guardDuty", "one of create, use-existing"),
                Arguments.of("an unknown lock mode", "compliance: { trailObjectLock: legal-hold }\n",
                        "compliance.trailObjectLock", "one of governance, compliance"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refused")
    @Requirement("CFG-1")
    void refuses(String why, String yaml, String field, String rule) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse("name: prod\n" + yaml));
        assertThat(e).as(why).isNotNull();
        assertThat(e.problems()).as(why).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.rule()).contains(rule);
        });
        assertThat(e.getMessage()).contains(field);
    }
}
