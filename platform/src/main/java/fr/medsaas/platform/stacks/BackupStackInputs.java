package fr.medsaas.platform.stacks;

import fr.medsaas.platform.constructs.keys.PlatformKeys;

/**
 * What the Backup stack uses from other stacks.
 *
 * @param keys    the primary region's keys: backup (the vault), RDS and S3 (what is backed up)
 * @param replica the backup region's stack: its backup key, read with {@code Fn::GetStackOutput}
 * @param data    the Data stack, deployed first (the database is selected by its ARN)
 * @param media   the Media stack, deployed first (the bucket is selected by its ARN)
 */
public record BackupStackInputs(PlatformKeys keys, ReplicaStack replica, DataStack data, MediaStack media) {
}
