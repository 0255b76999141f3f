package fr.medsaas.platform.constructs.compliance;

/**
 * The EventBridge rules of OBS-5.
 *
 * @param namePrefix     prefix of the rules' names
 * @param alertsTopicArn the alerts topic, their one target
 */
public record SecurityEventRulesProps(String namePrefix, String alertsTopicArn) {
}
