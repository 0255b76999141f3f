package fr.medsaas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.StackTemplate;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.constructs.iam.PlatformPrincipals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/security-model.md's tables are generated from prod's synthesized policies; regenerate them with
 * {@code mvn -pl platform -am test -Dtest=SecurityModelTest -Dmedsaas.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SecurityModelTest {
    private static StackTemplate stack(String env, String part) {
        return TestApps.assembly(env).stack(part).orElseThrow();
    }

    static String generated() {
        SecurityModel model = new SecurityModel(PlatformPrincipals.of(TestApps.config("prod")),
                List.of(TestApps.config("prod").regions().backup()));
        List<String> wide = new ArrayList<>();
        for (String env : List.of("prod", "staging", "dev")) {
            wide.addAll(SecurityModel.wideEgress(env, stack(env, "Network").resources()));
        }
        return "\n### Keys (prod, Keys stack)\n\n" + model.keys(stack("prod", "Keys").resources())
                + "\n### Keys of the backup region (prod, Replica stack)\n\n" + model.keys(stack("prod", "Replica").resources())
                + "\n### Secrets (prod, Data stack)\n\n" + model.secrets(stack("prod", "Data").resources())
                + "\n### Egress to the whole internet (every environment)\n\n"
                + "| environment | security group | port | rule |\n|---|---|---|---|\n"
                + (wide.isEmpty() ? "" : String.join("\n", wide) + "\n") + "\n";
    }

    @Test
    @Requirement("HARD-7")
    void theSecurityModelIsTheOneThePoliciesSay() throws IOException {
        Path doc = TestApps.root().resolve("docs/security-model.md");
        String text = Files.readString(doc);
        int begin = text.indexOf(SecurityModel.BEGIN);
        int end = text.indexOf(SecurityModel.END);
        assertThat(begin).as("markers in " + doc).isNotNegative().isLessThan(end);
        String expected = text.substring(0, begin + SecurityModel.BEGIN.length()) + "\n" + generated()
                + text.substring(end);
        if (Boolean.getBoolean("medsaas.updateDocs") && !expected.equals(text)) {
            Files.writeString(doc, expected);
            text = expected;
        }
        assertThat(text).as("docs/security-model.md is stale; regenerate it with -Dmedsaas.updateDocs=true").isEqualTo(expected);
    }

    @Test
    @Requirement("HARD-7")
    void noRuntimeRoleReadsTheMasterAndProdHasNoWideEgress() {
        String model = generated();
        String master = model.lines().filter(l -> l.contains("`medical-saas/postgres-master`")).findFirst().orElseThrow();
        assertThat(master).doesNotContain("ECS");
        assertThat(SecurityModel.wideEgress("prod", stack("prod", "Network").resources())).isEmpty();
    }
}
