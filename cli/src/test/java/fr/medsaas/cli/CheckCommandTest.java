package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-1, CMPL-4: {@code medsaas check} on templates and assemblies, its formats and exit codes. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private static String resource(String name) throws Exception {
        return Path.of(CheckCommandTest.class.getResource("/check/" + name).toURI()).toString();
    }

    @Test
    @Requirement("CMPL-4")
    void rdsInUsEast1FailsResidencyWithExit3() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("rds-us-east-1.yaml"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).containsPattern("ERROR\\s+MEDSAAS-RES-1\\s+rds-us-east-1/PatientDb: in us-east-1, outside the EEA")
                .containsPattern("UNDECIDED\\s+MEDSAAS-RES-1\\s+rds-us-east-1/Documents")
                .contains("MEDSAAS-ENC-1 (error, failed on 2)")
                .startsWith("MedSaas.HDS-RGPD (baseline profile): FAILED");
    }

    @Test
    @Requirement("CMPL-4")
    void cleanTemplateInAnEeaRegionExits0AndPrintsEveryRuleWhenVerbose() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("clean.json"), "--region", "eu-west-3", "--verbose");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("MedSaas.HDS-RGPD (baseline profile): PASSED")
                .contains("MEDSAAS-RES-1 (error, all pass)", "MEDSAAS-BCK-1 (error, not applicable)", "0 open errors", "in 1 stack;")
                .doesNotContain("error (passed)", "1 stacks");
    }

    @Test
    @Requirement("CMPL-4")
    void withoutVerboseTheVerdictAndFindingsComeAloneAndPassesAreCounted() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("clean.json"), "--region", "eu-west-3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("MedSaas.HDS-RGPD (baseline profile): PASSED").doesNotContain("PASS ", "MEDSAAS-RES-1 (")
                .containsPattern("\\(\\d+ pass(es)? not shown; --verbose lists them\\)");
    }

    @Test
    @Requirement("CMPL-4")
    void baselineProfilePassesACarefulTeamsTemplateAndSaysWhatItCannotDecide() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("team-records.yaml"), "--region", "eu-west-3");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("MedSaas.HDS-RGPD (baseline profile): PASSED")
                .containsPattern("UNDECIDED\\s+MEDSAAS-BCK-1\\s+team-records/Records: cannot decide in one template")
                .doesNotContain("MEDSAAS-KEY-1 (", "MEDSAAS-SEC-1 (");
    }

    @Test
    @Requirement("CMPL-4")
    void strictProfileHoldsTheSameTemplateToOurPlatformsConventions() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("team-records.yaml"), "--region", "eu-west-3",
                "--profile", "strict");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).startsWith("MedSaas.HDS-RGPD (strict profile): FAILED")
                .containsPattern("ERROR\\s+MEDSAAS-KEY-1\\s+team-records/RecordsKey")
                .containsPattern("ERROR\\s+MEDSAAS-SEC-1\\s+team-records/ApiSecret")
                .containsPattern("ERROR\\s+MEDSAAS-BCK-1\\s+team-records/Records");
        assertThat(CliRun.of("check", "--template", resource("team-records.yaml"), "--profile", "lax").exitCode()).isEqualTo(2);
    }

    @Test
    void notATemplateExits2WithOneClearLine() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("notes.txt"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("notes.txt").contains("not a CloudFormation template");
    }

    @Test
    void unknownFormatOrMissingAssemblyExits2() throws Exception {
        assertThat(CliRun.of("check", "--template", resource("clean.json"), "--format", "xml").exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("check", "--assembly", tmp.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("not a cloud assembly");
    }

    @Test
    @Requirement("CMPL-2")
    void assemblyToSarifFileHonoursAcknowledgementsAndExits3OnTheOpenOne() throws Exception {
        Path out = tmp.resolve("check.sarif");
        CliRun run = CliRun.of("check", "--assembly", resource("assembly"), "--format", "sarif", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("MEDSAAS-RET-1").contains("Demo-App/Logs/Resource").doesNotContain("Demo-App/Audit");
        JsonNode results = new ObjectMapper().readTree(out.toFile()).path("runs").path(0).path("results");
        assertThat(results).hasSize(2);
        assertThat(results.findValues("justification")).extracting(JsonNode::asText)
                .containsExactly("kept forever by a legal hold stated in the register");
        assertThat(results.findValues("startLine")).extracting(JsonNode::asInt).contains(3);
    }

    @Test
    void jsonFormatListsEveryResultWithItsStatus() throws Exception {
        CliRun run = CliRun.of("check", "--template", resource("clean.json"), "--region", "eu-west-3", "--format", "json");
        assertThat(run.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("summary").path("clean").asBoolean()).isTrue();
        assertThat(root.path("results").findValuesAsText("status")).contains("compliant", "not-applicable");
    }
}
