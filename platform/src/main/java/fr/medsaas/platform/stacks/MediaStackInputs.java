package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;

/**
 * What the Media stack takes from the stacks before it.
 *
 * @param keys            the S3 key of the media bucket (Keys)
 * @param webAclArn       the CloudFront web ACL's ARN (EdgeFirewall, us-east-1): the stack reads it
 *                        with {@code Fn::GetStackOutput} (see {@link EdgeWiring})
 * @param replicaS3KeyArn the replica's S3 key's ARN (Replica, the backup region), read the same way
 */
public record MediaStackInputs(PlatformKeys keys, String webAclArn, String replicaS3KeyArn) {
}
