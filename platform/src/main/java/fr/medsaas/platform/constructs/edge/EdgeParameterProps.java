package fr.medsaas.platform.constructs.edge;

/**
 * A value published for a stack of another region.
 *
 * @param parameterName the SSM parameter's name, e.g. {@code /medical-saas/edge/web-acl-arn}
 * @param value         what it holds: an identifier such as an ARN, never data or a secret
 * @param description   what it is for
 */
public record EdgeParameterProps(String parameterName, String value, String description) {
}
