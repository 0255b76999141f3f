package fr.medsaas.sandbox.preflight;

import java.util.Optional;

/**
 * The read-only answers the preflight needs from an AWS account: one method a question, so that
 * tests can answer them without AWS. Each call may throw {@link CannotAsk} when the account cannot
 * be asked (no credentials, access denied, network): the preflight reports that as a problem,
 * never as a pass.
 */
public interface AwsFacts {
    /** The account the credentials belong to (STS GetCallerIdentity). */
    String accountId();

    /** The status of an ACM certificate ({@code ISSUED}, {@code PENDING_VALIDATION}, ...), empty when not found. */
    Optional<String> certificateStatus(String certificateArn);

    /** Whether an image exists in an ECR repository of this account and region. */
    ImageState image(String region, String repository, String tagOrDigest);

    /** Whether an IAM role of this name exists (service-linked roles have fixed names). */
    boolean roleExists(String roleName);

    /**
     * The CDK bootstrap stack of a region: empty when the region is not bootstrapped, else the
     * value of its {@code FileAssetsBucketKmsKeyId} parameter ({@code AWS_MANAGED_KEY} or empty
     * when no customer-managed key was given).
     */
    Optional<String> bootstrapKey(String region, String toolkitStackName);

    /** The id of an AWS-managed prefix list of a region ({@code com.amazonaws.eu-west-3.s3}), empty when none has that name. */
    Optional<String> prefixListId(String region, String prefixListName);

    /** Who holds an S3 bucket name, which is global across every AWS account. */
    BucketState bucket(String name);

    /** The ids of the GuardDuty detectors of a region (one at most per account and region). */
    java.util.List<String> guardDutyDetectors(String region);

    /** Whether Security Hub is enabled in a region (DescribeHub answers). */
    boolean securityHubEnabled(String region);

    /** The names of the AWS Config configuration recorders of a region. */
    java.util.List<String> configRecorders(String region);

    /** The names of the AWS Config delivery channels of a region. */
    java.util.List<String> configDeliveryChannels(String region);

    /** A CodeConnections connection's status ({@code AVAILABLE}, {@code PENDING}, {@code ERROR}), empty when not found. */
    Optional<String> connectionStatus(String connectionArn);

    /** A CloudFormation stack's status ({@code CREATE_COMPLETE}, {@code ROLLBACK_FAILED}, ...), empty when none has the name. */
    Optional<String> stackStatus(String region, String stackName);

    /** Whether an ECR repository of this name exists in a region. */
    boolean repositoryExists(String region, String repository);

    /**
     * The CDK bootstrap stack's {@code CloudFormationExecutionPolicies} (ARNs, comma-separated there),
     * empty when the region is not bootstrapped or CDK's default (AdministratorAccess) was kept.
     */
    java.util.List<String> bootstrapExecutionPolicies(String region, String toolkitStackName);

    /**
     * The document of a customer-managed IAM policy's default version (IAM GetPolicy, then
     * GetPolicyVersion, URL-decoded), empty when no policy has that ARN.
     */
    java.util.Optional<String> policyDocument(String policyArn);

    /** What ECR knows of an image. */
    enum ImageState { PRESENT, MISSING, NO_REPOSITORY }

    /** Who holds a bucket name. */
    enum BucketState { FREE, OURS, TAKEN }

    /** The account could not be asked; the message says why, in one line. */
    final class CannotAsk extends RuntimeException {
        public CannotAsk(String message) {
            super(message);
        }
    }
}
