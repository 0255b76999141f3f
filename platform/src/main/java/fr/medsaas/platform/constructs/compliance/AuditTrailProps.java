package fr.medsaas.platform.constructs.compliance;

import fr.medsaas.config.ObjectLockMode;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * The audit trail.
 *
 * @param trailName          the trail's name
 * @param bucketName         its bucket's name, unique per account
 * @param accessLogsBucket   the bucket of its bucket's S3 server access logs
 * @param logGroupName       its CloudWatch Logs log group
 * @param auditKey           the audit key: the trail's files
 * @param logsKey            the logs key: its log group (OBS-1)
 * @param retentionDays      days files and log events are kept, and locked (CMP-5, OBS-1)
 * @param lockMode           the bucket's Object Lock mode
 * @param healthDataBuckets  the buckets whose object reads and writes are recorded (data events): the media
 *                           bucket and its replica (the trail is multi-region)
 * @param alertsTopicArn     where the root-activity alarm goes
 * @param alarmNamePrefix    prefix of that alarm's name
 */
public record AuditTrailProps(String trailName, String bucketName,
                              IBucket accessLogsBucket, String logGroupName,
                              IKey auditKey, IKey logsKey, int retentionDays, ObjectLockMode lockMode,
                              java.util.List<String> healthDataBuckets, String alertsTopicArn, String alarmNamePrefix) {
}
