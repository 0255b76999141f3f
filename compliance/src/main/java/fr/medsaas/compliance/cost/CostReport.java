package fr.medsaas.compliance.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A monthly estimate: one line per priced quantity, the resources that cost money but have no
 * price here, and the tables it came from.
 *
 * @param lines     every priced line, in stack and template order
 * @param notPriced resources that cost money and that no row prices (never counted as zero)
 * @param prices    the price table used
 * @param usage     the usage assumptions used
 * @param hardening what the HDS hardening (HARD-9, HARD-10) adds or saves, each topic's lines already in {@code lines}
 */
public record CostReport(List<Line> lines, List<NotPriced> notPriced, PriceTable prices, UsageAssumptions usage,
                         List<Topic> hardening) {

    public CostReport {
        lines = List.copyOf(lines);
        notPriced = List.copyOf(notPriced);
        hardening = List.copyOf(hardening);
    }

    /**
     * One part of the hardening and what it adds to the month (or saves, negative), read from the
     * lines above: nothing here is priced twice or added to the total.
     *
     * @param title      what it is, with its requirement
     * @param monthlyUsd what it adds to the month
     * @param details    one line each: a priced line it is made of, or what it changes without a price
     */
    public record Topic(String title, double monthlyUsd, List<String> details) {
        public Topic {
            details = List.copyOf(details);
        }
    }

    /**
     * One priced quantity of one resource.
     *
     * @param stack     the stack name
     * @param region    the region whose price was used
     * @param logicalId the resource's logical id
     * @param type      its CloudFormation type
     * @param what      what is priced, for a person ("2 nodes × 730 h")
     * @param priceId   the price table row id
     * @param unitUsd   the row's price
     * @param quantity  how many units
     * @param unit      the row's unit
     */
    public record Line(String stack, String region, String logicalId, String type, String what, String priceId,
                       double unitUsd, double quantity, String unit) {
        /** The line's monthly cost: the row's price times the quantity. */
        public double monthlyUsd() {
            return unitUsd * quantity;
        }
    }

    /**
     * A resource that costs money and that this table does not price.
     *
     * @param stack     the stack name
     * @param logicalId the resource's logical id
     * @param type      its CloudFormation type
     * @param reason    why it is not priced
     */
    public record NotPriced(String stack, String logicalId, String type, String reason) {
    }

    /** The sum of every line. */
    public double totalUsd() {
        return lines.stream().mapToDouble(Line::monthlyUsd).sum();
    }

    /** The sum of the lines of each stack, in order. */
    public Map<String, Double> totalsByStack() {
        Map<String, Double> out = new LinkedHashMap<>();
        lines.forEach(l -> out.merge(l.stack(), l.monthlyUsd(), Double::sum));
        return out;
    }
}
