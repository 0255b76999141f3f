package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data section of the configuration (DB-1..8, RD-1..4, CFG-1): defaults and rules. */
class DataConfigTest {

    /** An environment with nothing but its name and the given {@code data} section, at YAML indentation 0. */
    private static EnvironmentConfig parse(String name, String data) {
        return ConfigLoader.parse("name: " + name + "\n" + data + "\n" + ConfigRulesTest.CERT, name + ".yaml");
    }

    private static List<Problem> problems(String name, String data) {
        try {
            parse(name, data);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("the configuration was accepted");
    }

    private static Path configDir() {
        String root = System.getProperty("medsaas.root");
        Path dir = root == null ? Path.of("..", "config") : Path.of(root, "config");
        return Files.isDirectory(dir) ? dir : Path.of("..", "config");
    }

    @Test
    @Requirement("CFG-1")
    void prodDefaultsAreTheSourceValues() {
        DataConfig data = parse("prod", "").data();
        PostgresConfig pg = data.postgres();
        assertThat(pg.version()).isEqualTo("15.15");
        assertThat(pg.instanceClass()).isEqualTo("db.r6g.xlarge");
        assertThat(pg.allocatedStorageGiB()).isEqualTo(100);
        assertThat(pg.maxAllocatedStorageGiB()).isGreaterThan(100);
        assertThat(pg.multiAz()).isTrue();
        assertThat(pg.backupRetentionDays()).isEqualTo(30);
        assertThat(pg.performanceInsightsRetentionDays()).isEqualTo(7);
        assertThat(pg.deletionProtection()).isTrue();
        RedisConfig redis = data.redis();
        assertThat(redis.engine()).isEqualTo(RedisEngine.REDIS);
        assertThat(redis.engineVersion()).isEqualTo("7.0");
        assertThat(redis.nodeType()).isEqualTo("cache.r6g.large");
        assertThat(redis.numNodes()).isEqualTo(2);
        assertThat(redis.multiAz()).isTrue();
        assertThat(redis.snapshotRetentionDays()).isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging", "dev"})
    @Requirement("CFG-1")
    void shippedEnvironmentsLoad(String env) {
        assertThat(ConfigLoader.loadEnvironment(configDir(), env).data()).isNotNull();
    }

    @Test
    @Requirement("CFG-1")
    void prodFileKeepsTheSourceValues() {
        DataConfig data = ConfigLoader.loadEnvironment(configDir(), "prod").data();
        assertThat(data).isEqualTo(parse("prod", "").data());
    }

    @Test
    @Requirement("DB-1")
    void shippedVersionListIsDatedAndHasTheMinorsRdsOffers() {
        PostgresVersions shipped = PostgresVersions.shipped();
        assertThat(shipped.takenOn()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(shipped.versions()).contains("15.13", "15.14", "15.15", "16.11", "17.7")
                .doesNotContain("15.4");
        // RDS stopped creating these minors on 2026-05-01 (end of standard support 2026-05-31).
        assertThat(shipped.versions()).doesNotContain("15.10", "15.12", "16.6", "16.8", "17.2", "17.4");
        assertThat(shipped.majors()).containsExactly("15", "16", "17");
    }

    @Test
    @Requirement("DB-1")
    void refusesTheRetiredSourceVersionNamingTheMinorsOfItsMajor() {
        List<Problem> problems = problems("prod", "data: {postgres: {version: \"15.4\"}}");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("data.postgres.version");
            assertThat(p.value()).isEqualTo("15.4");
            assertThat(p.rule()).contains("PostgreSQL 15", "15.13", "15.15", "rds-postgres-versions.txt")
                    .doesNotContain("16.11");
            assertThat(p.toString()).startsWith("data.postgres.version: value \"15.4\" is refused: ");
        });
    }

    @Test
    @Requirement("DB-1")
    void refusesAMajorRdsDoesNotOfferNamingTheMajors() {
        assertThat(problems("prod", "data: {postgres: {version: \"14.12\"}}")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("15, 16, 17"));
    }

    @Test
    @Requirement("DB-1")
    void refusesAnUnquotedVersionThatYamlReadsAsANumber() {
        assertThat(problems("prod", "data: {postgres: {version: 15.15}}")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("quote it"));
    }

    @Test
    @Requirement("DB-1")
    void acceptsEveryShippedVersion() {
        for (String v : PostgresVersions.shipped().versions()) {
            assertThat(parse("prod", "data: {postgres: {version: \"" + v + "\"}}").data().postgres().version()).isEqualTo(v);
        }
    }

    @Test
    @Requirement("DB-1")
    void refusesAVersionsFileWithoutItsDate() {
        assertThatThrownBy(() -> PostgresVersions.parse("15.10\n")).hasMessageContaining("Taken");
    }

    @Test
    @Requirement("DB-2")
    void refusesAnAutoscalingCeilingNotTenPercentAboveTheAllocatedStorage() {
        assertThat(problems("prod", "data: {postgres: {allocatedStorageGiB: 100, maxAllocatedStorageGiB: 100}}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("data.postgres.maxAllocatedStorageGiB");
                    assertThat(p.rule()).contains("110 to 65536");
                });
        assertThat(problems("prod", "data: {postgres: {allocatedStorageGiB: 100, maxAllocatedStorageGiB: 105}}")).hasSize(1);
        assertThat(parse("prod", "data: {postgres: {allocatedStorageGiB: 100, maxAllocatedStorageGiB: 110}}")).isNotNull();
    }

    @Test
    @Requirement("DB-2")
    void refusesStorageBelowTheGp3Minimum() {
        assertThat(problems("dev", "data: {postgres: {allocatedStorageGiB: 10, maxAllocatedStorageGiB: 20}}"))
                .extracting(Problem::field).containsExactly("data.postgres.allocatedStorageGiB");
    }

    @Test
    @Requirement("DB-2")
    void refusesAnInstanceClassWithoutItsDbPrefix() {
        assertThat(problems("prod", "data: {postgres: {instanceClass: r6g.xlarge}}"))
                .extracting(Problem::field).containsExactly("data.postgres.instanceClass");
    }

    @Test
    @Requirement("DB-5")
    void refusesASingleZoneDatabaseInProd() {
        assertThat(problems("prod", "data: {postgres: {multiAz: false}}")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("DB-5"));
    }

    @Test
    @Requirement("DB-5")
    void acceptsASingleZoneDatabaseInDev() {
        assertThat(parse("dev", "data: {postgres: {multiAz: false}}").data().postgres().multiAz()).isFalse();
    }

    @Test
    @Requirement("DB-6")
    void refusesSevenDaysOfBackupsInProd() {
        assertThat(problems("prod", "data: {postgres: {backupRetentionDays: 7}}")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("data.postgres.backupRetentionDays");
            assertThat(p.value()).isEqualTo("7");
            assertThat(p.rule()).contains("30 to 35 in prod");
        });
    }

    @Test
    @Requirement("DB-6")
    void acceptsSevenDaysOfBackupsOutsideProd() {
        assertThat(parse("staging", "data: {postgres: {backupRetentionDays: 7}}").data().postgres().backupRetentionDays())
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 36})
    @Requirement("DB-6")
    void refusesBackupRetentionOutsideWhatRdsKeeps(int days) {
        assertThat(problems("dev", "data: {postgres: {backupRetentionDays: " + days + "}}"))
                .extracting(Problem::field).containsExactly("data.postgres.backupRetentionDays");
    }

    @Test
    @Requirement("DB-6")
    void refusesDeletionProtectionOffInProd() {
        assertThat(problems("prod", "data: {postgres: {deletionProtection: false}}"))
                .extracting(Problem::field).containsExactly("data.postgres.deletionProtection");
        assertThat(parse("dev", "data: {postgres: {deletionProtection: false}}")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30, 365})
    @Requirement("DB-7")
    void refusesAPerformanceInsightsRetentionItDoesNotOffer(int days) {
        assertThat(problems("prod", "data: {postgres: {performanceInsightsRetentionDays: " + days + "}}"))
                .extracting(Problem::field).containsExactly("data.postgres.performanceInsightsRetentionDays");
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 31, 93, 713, 731})
    @Requirement("DB-7")
    void acceptsThePerformanceInsightsRetentions(int days) {
        assertThat(parse("prod", "data: {postgres: {performanceInsightsRetentionDays: " + days + "}}")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "Medical", "1db", "medical-saas"})
    void refusesADatabaseNameThatIsNotAFreePostgresIdentifier(String name) {
        assertThat(problems("prod", "data: {postgres: {databaseName: \"" + name + "\"}}"))
                .extracting(Problem::field).containsExactly("data.postgres.databaseName");
    }

    @Test
    @Requirement("RD-1")
    void acceptsValkey() {
        RedisConfig redis = parse("prod", "data: {redis: {engine: valkey, engineVersion: \"8.0\"}}").data().redis();
        assertThat(redis.engine()).isEqualTo(RedisEngine.VALKEY);
        assertThat(redis.engine().toString()).isEqualTo("valkey");
    }

    @Test
    @Requirement("RD-1")
    void refusesARedisVersionForValkey() {
        assertThat(problems("prod", "data: {redis: {engine: valkey, engineVersion: \"7.0\"}}")).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("data.redis.engineVersion");
                    assertThat(p.rule()).contains("valkey", "7.2, 8.0, 8.1");
                });
    }

    @Test
    @Requirement("RD-1")
    void refusesAnEngineOtherThanRedisOrValkey() {
        assertThat(problems("prod", "data: {redis: {engine: memcached}}")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("data.redis.engine");
            assertThat(p.rule()).isEqualTo("one of redis, valkey");
        });
    }

    @Test
    @Requirement("RD-1")
    void refusesANodeTypeWithoutItsCachePrefix() {
        assertThat(problems("prod", "data: {redis: {nodeType: r6g.large}}"))
                .extracting(Problem::field).containsExactly("data.redis.nodeType");
    }

    @Test
    @Requirement("RD-4")
    void refusesMultiAzWithASingleNode() {
        assertThat(problems("dev", "data: {redis: {numNodes: 1, multiAz: true}}")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("data.redis.numNodes");
            assertThat(p.rule()).contains("at least 2");
        });
    }

    @Test
    @Requirement("RD-4")
    void acceptsOneNodeWithoutFailoverInDev() {
        RedisConfig redis = parse("dev", "data: {redis: {numNodes: 1, multiAz: false}}").data().redis();
        assertThat(redis.numNodes()).isEqualTo(1);
    }

    @Test
    @Requirement("RD-4")
    void refusesRedisWithoutFailoverInProd() {
        assertThat(problems("prod", "data: {redis: {multiAz: false}}"))
                .extracting(Problem::field).containsExactly("data.redis.multiAz");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 14, 36})
    @Requirement("RD-4")
    void refusesASnapshotRetentionOutsideFifteenToThirtyFiveDays(int days) {
        assertThat(problems("dev", "data: {redis: {snapshotRetentionDays: " + days + "}}"))
                .extracting(Problem::field).containsExactly("data.redis.snapshotRetentionDays");
    }

    @Test
    @Requirement("CFG-1")
    void refusesEveryBadDataValueAtOnce() {
        assertThatThrownBy(() -> parse("prod", """
                data:
                  postgres: {version: "15.4", backupRetentionDays: 7, multiAz: false}
                  redis: {numNodes: 9, snapshotRetentionDays: 1}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("5 problems")
                .hasMessageContaining("data.postgres.version")
                .hasMessageContaining("data.postgres.backupRetentionDays")
                .hasMessageContaining("data.postgres.multiAz")
                .hasMessageContaining("data.redis.numNodes")
                .hasMessageContaining("data.redis.snapshotRetentionDays");
    }

    @Test
    @Requirement("CFG-1")
    void refusesAnUnknownDataField() {
        assertThat(problems("prod", "data: {postgres: {backupRetention: 30}}")).singleElement()
                .satisfies(p -> assertThat(p.rule()).contains("did you mean \"backupRetentionDays\""));
    }
}
