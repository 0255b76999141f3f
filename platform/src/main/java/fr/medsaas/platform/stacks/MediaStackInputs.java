package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;

/**
 * What the Media stack uses from other stacks.
 *
 * @param keys         the primary region's keys: the S3 key of the media bucket
 * @param edgeFirewall the us-east-1 web ACL, read with {@code Fn::GetStackOutput}
 * @param replica      the backup region's stack: the replica's S3 key, read with {@code Fn::GetStackOutput}
 */
public record MediaStackInputs(PlatformKeys keys, EdgeFirewallStack edgeFirewall, ReplicaStack replica) {
}
