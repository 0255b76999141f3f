package fr.medsaas.platform.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * BCK-2: the restore runbook has the commands of each restore path, and names the resources the
 * prod assembly really has (a runbook naming a vault or database that does not exist is worse
 * than none in the middle of an incident).
 */
class RestoreRunbookTest {
    private static String runbook() throws IOException {
        String root = System.getProperty("medsaas.root");
        Path p = (root == null ? Path.of("..") : Path.of(root)).resolve("docs/disaster-recovery.md");
        return Files.readString(Files.exists(p) ? p : Path.of("../docs/disaster-recovery.md"));
    }

    @Test
    @Requirement("BCK-2")
    void theRunbookHasEveryRestorePathWithItsCommands() throws IOException {
        String doc = runbook();
        assertThat(doc).contains("## Restore runbook (BCK-2)",
                "aws rds restore-db-instance-to-point-in-time",         // point in time, eu-west-3
                "aws backup start-restore-job",                          // from a recovery point
                "aws backup start-copy-job",                             // bring the Frankfurt copy back
                "aws s3api list-object-versions", "aws s3api copy-object", // an object version
                "aws s3api get-bucket-replication",                      // the replica bucket
                "aws rds start-export-task",                             // reversibility (HDS EXI 27)
                "RPO", "RTO");
    }

    @Test
    @Requirement("BCK-2")
    void theRunbookNamesTheResourcesOfTheProdAssembly() throws IOException {
        EnvironmentConfig prod = TestApps.config("prod");
        String doc = runbook();
        assertThat(doc).contains(prod.physicalName("postgres"), prod.media().bucketName(), prod.backup().replicaBucketName(),
                prod.regions().backup());
        String backupStack = TestApps.template(TestApps.app("prod").backup()).toJSON().toString();
        assertThat(backupStack).contains("AWS::Backup::BackupVault", "AWS::Backup::BackupPlan");
    }
}
