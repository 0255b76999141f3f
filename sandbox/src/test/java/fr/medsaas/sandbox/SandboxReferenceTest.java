package fr.medsaas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/sandbox.md's tables are the ones generated from the data table and the defects. When a
 * row changes, regenerate them:
 * {@code mvn -q -pl sandbox -am test -Dtest=SandboxReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dmedsaas.updateDocs=true}.
 */
class SandboxReferenceTest {
    @Test
    @Requirement("SBX-1")
    void docsListWhatTheEmulatorCoversAndWhatNotAsTheTableSays() throws IOException {
        Path doc = Assemblies.root().resolve("docs/sandbox.md");
        String text = Files.readString(doc);
        String expected = SandboxReference.update(text);
        if (Boolean.getBoolean("medsaas.updateDocs") && !expected.equals(text)) {
            Files.writeString(doc, expected);
            text = expected;
        }
        assertThat(text).as("docs/sandbox.md is stale; regenerate it with -Dmedsaas.updateDocs=true").isEqualTo(expected);
    }

    @Test
    @Requirement("SBX-1")
    void theReferenceNamesEveryDefectAndTheLeftOutTypes() {
        String md = SandboxReference.markdown();
        for (MotoDefect d : MotoDefect.values()) {
            assertThat(md).contains(d.id());
        }
        assertThat(md).contains("| `AWS::EC2::SecurityGroupEgress` | moto 5.2.1 has no CloudFormation model")
                .contains("| `Custom::*` | Lambda-backed custom resource")
                .contains("| `AWS::KMS::Key` |");
    }
}
