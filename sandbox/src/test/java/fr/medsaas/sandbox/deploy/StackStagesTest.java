package fr.medsaas.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DEP-1: the deployment order cut before the stack whose services pull the images. */
class StackStagesTest {
    private static StackTemplate stack(String name, String... dependsOn) {
        return new StackTemplate(name, "MedSaas-dev-" + name, "eu-west-3", name + ".template.json",
                List.of(dependsOn), JsonNodeFactory.instance.objectNode());
    }

    @Test
    @Requirement("DEP-1")
    void deliveryAndEverythingAppDoesNotNeedGoFirstAppAndItsDependantsAfter() {
        // Listed out of order: the stages follow the dependencies, not the list.
        StackStages stages = StackStages.of(List.of(stack("Compliance", "Observability"), stack("Observability", "App"),
                stack("App", "Delivery", "Data"), stack("Keys"), stack("Data", "Keys"), stack("Delivery", "Keys"),
                stack("Media", "Keys")), "MedSaas-dev-Delivery", "MedSaas-dev-App");
        assertThat(stages.beforeImageNames()).containsExactlyInAnyOrder("MedSaas-dev-Keys", "MedSaas-dev-Data",
                "MedSaas-dev-Delivery", "MedSaas-dev-Media").startsWith("MedSaas-dev-Keys");
        assertThat(stages.withImageNames()).containsExactly("MedSaas-dev-App", "MedSaas-dev-Observability",
                "MedSaas-dev-Compliance");
    }

    @Test
    @Requirement("DEP-1")
    void refusesADeliveryThatDependsOnApp() {
        assertThatThrownBy(() -> StackStages.of(List.of(stack("App"), stack("Delivery", "App")), "MedSaas-dev-Delivery",
                "MedSaas-dev-App")).hasMessageContaining("MedSaas-dev-Delivery depends on MedSaas-dev-App");
    }

    @Test
    void refusesAnAssemblyWithoutTheImageStacks() {
        assertThatThrownBy(() -> StackStages.of(List.of(stack("App")), "MedSaas-dev-Delivery", "MedSaas-dev-App"))
                .hasMessageContaining("no stack MedSaas-dev-Delivery");
    }
}
