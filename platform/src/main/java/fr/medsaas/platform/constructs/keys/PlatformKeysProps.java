package fr.medsaas.platform.constructs.keys;

/**
 * What the platform's keys need to know.
 *
 * @param namePrefix prefix of the aliases: {@code alias/<prefix>-data-key}
 * @param region     the region of the keys, for service principals and {@code kms:ViaService}
 */
public record PlatformKeysProps(String namePrefix, String region) {
}
