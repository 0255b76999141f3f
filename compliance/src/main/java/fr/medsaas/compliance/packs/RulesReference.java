package fr.medsaas.compliance.packs;

import fr.medsaas.compliance.rules.RuleInfo;

/** {@code docs/rules.md}, generated from the pack: what each rule asserts, its fix and references. */
public final class RulesReference {
    private RulesReference() {
    }

    /** The whole page. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Our HDS/RGPD rules (`medsaas check`)\n\n")
                .append("Generated from the rule classes (`compliance/.../packs/MedSaasPack.java`) and kept in step by\n")
                .append("`RulesReferenceTest`; regenerate with\n")
                .append("`mvn -q -o -pl compliance -am test -Dtest=RulesReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dmedsaas.updateRules=true`.\n\n")
                .append("The pack (`").append(MedSaasPack.NAME).append("`) runs at every synthesis beside the three cdk-nag packs\n")
                .append("(an open error refuses the synthesis, exit 3) and on demand: `./medsaas check --env ENV`,\n")
                .append("`--assembly DIR` or `--template FILE...` (any CloudFormation JSON or YAML; `--region` says where\n")
                .append("it deploys), `--format text|json|sarif`, `--out FILE`. Exit codes: 0 no open error, 3 open errors,\n")
                .append("2 bad input. A rule answers compliant, non-compliant, or cannot decide (what it lacks is said,\n")
                .append("e.g. a lone template's region); a rule that applies to nothing is reported as not applicable.\n\n")
                .append("Exceptions are acknowledged next to the resource, as cdk-nag's are:\n")
                .append("`Acknowledge.rule(construct, \"MEDSAAS-BCK-1\", \"reason\")` writes the rule and its reason into the\n")
                .append("resource's `cdk_nag` metadata (`rules_to_suppress`), which `check` reads for that resource only;\n")
                .append("a hand-written template does the same in its resource's `Metadata`.\n\n")
                .append("| ID | level | what | references |\n|---|---|---|---|\n");
        for (MedSaasPack.PackRule r : MedSaasPack.RULES) {
            RuleInfo i = r.info();
            out.append("| ").append(i.id()).append(" | ").append(i.level().label()).append(" | **").append(i.title())
                    .append("**. ").append(i.explanation()).append(" Fix: ").append(i.fix()).append(" | ")
                    .append(String.join(", ", i.references())).append(" |\n");
        }
        out.append("\nThe live twin of each rule (`medsaas audit`) reports under the same ID.\n");
        return out.toString();
    }
}
