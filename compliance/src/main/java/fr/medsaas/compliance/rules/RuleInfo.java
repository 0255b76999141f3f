package fr.medsaas.compliance.rules;

import java.util.List;

/**
 * What the pack says of one rule.
 *
 * @param id          stable id ({@code MEDSAAS-RES-1}), shared with the live audit
 * @param level       error or warning
 * @param title       one line
 * @param explanation why the rule exists
 * @param fix         what to change
 * @param references  HDS EXI numbers, RGPD articles, CNIL sheets, our requirement ids
 */
public record RuleInfo(String id, Level level, String title, String explanation, String fix, List<String> references) {
}
