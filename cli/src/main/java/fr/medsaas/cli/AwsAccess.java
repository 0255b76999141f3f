package fr.medsaas.cli;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The shell's AWS credentials, resolved before anything is read or deployed. */
final class AwsAccess {
    private AwsAccess() {
    }

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
            throw new MissingCredentialsException("no AWS credentials in this shell (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO "
                    + "or an instance role): reading the deployed stacks needs read-only CloudFormation access "
                    + "(GetTemplate; change sets: Create/Describe/DeleteChangeSet); nothing was read or deployed. "
                    + "Without an account, compare with an earlier assembly: --against DIR");
        }
    }
}
