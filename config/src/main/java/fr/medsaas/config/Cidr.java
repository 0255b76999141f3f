package fr.medsaas.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block as plain numbers, for validation without any AWS call.
 *
 * @param network first address, as an unsigned 32-bit value in a long
 * @param prefix  prefix length, 0 to 32
 */
public record Cidr(long network, int prefix) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Parses {@code a.b.c.d/n}; empty when ill-formed or not aligned on its prefix. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return Optional.empty();
        }
        Cidr cidr = new Cidr(address, prefix);
        return cidr.network() == address && (address & ~cidr.mask() & 0xFFFFFFFFL) == 0 ? Optional.of(cidr) : Optional.empty();
    }

    /** The netmask as an unsigned value. */
    public long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** The last address of the block. */
    public long last() {
        return network | (~mask() & 0xFFFFFFFFL);
    }

    /** True when the whole of {@code other} lies inside this block. */
    public boolean contains(Cidr other) {
        return other.network >= network && other.last() <= last();
    }

    /** True when the two blocks share an address. */
    public boolean overlaps(Cidr other) {
        return network <= other.last() && other.network <= last();
    }

    @Override
    public String toString() {
        return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "."
                + (network & 255) + "/" + prefix;
    }
}
