package fr.medsaas.compliance.rules.traces;

import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.Stores;
import java.util.List;

/** Every trail validates its log files, so that a deleted or altered trace is detected. */
public final class TrailLogFilesValidated implements Rule {

    @Override
    public List<Outcome> check(ResourceGraph g) {
        return g.ofType("AWS::CloudTrail::Trail").stream().map(t -> Stores.isTrue(t.property("EnableLogFileValidation"))
                ? Outcome.pass(t, "log file validation enabled")
                : Outcome.fail(t, "EnableLogFileValidation is not true: an altered or deleted log file would go unnoticed")).toList();
    }

}
