package fr.medsaas.compliance.evidence;

import fr.medsaas.compliance.packs.MedSaasPack;
import fr.medsaas.compliance.rules.RuleInfo;
import java.util.Properties;

/**
 * A rule's title, explanation and fix in the report's language: English from the pack itself,
 * French from {@code evidence/rules_fr.properties} keyed by rule id (a test holds every rule to both).
 */
public final class RuleTexts {
    private static final Properties FR = Messages.load("rules_fr.properties");

    private RuleTexts() {
    }

    /** The title of {@code rule}. */
    public static String title(RuleInfo rule, Lang lang) {
        return text(rule, lang, "title", rule.title());
    }

    /** Why the rule exists. */
    public static String explanation(RuleInfo rule, Lang lang) {
        return text(rule, lang, "explanation", rule.explanation());
    }

    /** What to change. */
    public static String fix(RuleInfo rule, Lang lang) {
        return text(rule, lang, "fix", rule.fix());
    }

    /** Whether the French bundle has the three texts of {@code rule}. */
    public static boolean hasFrench(RuleInfo rule) {
        return FR.containsKey(rule.id() + ".title") && FR.containsKey(rule.id() + ".explanation")
                && FR.containsKey(rule.id() + ".fix");
    }

    /** The rule with that id. */
    public static RuleInfo rule(String id) {
        return MedSaasPack.RULES.stream().map(MedSaasPack.PackRule::info).filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }

    private static String text(RuleInfo rule, Lang lang, String part, String english) {
        if (lang == Lang.en) {
            return english;
        }
        String fr = FR.getProperty(rule.id() + "." + part);
        if (fr == null) {
            throw new IllegalStateException("no French " + part + " for " + rule.id() + " in evidence/rules_fr.properties");
        }
        return fr;
    }
}
