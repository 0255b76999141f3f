package fr.medsaas.platform.aspects;

import java.util.List;
import software.amazon.awscdk.IAspect;
import software.constructs.IConstruct;

/**
 * Several aspects visited in one callback per construct (see {@code MedSaasApp#aspects}): each
 * construct is handed to each aspect in turn, in plain Java.
 */
public final class AllAspects implements IAspect {
    private final List<IAspect> aspects;

    public AllAspects(List<IAspect> aspects) {
        this.aspects = List.copyOf(aspects);
    }

    @Override
    public void visit(IConstruct node) {
        for (IAspect a : aspects) {
            a.visit(node);
        }
    }
}
