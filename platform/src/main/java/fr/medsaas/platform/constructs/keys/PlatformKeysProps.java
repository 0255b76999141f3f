package fr.medsaas.platform.constructs.keys;

import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import java.util.List;

/**
 * What the platform's keys need to know.
 *
 * @param namePrefix prefix of the aliases: {@code alias/<prefix>-data-key}
 * @param region     the region of the keys, for service principals and {@code kms:ViaService}
 * @param purposes   the keys to make, one per purpose
 * @param principals the roles the key policies name (HARD-7)
 */
public record PlatformKeysProps(String namePrefix, String region, List<KeyPurpose> purposes,
                                PlatformPrincipals principals) {
    public PlatformKeysProps {
        purposes = List.copyOf(purposes);
    }

    /** Every key of the primary region (KMS-1). */
    public static PlatformKeysProps primary(String namePrefix, String region, PlatformPrincipals principals) {
        return new PlatformKeysProps(namePrefix, region, List.of(KeyPurpose.values()), principals);
    }

    /**
     * The keys of the backup region (REG-2): its backup vault's and its media replica's, and, where
     * that region's AWS Config recorder is ours, the audit key of its delivery bucket (HARD-9).
     */
    public static PlatformKeysProps backupRegion(String namePrefix, String region, PlatformPrincipals principals,
                                                 boolean configDelivery) {
        return new PlatformKeysProps(namePrefix, region, configDelivery
                ? List.of(KeyPurpose.S3, KeyPurpose.BACKUP, KeyPurpose.AUDIT)
                : List.of(KeyPurpose.S3, KeyPurpose.BACKUP), principals);
    }
}
