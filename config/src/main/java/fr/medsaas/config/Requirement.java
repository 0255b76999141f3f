package fr.medsaas.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The requirement IDs of {@code ../shared/spec/REQUIREMENTS.md} that a test proves
 * ({@code @Requirement("DB-6")}); the requirement trace reads it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requirement {
    /** One or more requirement IDs, as the spec writes them ({@code "S3-1"}). */
    String[] value();
}
