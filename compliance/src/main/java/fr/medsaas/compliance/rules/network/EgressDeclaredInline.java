package fr.medsaas.compliance.rules.network;

import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Every security group declares its egress inline (HARD-8): one whose egress lives only in
 * separate {@code AWS::EC2::SecurityGroupEgress} resources keeps AWS's default allow-all rule beside
 * them, so the template says less than AWS does. What AWS does is {@link InlineEgress}'s.
 */
public final class EgressDeclaredInline implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource sg : g.ofType("AWS::EC2::SecurityGroup")) {
            Boolean inline = InlineEgress.declared(sg.properties());
            int separate = g.referrers(sg, "AWS::EC2::SecurityGroupEgress").size();
            if (inline == null) {
                out.add(Outcome.undecided(sg, "SecurityGroupEgress is an intrinsic function: whether AWS adds its allow-all rule cannot be told"));
            } else if (inline) {
                out.add(Outcome.pass(sg, "egress declared inline: AWS adds no allow-all rule"));
            } else {
                out.add(Outcome.fail(sg, "no inline SecurityGroupEgress" + (separate > 0 ? " (only " + separate
                        + " separate SecurityGroupEgress resource" + (separate == 1 ? "" : "s") + ")" : "")
                        + ": AWS adds its default rule allowing all outbound traffic"));
            }
        }
        return out;
    }
}
