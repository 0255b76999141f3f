package fr.medsaas.compliance.cost;

import fr.medsaas.config.Plural;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.cost.CostReport.Line;
import fr.medsaas.compliance.cost.CostReport.NotPriced;
import java.util.Locale;

/** Writes a {@link CostReport} as text (for a person), JSON or CSV (one row per line). */
public final class CostWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CostWriter() {
    }

    /** A table per stack, each line showing price × quantity, then the total and what is not priced. */
    public static String text(CostReport r) {
        StringBuilder out = new StringBuilder();
        String stack = "";
        for (Line l : r.lines()) {
            if (!l.stack().equals(stack)) {
                if (!stack.isEmpty()) {
                    out.append(String.format(Locale.ROOT, "  %-96s %10.2f%n", "stack total", r.totalsByStack().get(stack)));
                }
                stack = l.stack();
                out.append(String.format(Locale.ROOT, "%n%s%n", stack));
            }
            String calc = String.format(Locale.ROOT, "%s %s × %s %s", trim(l.unitUsd()), r.prices().currency(),
                    CostEstimator.fmt(round(l.quantity())), l.unit());
            out.append(String.format(Locale.ROOT, "  %-28s %-24s %-42s %10.2f%n", cut(l.logicalId(), 28), cut(l.priceId(), 24),
                    cut(calc, 42), l.monthlyUsd()));
            out.append(String.format(Locale.ROOT, "  %-28s %s%n", "", l.what()));
        }
        if (!stack.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-96s %10.2f%n", "stack total", r.totalsByStack().get(stack)));
        }
        out.append(String.format(Locale.ROOT, "%nTotal: %.2f %s per month", r.totalUsd(), r.prices().currency()));
        r.prices().eurRate().ifPresent(rate -> out.append(String.format(Locale.ROOT, ", about %.0f EUR at %s EUR per USD",
                r.totalUsd() * rate, CostEstimator.fmt(rate))));
        out.append('\n');
        if (r.prices().eurRate().isPresent()) {
            out.append("EUR rate: ").append(r.prices().eurPerUsd()).append(" of ").append(r.prices().eurRateDate())
                    .append(" (").append(r.prices().eurRateSource()).append(")\n");
        }
        r.prices().eurRateStaleness().ifPresent(why -> out.append("EUR: not converted: ").append(why).append('\n'));
        if (!r.hardening().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nWhat the hardening adds or saves (HARD-9, HARD-10; already in the total):%n"));
            for (CostReport.Topic t : r.hardening()) {
                out.append(String.format(Locale.ROOT, "  %-96s %+10.2f%n", cut(t.title(), 96), t.monthlyUsd()));
                t.details().forEach(d -> out.append("    ").append(d).append('\n'));
            }
        }
        if (!r.notPriced().isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nNot priced (%s; not in the total):%n", Plural.of(r.notPriced().size(), "resource")));
            for (NotPriced n : r.notPriced()) {
                out.append(String.format(Locale.ROOT, "  %-28s %-40s %s: %s%n", n.stack(), cut(n.logicalId(), 40), n.type(), n.reason()));
            }
        }
        out.append(String.format(Locale.ROOT, "%nPrices: the shipped table dated %s, %s on-demand list prices; its header says where each "
                + "row comes from (source A, B or C).%n", r.prices().date(), r.prices().currency()));
        out.append("Usage: ").append(r.usage().source()).append("; a month is ").append(CostEstimator.fmt(r.usage().get("hoursPerMonth")))
                .append(" hours. Override with --usage FILE.\n");
        return out.toString();
    }

    /** The report as JSON: totals, lines (with price row, quantity, monthly), not priced, sources. */
    public static String json(CostReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("currency", r.prices().currency());
        root.put("priceTableDate", r.prices().date());
        root.put("eurPerUsd", r.prices().eurPerUsd());
        root.put("eurPerUsdDate", r.prices().eurRateDate());
        root.put("eurPerUsdSource", r.prices().eurRateSource());
        r.prices().eurRate().ifPresentOrElse(rate -> root.put("totalMonthlyEur", Math.round(r.totalUsd() * rate)),
                () -> root.put("eurNotConverted", r.prices().eurRateStaleness().orElse("")));
        root.put("usage", r.usage().source());
        root.put("totalMonthly", round(r.totalUsd()));
        ObjectNode stacks = root.putObject("stacks");
        r.totalsByStack().forEach((k, v) -> stacks.put(k, round(v)));
        ArrayNode lines = root.putArray("lines");
        for (Line l : r.lines()) {
            ObjectNode n = lines.addObject();
            n.put("stack", l.stack()).put("region", l.region()).put("logicalId", l.logicalId()).put("type", l.type())
                    .put("priceId", l.priceId()).put("unitPrice", l.unitUsd()).put("unit", l.unit())
                    .put("quantity", l.quantity()).put("monthly", l.monthlyUsd()).put("what", l.what());
        }
        ArrayNode hardening = root.putArray("hardening");
        for (CostReport.Topic t : r.hardening()) {
            ObjectNode n = hardening.addObject().put("topic", t.title()).put("monthly", round(t.monthlyUsd()));
            ArrayNode details = n.putArray("details");
            t.details().forEach(details::add);
        }
        ArrayNode not = root.putArray("notPriced");
        for (NotPriced x : r.notPriced()) {
            not.addObject().put("stack", x.stack()).put("logicalId", x.logicalId()).put("type", x.type()).put("reason", x.reason());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One CSV row per line, then one per not-priced resource (empty price and monthly), then the
     * total row: {@code total} in the first column and the sum of the priced rows' monthly_usd.
     */
    public static String csv(CostReport r) {
        StringBuilder out = new StringBuilder("stack,region,logical_id,type,price_id,unit_price_usd,unit,quantity,monthly_usd,what\n");
        for (Line l : r.lines()) {
            out.append(String.join(",", l.stack(), l.region(), l.logicalId(), l.type(), l.priceId(), String.valueOf(l.unitUsd()),
                    l.unit(), String.valueOf(l.quantity()), String.format(Locale.ROOT, "%.4f", l.monthlyUsd()), quote(l.what()))).append('\n');
        }
        for (NotPriced n : r.notPriced()) {
            out.append(String.join(",", n.stack(), "", n.logicalId(), n.type(), "not priced", "", "", "", "", quote(n.reason()))).append('\n');
        }
        // The sum of the rows as printed (4 decimals), so that a spreadsheet's SUM finds the same figure.
        double total = r.lines().stream().mapToDouble(l -> Double.parseDouble(String.format(Locale.ROOT, "%.4f", l.monthlyUsd()))).sum();
        out.append(String.join(",", "total", "", "", "", "", "", "", "", String.format(Locale.ROOT, "%.4f", total),
                quote("sum of the priced rows, " + r.prices().currency() + " per month; not-priced resources not counted")))
                .append('\n');
        return out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
