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
        List<AccessProof.Proven> handlers = proven.stream().filter(p -> p.path().kind().startsWith(AccessPaths.HANDLER_KIND)).toList();
        List<AccessProof.Proven> others = proven.stream().filter(p -> !p.path().kind().startsWith(AccessPaths.HANDLER_KIND)).toList();
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
                .append(" run-time), ").append(allowed).append(" allowed. ").append(handlers.size())
                .append(" deploy-time paths are CloudFormation's resource handlers' own calls, summarised per resource type\n")
                .append("[below](#cloudformations-resource-handlers); the others are listed one by one.\n\n")
                .append("| # | When | Path | Principal | Action | Resource | Decision | Documentation |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (AccessProof.Proven p : others) {
            AccessPath a = p.path();
            b.append("| ").append(i++).append(" | ").append(a.family().name().toLowerCase()).append(" | ")
                    .append(cell(a.kind() + " (" + a.stack() + "/" + a.logicalId() + ")")).append(" | `")
                    .append(cell(a.shortPrincipal())).append("` | `").append(a.request().action()).append("` | `")
                    .append(cell(a.request().resource())).append("` | ")
                    .append(cell(p.decision().outcome().name().toLowerCase().replace('_', ' '))).append(" | [doc](")
                    .append(a.doc()).append(") |\n");
        }
        handlers(b, handlers);
        return b.toString();
    }

    /**
     * The handlers' paths, one row per resource type and handler: how many calls, how many allowed,
     * and every action (an action proven once for a region covers every resource of that region).
     */
    private static void handlers(StringBuilder b, List<AccessProof.Proven> handlers) {
        HandlerPermissions table = HandlerPermissions.standard();
        b.append("\n## CloudFormation's resource handlers\n\n")
                .append("What CloudFormation's handler of each resource type calls as the execution role, from the\n")
                .append("`handlers` of each type's registry schema (`aws cloudformation describe-type`), as the dated table\n")
                .append("`compliance/src/main/resources/fr/medsaas/compliance/access/handler-permissions.tsv` holds them (read\n")
                .append(table.readOn()).append(", one source and commit per row; `tools/handler-permissions.sh` refreshes it from an\n")
                .append("account). Create and update are proven for every resource, delete unless the resource is retained.\n")
                .append("An action on a service's resources in general is proven once per region (the schemas name no resource);\n")
                .append("IAM actions on the roles and policies the resource is or names; KMS actions on the keys it names,\n")
                .append("through each key's policy, as the resource's service calls them (`kms:ViaService`). A type the table\n")
                .append("does not know is refused (MEDSAAS-ACC-1).\n\n")
                .append("Calls a handler makes only for a feature (`handler-conditions.tsv`) are proven only for a resource\n")
                .append("that uses it:\n\n| Type | Actions | Called when | Reference |\n|---|---|---|---|\n");
        for (HandlerPermissions.Condition c : table.conditions()) {
            b.append("| `").append(c.type()).append("` | `").append(c.action()).append("` | `")
                    .append(cell(String.join(" or ", c.alternatives()))).append("` | [doc](").append(c.reference()).append(") |\n");
        }
        b.append("\nNames a schema lists that IAM authorizes under another action:\n\n| Published | IAM checks | Reference |\n|---|---|---|\n");
        table.aliasesDescribed().forEach((k, v) -> {
            int dash = v.indexOf(" — ");
            b.append("| `").append(k).append("` | ").append(v.substring(0, dash)).append(" | [doc](")
                    .append(v.substring(dash + 3)).append(") |\n");
        });
        java.util.Map<String, java.util.TreeSet<String>> actions = new java.util.TreeMap<>();
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, String> docs = new java.util.TreeMap<>();
        for (AccessProof.Proven p : handlers) {
            String key = p.path().kind().substring(AccessPaths.HANDLER_KIND.length());
            actions.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(p.path().request().action());
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            if (p.decision().allowed()) {
                c[1]++;
            }
            docs.putIfAbsent(key, p.path().doc());
        }
        b.append("\n").append(handlers.size()).append(" handler paths, ")
                .append(handlers.stream().filter(p -> p.decision().allowed()).count()).append(" allowed.\n\n")
                .append("| Handler | Paths | Allowed | Actions | Documentation |\n|---|---|---|---|---|\n");
        actions.forEach((k, v) -> b.append("| ").append(cell(k)).append(" | ").append(counts.get(k)[0]).append(" | ")
                .append(counts.get(k)[1]).append(" | ").append(v.stream().map(a -> "`" + a + "`")
                        .collect(java.util.stream.Collectors.joining(", "))).append(" | [doc](").append(docs.get(k)).append(") |\n"));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
