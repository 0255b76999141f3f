package fr.medsaas.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one configuration field: what it means, its default and its rule.
 *
 * <p>The loader reads {@link #defaultValue()} when the field is absent, and the README's
 * configuration reference is generated from these annotations (a test keeps them in step).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Doc {
    /** Marks a field that has no default: the YAML must give it. */
    String REQUIRED = "\u0000required";

    /** What the field means. */
    String value();

    /** The default as a YAML literal ({@code "365"}, {@code "[]"}, {@code "~"} for none), or {@link #REQUIRED}. */
    String defaultValue() default REQUIRED;

    /** The rule a value must satisfy, in words, for the reference table. */
    String rule() default "";
}
