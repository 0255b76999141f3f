package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.BackupConfig;
import fr.medsaas.config.ConfigValidator;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.MedSaasApp;
import fr.medsaas.platform.TestApps;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * Dev with the copy and the replication turned off, which only environments other than prod
 * accept: no copy action, no replication, no origin group, and acknowledgements that say so
 * instead of claiming a copy or a replica.
 */
class BackupOptionsOffTest {
    private static MedSaasApp app;

    @BeforeAll
    static void build() throws Exception {
        EnvironmentConfig dev = TestApps.config("dev");
        BackupConfig b = dev.backup();
        EnvironmentConfig off = dev.withBackup(new BackupConfig(b.retentionDays(), false, b.lockMode(),
                b.lockChangeableForDays(), b.lockMinRetentionDays(), b.lockMaxRetentionDays(), b.replicaBucketName(), false, false));
        assertThat(ConfigValidator.validate(off)).isEmpty();
        app = MedSaasApp.build(off, Files.createTempDirectory("medsaas-test-dev-off-"), false);
        app.synth();
    }

    private static List<String> acknowledged(IConstruct construct, String suffix) {
        List<String> reasons = new ArrayList<>();
        for (MetadataEntry entry : construct.getNode().getMetadata()) {
            if ("aws:cdk:acknowledged-rules".equals(entry.getType()) && entry.getData() instanceof Map<?, ?> data) {
                data.forEach((rule, reason) -> {
                    if (String.valueOf(rule).endsWith(suffix)) {
                        reasons.add(String.valueOf(reason));
                    }
                });
            }
        }
        return reasons;
    }

    @Test
    @Requirement("BCK-1")
    void bck1_withoutTheCopyThePlanHasNoCopyActionAndTheDataAcknowledgementClaimsNone() {
        Template backup = TestApps.template(app.backup());
        assertThat(backup.toJSON().toString()).doesNotContain("CopyActions");
        assertThat(acknowledged(app.data().postgres().instance(), "RDSInBackupPlan")).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("by ARN").doesNotContain("copies"));
    }

    @Test
    @Requirement("S3-5")
    void s3_5_withoutReplicationTheMediaBucketSaysWhyAndCloudFrontHasNoOriginGroup() {
        Template media = TestApps.template(app.media());
        media.hasResourceProperties("AWS::S3::Bucket", Map.of("BucketName", "medical-saas-media-dev",
                "ReplicationConfiguration", Match.absent()));
        assertThat(media.toJSON().toString()).doesNotContain("OriginGroups").doesNotContain("medical-saas-media-dev-replica");
        assertThat(app.media().replication()).isEmpty();
        assertThat(acknowledged(app.media().mediaBucket().bucket(), "S3BucketReplicationEnabled")).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("backup.mediaReplication is false"));
    }
}
