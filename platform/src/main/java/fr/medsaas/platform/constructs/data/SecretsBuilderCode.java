package fr.medsaas.platform.constructs.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Python source of the secrets builder function, shipped beside this class
 * ({@code secrets_builder.py}) and put inline in the template: no asset to upload, and a reviewer
 * reads in the template exactly what runs. Plain Java.
 */
public final class SecretsBuilderCode {
    /** CloudFormation's limit on inline function code ({@code ZipFile}). */
    public static final int INLINE_LIMIT = 4096;
    /** The handler of inline code: CloudFormation names the file {@code index}. */
    public static final String HANDLER = "index.handler";
    private static final String SOURCE = load();

    private SecretsBuilderCode() {
    }

    /** The function's source. */
    public static String source() {
        return SOURCE;
    }

    private static String load() {
        try (InputStream in = SecretsBuilderCode.class.getResourceAsStream("secrets_builder.py")) {
            if (in == null) {
                throw new IllegalStateException("secrets_builder.py is missing beside " + SecretsBuilderCode.class.getName());
            }
            // Comment lines stay in the shipped file for readers; the template gets the code only.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.strip().startsWith("#") && !l.isBlank())
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            if (text.length() > INLINE_LIMIT) {
                throw new IllegalStateException("secrets_builder.py has " + text.length()
                        + " characters; inline code is limited to " + INLINE_LIMIT);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
