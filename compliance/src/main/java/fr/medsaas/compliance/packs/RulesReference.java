package fr.medsaas.compliance.packs;

import fr.medsaas.compliance.rules.RuleInfo;

/** {@code docs/rules.md}, generated from the pack: what each rule asserts, its fix and references. */
public final class RulesReference {
    private RulesReference() {
    }

    /** What the rules read per store type: the store catalogue ({@code compliance/.../stores/StoreCatalogue.java}). */
    static String storeTable() {
        StringBuilder out = new StringBuilder("\n## What is read per store type\n\n")
                .append("One row per CloudFormation type of the store catalogue; the rules (residency, encryption, tags,\n")
                .append("copies), the residency table and the diff guard read these rows. A resource of a type that is\n")
                .append("neither here nor known to hold no data (IAM, networking, settings) is listed by `check` as\n")
                .append("*not evaluated*, never as compliant. Paths are from `Properties`; `[]` means each element.\n\n")
                .append("| type | holds | name | encrypted with a KMS key when | customer key | otherwise | in transit | tags | retention | copies (region from) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (fr.medsaas.compliance.stores.StoreType t : fr.medsaas.compliance.stores.StoreCatalogue.rows()) {
            var e = t.encryption();
            out.append("| `").append(t.type()).append("` | ").append(t.word()).append(" | ").append(code(t.name()))
                    .append(" | ").append(e.map(x -> x.when().isEmpty() ? (x.key().isEmpty() ? "never" : "always") : "`" + x.when() + "`").orElse("(no data)"))
                    .append(" | ").append(e.map(x -> code(x.key())).orElse("-"))
                    .append(" | ").append(e.map(x -> x.otherwise().label()).orElse("-"))
                    .append(" | ").append(e.map(x -> code(x.inTransit())).orElse("-"))
                    .append(" | ").append(code(t.tags())).append(" | ").append(code(t.retention())).append(" | ");
            out.append(t.copies().isEmpty() ? "-" : String.join("; ", t.copies().stream().map(c -> c.what() + ": `"
                    + (c.list().isEmpty() ? "" : c.list() + ".") + (c.region().isEmpty() ? c.target() : c.region()) + "`"
                    + (c.key().isEmpty() ? "" : ", key `" + c.key() + "`")).toList()));
            out.append(" |\n");
        }
        out.append("| `AWS::Backup::BackupPlan` (copy actions) | backup copy | - | - | - | - | - | - | - | backup copy vault: "
                + "`BackupPlan.BackupPlanRule[].CopyActions[].DestinationBackupVaultArn` (the vault by reference or by the name in its ARN) |\n");
        return out.toString();
    }

    private static String code(String s) {
        return s == null || s.isEmpty() ? "-" : "`" + s + "`";
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
        out.append(storeTable());
        return out.toString();
    }
}
