package fr.medsaas.platform.constructs.network;

/**
 * Names of subnets as the source writes them ({@code public-subnet-1a}): the tier, then the
 * subnet's 1-based position and its zone's letter. Plain Java.
 */
public final class SubnetNames {
    private SubnetNames() {
    }

    /**
     * @param tier the tier's prefix: {@code public}, {@code private-app}, {@code private-db}
     * @param index the subnet's position in its tier, from 0
     * @param availabilityZone the zone in full, e.g. {@code eu-west-3a}
     */
    public static String of(String tier, int index, String availabilityZone) {
        char letter = availabilityZone.charAt(availabilityZone.length() - 1);
        return tier + "-subnet-" + (index + 1) + letter;
    }
}
