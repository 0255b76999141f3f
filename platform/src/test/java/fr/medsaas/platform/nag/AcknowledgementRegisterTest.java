package fr.medsaas.platform.nag;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.register.AcknowledgementRegister;
import fr.medsaas.config.Requirement;
import fr.medsaas.platform.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/acknowledgements.md} is the register generated from the prod, staging and dev
 * assemblies (every pack run). Regenerate it with
 * {@code mvn -q -o -pl platform -am test -Dtest=AcknowledgementRegisterTest -Dsurefire.failIfNoSpecifiedTests=false -Dmedsaas.updateDocs=true}.
 */
class AcknowledgementRegisterTest {
    @Test
    @Requirement("CMPL-1")
    void docsAcknowledgementsIsTheRegisterOfTheAssemblies() throws IOException {
        Map<String, CloudAssembly> assemblies = new LinkedHashMap<>();
        for (String env : new String[] {"prod", "staging", "dev"}) {
            assemblies.put(env, TestApps.checked(env).assembly());
        }
        String expected = AcknowledgementRegister.markdown(assemblies);
        Path register = TestApps.root().resolve("docs/acknowledgements.md");
        String text = Files.exists(register) ? Files.readString(register) : "";
        if (Boolean.getBoolean("medsaas.updateDocs") && !expected.equals(text)) {
            Files.writeString(register, expected);
            text = expected;
        }
        assertThat(text).as("docs/acknowledgements.md is stale; regenerate it with -Dmedsaas.updateDocs=true")
                .isEqualTo(expected);
    }
}
