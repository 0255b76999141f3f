package fr.medsaas.platform.constructs.compliance;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * AWS Config in the region.
 *
 * @param namePrefix       prefix of the recorder's, channel's and rules' names
 * @param rules            the managed rules, from {@link ConfigRules}
 * @param recorder         the recorder and delivery channel to create; empty where the account has them
 */
public record ConfigRecordingProps(String namePrefix, List<ManagedRule> rules, Optional<Recorder> recorder) {
    public ConfigRecordingProps {
        rules = List.copyOf(rules);
    }

    /**
     * The recorder and its delivery channel.
     *
     * @param bucketName       the bucket of configuration snapshots and history, unique per account
     * @param accessLogsBucket the bucket of its S3 server access logs
     * @param auditKey         the key of that bucket, in the recorder's region
     * @param retentionDays    days snapshots and history files are kept
     * @param roleName         the recorder's role name; role names are global, so one per region
     * @param globalResources  whether it records the global resource types (IAM): AWS Config asks
     *                         that one region only do so, or each IAM change is recorded (and billed) once per region
     */
    public record Recorder(String bucketName, IBucket accessLogsBucket, IKey auditKey, int retentionDays, String roleName,
                           boolean globalResources) {
    }
}
