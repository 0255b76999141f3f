package fr.medsaas.platform.constructs.data;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The characters kept out of generated credentials that end up inside a URL (DB-3, SEC-1).
 * Plain Java.
 *
 * <p>The master password goes into {@code postgres://user:password@host/db}: besides the
 * source's {@code "@/\}, every ASCII punctuation character that has a meaning in a URL
 * ({@code : ? # % [ ] & + ;} and the rest) is excluded, so that only letters, digits and
 * RFC 3986's unreserved {@code - . _ ~} remain: 66 symbols, about 193 bits over 32 characters.
 * The URL builder still percent-encodes, so a password set by hand cannot break the URL either.
 */
public final class SecretCharacters {
    /** RFC 3986 unreserved punctuation: safe anywhere in a URL, left in passwords. */
    public static final String URL_SAFE_PUNCTUATION = "-._~";

    /** Every printable ASCII punctuation character except {@link #URL_SAFE_PUNCTUATION}. */
    public static final String URL_UNSAFE = IntStream.rangeClosed(0x21, 0x7E)
            .filter(c -> !Character.isLetterOrDigit(c) && URL_SAFE_PUNCTUATION.indexOf(c) < 0)
            .mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    /** Length of the master password (DB-3, the source's 32). */
    public static final int PASSWORD_LENGTH = 32;

    private SecretCharacters() {
    }
}
