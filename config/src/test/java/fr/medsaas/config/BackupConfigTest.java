package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The backup section (BCK-1, BCK-3, S3-5): shipped values and each way it is refused. */
class BackupConfigTest {
    private static Path configDir() {
        String root = System.getProperty("medsaas.root");
        return root == null ? Path.of("..", "config") : Path.of(root, "config");
    }

    @Test
    @Requirement({"BCK-1", "HARD-9"})
    void bck1_prodKeepsThirtyDaysCopiedToTheBackupRegionUnderAComplianceLockWithACoolingOffWindow() {
        BackupConfig prod = ConfigLoader.loadEnvironment(configDir(), "prod").backup();
        assertThat(prod.retentionDays()).isEqualTo(30);
        assertThat(prod.copyToBackupRegion()).isTrue();
        assertThat(prod.lockMode()).isEqualTo(VaultLockMode.COMPLIANCE);
        assertThat(prod.lockChangeableForDays()).isEqualTo(3);
        assertThat(prod.lockMinRetentionDays()).isEqualTo(30);
        assertThat(prod.lockMaxRetentionDays()).isEqualTo(35);
        assertThat(prod.mediaReplication()).isTrue();
        assertThat(prod.replicaBucketName()).isEqualTo("medical-saas-media-prod-replica");
    }

    @Test
    @Requirement("BCK-1")
    void bck1_devKeepsFewerDaysButStillCopiesAndReplicates() {
        BackupConfig dev = ConfigLoader.loadEnvironment(configDir(), "dev").backup();
        assertThat(dev.retentionDays()).isLessThan(30);
        assertThat(dev.copyToBackupRegion()).isTrue();
        assertThat(dev.mediaReplication()).isTrue();
        assertThat(ConfigLoader.loadEnvironment(configDir(), "staging").backup().replicaBucketName())
                .isEqualTo("medical-saas-media-staging-replica");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("name: prod\nbackup: { retentionDays: 14, lockMinRetentionDays: 7 }\n",
                        "backup.retentionDays", "30 days or more in prod"),
                Arguments.of("name: dev\nbackup: { retentionDays: 3, lockMinRetentionDays: 1 }\n",
                        "backup.retentionDays", "7 days or more"),
                Arguments.of("name: prod\nbackup: { copyToBackupRegion: false }\n",
                        "backup.copyToBackupRegion", "true in prod"),
                Arguments.of("name: prod\nbackup: { lockMinRetentionDays: 31 }\n",
                        "backup.lockMinRetentionDays", "1 to retentionDays (30)"),
                Arguments.of("name: prod\nbackup: { lockMaxRetentionDays: 29 }\n",
                        "backup.lockMaxRetentionDays", "retentionDays (30) to 36500"),
                Arguments.of("name: prod\nbackup: { lockMode: governance }\n",
                        "backup.lockMode", "compliance in prod"),
                Arguments.of("name: dev\nbackup: { lockChangeableForDays: 31 }\n",
                        "backup.lockChangeableForDays", "3 to 30"),
                Arguments.of("name: prod\nbackup: { lockMode: strict }\n",
                        "backup.lockMode", "one of governance, compliance"),
                Arguments.of("name: prod\nbackup: { replicaBucketName: Media.Replica }\n",
                        "backup.replicaBucketName", "an S3 bucket name"),
                Arguments.of("name: prod\nbackup: { replicaBucketName: medical-saas-media-prod }\n",
                        "backup.replicaBucketName", "a name of its own"),
                Arguments.of("name: prod\nbackup: { mediaReplication: false }\n",
                        "backup.mediaReplication", "true in prod"));
    }

    @ParameterizedTest(name = "refuses {1}: {0}")
    @MethodSource("refused")
    @Requirement("BCK-3")
    void refusesABadBackupSection(String yaml, String field, String rule) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse(yaml + ConfigRulesTest.CERT, "case.yaml"));
        assertThat(e).as(yaml).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.rule()).contains(rule);
        });
    }

    @Test
    void devMayTurnTheCopyOffButProdMayNot() {
        String dev = "name: dev\nbackup: { copyToBackupRegion: false, mediaReplication: false, "
                + "replicaBucketName: medical-saas-media-x-replica }\nmedia: { bucketName: medical-saas-media-x }\n";
        assertThat(ConfigLoader.parse(dev + ConfigRulesTest.CERT, "dev.yaml").backup().copyToBackupRegion()).isFalse();
    }
}
