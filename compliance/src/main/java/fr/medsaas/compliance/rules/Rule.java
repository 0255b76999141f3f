package fr.medsaas.compliance.rules;

import fr.medsaas.compliance.check.ResourceGraph;
import java.util.List;

/**
 * One assertion over the whole assembly. A rule is a pure function of the indexed templates; its
 * id, level, texts and references live in the pack ({@link fr.medsaas.compliance.packs.MedSaasPack}).
 * An empty answer means the rule applied to nothing; the checker reports that as not applicable.
 */
public interface Rule {
    /** The rule's answers, one per resource it applies to. */
    List<Outcome> check(ResourceGraph graph);
}
