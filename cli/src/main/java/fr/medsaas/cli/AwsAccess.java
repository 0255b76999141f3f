package fr.medsaas.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The shell's AWS credentials, resolved before anything is read or deployed. */
final class AwsAccess {
    private AwsAccess() {
    }

    /** The one line said when the shell has no AWS credentials (never the SDK's provider-chain dump). */
    static final String NO_CREDENTIALS = "no AWS credentials: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and "
            + "AWS_SECRET_ACCESS_KEY, or sign in with aws sso login); against the local emulator, --endpoint-url URL "
            + "brings its own";

    /** Thrown when the shell has no AWS credentials; exit 2, nothing read or deployed. */
    static final class MissingCredentialsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingCredentialsException(String message) {
            super(message);
        }
    }

    /** The default chain's credentials (environment, profile, SSO, instance role), checked now. */
    static AwsCredentialsProvider credentials() {
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build();
        try {
            provider.resolveCredentials();
            return provider;
        } catch (SdkClientException e) {
            throw new MissingCredentialsException(NO_CREDENTIALS + "; reading the deployed stacks needs read-only "
                    + "CloudFormation access (GetTemplate; change sets: Create/Describe/DeleteChangeSet); nothing was read or "
                    + "deployed. Without an account, compare with an earlier assembly: --against DIR");
        }
    }
}
