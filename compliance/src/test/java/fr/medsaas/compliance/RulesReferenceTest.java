package fr.medsaas.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.packs.RulesReference;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code docs/rules.md} is the one generated from the rule classes (CMPL-2). */
class RulesReferenceTest {
    @Test
    @Requirement("CMPL-2")
    void docsRulesMatchesThePack() throws IOException {
        Path doc = Path.of(System.getProperty("medsaas.root", ".."), "docs", "rules.md");
        String expected = RulesReference.markdown();
        if (Boolean.getBoolean("medsaas.updateRules")) {
            Files.writeString(doc, expected);
        }
        assertThat(Files.readString(doc)).as("docs/rules.md is stale; regenerate it with -Dmedsaas.updateRules=true")
                .isEqualTo(expected);
    }
}
