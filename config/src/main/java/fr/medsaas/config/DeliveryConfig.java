package fr.medsaas.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECR, CodeBuild and CodePipeline (CI-1..3): where the pipeline takes its source, how many
 * images the repositories keep, how long pipeline artifacts live, and whether a person approves
 * a release and the alerts topic hears of failures.
 *
 * @param source                  a CodeConnections connection ARN (with {@code repository} and
 *                                {@code branch}), or an S3 location {@code s3://bucket/key.zip}
 * @param repository              the Git repository ({@code owner/name}) of a connection source
 * @param branch                  the branch a connection source follows
 * @param imagesKept              tagged images each repository keeps (the newest)
 * @param untaggedImageExpiryDays days after which an untagged image is expired
 * @param artifactExpiryDays      days after which a pipeline artifact is deleted
 * @param manualApproval          whether a person approves each release before it is deployed
 * @param notifyAlerts            whether failures and waiting approvals go to the alerts topic
 */
public record DeliveryConfig(
        @Doc(value = "Pipeline source (CI-3): a CodeConnections connection ARN of the primary region, or an S3 "
                + "location of a zip (versioned bucket). The default is a placeholder: replace it",
                defaultValue = "arn:aws:codeconnections:eu-west-3:123456789012:connection/00000000-0000-4000-8000-000000000000",
                rule = "arn:aws:codeconnections:<primary region>:<12 digits>:connection/<uuid> (or codestar-connections), "
                        + "or s3://<bucket>/<key>.zip")
        String source,
        @Doc(value = "Git repository of a connection source, `owner/name`", defaultValue = "medical-saas/medical-saas",
                rule = "owner/name: letters, digits, . _ -")
        String repository,
        @Doc(value = "Branch a connection source follows", defaultValue = "main",
                rule = "a Git branch name: no spaces, no .., not starting with - or /, at most 255 characters")
        String branch,
        @Doc(value = "Tagged images each ECR repository keeps, the newest (CI-1)", defaultValue = "30",
                rule = "1 to 1000; keep more than the releases you may roll back to")
        int imagesKept,
        @Doc(value = "Days after which an untagged image is expired (CI-1)", defaultValue = "7", rule = "1 to 365")
        int untaggedImageExpiryDays,
        @Doc(value = "Days after which a pipeline artifact (source zip, image definitions) is deleted (CI-3)",
                defaultValue = "30", rule = "1 to 365")
        int artifactExpiryDays,
        @Doc(value = "A person approves each release before it is deployed (CI-3)", defaultValue = "true",
                rule = "true or false; true in prod")
        boolean manualApproval,
        @Doc(value = "Send pipeline failures and waiting approvals to the alerts topic `<namePrefix>-alerts` (OBS-3); "
                + "turn on once that topic is deployed and lets CodeStar Notifications publish",
                defaultValue = "false", rule = "true or false")
        boolean notifyAlerts) {

    /** A CodeConnections (or its former name, CodeStar Connections) connection ARN. */
    public static final Pattern CONNECTION_ARN = Pattern.compile(
            "arn:aws:(codeconnections|codestar-connections):([a-z0-9-]+):(\\d{12}):connection/"
                    + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** An S3 location of a zip: {@code s3://bucket/key.zip}. */
    public static final Pattern S3_LOCATION = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/([^\\s]+\\.zip)");

    /** The connection ARN, when the source is a Git repository through CodeConnections. */
    public Optional<String> connectionArn() {
        return source != null && CONNECTION_ARN.matcher(source).matches() ? Optional.of(source) : Optional.empty();
    }

    /** The bucket and key, when the source is an S3 object. */
    public Optional<S3Location> s3Source() {
        if (source == null) {
            return Optional.empty();
        }
        Matcher m = S3_LOCATION.matcher(source);
        return m.matches() ? Optional.of(new S3Location(m.group(1), m.group(2))) : Optional.empty();
    }

    /**
     * An S3 object.
     *
     * @param bucket the bucket's name
     * @param key    the object's key
     */
    public record S3Location(String bucket, String key) {
    }
}
