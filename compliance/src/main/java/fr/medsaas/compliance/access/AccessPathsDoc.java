package fr.medsaas.compliance.access;

import java.util.List;

/** {@code docs/access-paths.md}: the prod assembly's access paths and their decisions, as a person reads them. */
public final class AccessPathsDoc {
    private AccessPathsDoc() {
    }

    /** The page, from the decided paths of the prod assembly. */
    public static String render(List<AccessProof.Proven> proven) {
        StringBuilder b = new StringBuilder();
        long deploy = proven.stream().filter(p -> p.path().family() == AccessPath.Family.DEPLOY).count();
        long allowed = proven.stream().filter(p -> p.decision().allowed()).count();
        b.append("# Access paths (ACC-1)\n\n")
                .append("<!-- Generated from the prod assembly by AccessProofCommandTest; regenerate with\n")
                .append("     mvn -o -q test -pl cli -am -Dtest=AccessProofCommandTest -Dsurefire.failIfNoSpecifiedTests=false -Dmedsaas.updateDocs=true -->\n\n")
                .append("Every call the deployment (CloudFormation as the CDK execution role, whose policy is\n")
                .append("`./medsaas bootstrap --print-policy`) and the running platform must make, listed from the\n")
                .append("assembly (`fr.medsaas.compliance.access.AccessPaths`) and decided offline by a real IAM engine\n")
                .append("against every policy on its way (identity, resource, VPC endpoint, key). `medsaas check` and\n")
                .append("`synth` fail on a denied path (rules MEDSAAS-ACC-1 and MEDSAAS-ACC-2).\n\n")
                .append("The engine is `").append(IamEngine.SIMULATE).append("` ").append(IamEngine.SIMULATE_VERSION)
                .append(" (license **AGPL-3.0-or-later**) with `").append(IamEngine.DATA).append("` ")
                .append(IamEngine.DATA_VERSION).append(" (MIT). Neither is shipped in the jar: npm fetches them on\n")
                .append("first use into `$MEDSAAS_TOOLS` (default `~/.cache/medsaas`) and they run as a separate Node\n")
                .append("process, one per check. Without npm, every path is *cannot decide*, never allowed.\n\n")
                .append("Account `").append(TemplateValues.ACCOUNT).append("` stands for yours; a name CloudFormation generates is written\n")
                .append("`<stack>-<logicalId>-GENERATED`.\n\n")
                .append("## Break-glass: reading and validating the trail\n\n")
                .append("The audit key lets CloudTrail and AWS Config write; only the role `").append(AccessPaths.AUDITOR_ROLE)
                .append("` (assumed by a person\nof this account with MFA, for one hour) may decrypt the trail, through S3. To validate it:\n\n")
                .append("```\naws sts assume-role --role-arn arn:aws:iam::<account>:role/").append(AccessPaths.AUDITOR_ROLE)
                .append(" --role-session-name audit \\\n  --serial-number <mfa-device-arn> --token-code <code>\n")
                .append("aws cloudtrail validate-logs --trail-arn <trail-arn> --start-time <when>\n```\n\n")
                .append("Every use of the role is itself in the trail.\n\n")
                .append("## Paths\n\n")
                .append(proven.size()).append(" paths (").append(deploy).append(" deploy-time, ").append(proven.size() - deploy)
                .append(" run-time), ").append(allowed).append(" allowed.\n\n")
                .append("| # | When | Path | Principal | Action | Resource | Decision | Documentation |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (AccessProof.Proven p : proven) {
            AccessPath a = p.path();
            b.append("| ").append(i++).append(" | ").append(a.family().name().toLowerCase()).append(" | ")
                    .append(cell(a.kind() + " (" + a.stack() + "/" + a.logicalId() + ")")).append(" | `")
                    .append(cell(a.shortPrincipal())).append("` | `").append(a.request().action()).append("` | `")
                    .append(cell(a.request().resource())).append("` | ")
                    .append(cell(p.decision().outcome().name().toLowerCase().replace('_', ' '))).append(" | [doc](")
                    .append(a.doc()).append(") |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
