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
