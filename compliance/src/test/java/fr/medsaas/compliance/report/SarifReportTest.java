package fr.medsaas.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.Checker;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.check.TemplateReader;
import fr.medsaas.config.Requirement;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CMPL-4: a hand-written YAML template our packs never see fails with the expected ids, and its
 * SARIF log validates against the SARIF 2.1.0 schema, pointing at the resources' real lines.
 */
@Requirement("CMPL-4")
class SarifReportTest {
    private static Path template;
    private static CheckReport report;

    @BeforeAll
    static void checkTheYamlTemplate() throws URISyntaxException {
        template = Path.of(SarifReportTest.class.getResource("/templates/rds-us-east-1.yaml").toURI());
        var stack = TemplateReader.read(template, Optional.empty());
        report = Checker.run(new ResourceGraph(List.of(stack), Map.of(stack.stackName(), template)));
    }

    @Test
    void handWrittenYamlFailsResidencyAndEncryptionAndExposure() {
        assertThat(report.blocking()).extracting(r -> r.rule().id() + " " + r.resource().orElseThrow().logicalId())
                .contains("MEDSAAS-RES-1 PatientDb", "MEDSAAS-ENC-1 PatientDb", "MEDSAAS-ENC-1 Documents",
                        "MEDSAAS-PUB-1 PatientDb", "MEDSAAS-PUB-1 Documents", "MEDSAAS-TLS-1 PatientDb",
                        "MEDSAAS-TLS-1 Documents", "MEDSAAS-VER-1 PatientDb", "MEDSAAS-BCK-1 PatientDb");
        // the bucket says nothing of its region: undecided, not passed
        assertThat(report.results()).anySatisfy(r -> {
            assertThat(r.rule().id()).isEqualTo("MEDSAAS-RES-1");
            assertThat(r.resource().orElseThrow().logicalId()).isEqualTo("Documents");
            assertThat(r.status()).isEqualTo(fr.medsaas.compliance.rules.Status.CANNOT_DECIDE);
        });
    }

    @Test
    void shortFormTagsAreReadAsTheirLongForm() {
        JsonNode out = report.graph().stacks().get(0).template().path("Outputs").path("DbEndpoint").path("Value");
        assertThat(out.path("Fn::GetAtt").toString()).isEqualTo("[\"PatientDb\",\"Endpoint.Address\"]");
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = SarifReport.toJson(report, template.getParent());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode rules = sarif.path("runs").path(0).path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(fr.medsaas.compliance.packs.MedSaasPack.RULES.size());
        assertThat(rules.path(0).path("help").path("text").asText()).contains("HDS EXI 28");
    }

    @Test
    void sarifPointsAtTheResourceLineWithARelativePathAndConstructPath() {
        JsonNode results = SarifReport.toJson(report, template.getParent()).path("runs").path(0).path("results");
        JsonNode res1 = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals("MEDSAAS-RES-1") && r.path("level").asText().equals("error")) {
                res1 = r;
            }
        }
        assertThat(res1).isNotNull();
        JsonNode physical = res1.path("locations").path(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("rds-us-east-1.yaml");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(10); // "  PatientDb:" in the file
        assertThat(res1.path("properties").path("constructPath").asText()).isEqualTo("rds-us-east-1/PatientDb");
    }

    @Test
    void acknowledgedFindingsAreSuppressedResultsWithTheirJustification() {
        var graph = fr.medsaas.compliance.Fixtures.graph("MEDSAAS-PUB-1.fail.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) graph.resources().get(0).node()).putObject("Metadata")
                .put("aws:cdk:path", "Data/Site/Resource").putObject("cdk_nag").putArray("rules_to_suppress")
                .addObject().put("id", "MEDSAAS-PUB-1").put("reason", "a public website bucket, no health data");
        JsonNode results = SarifReport.toJson(Checker.run(graph), Path.of(".")).path("runs").path(0).path("results");
        assertThat(results).anySatisfy(r -> {
            assertThat(r.path("ruleId").asText()).isEqualTo("MEDSAAS-PUB-1");
            assertThat(r.path("suppressions").path(0).path("justification").asText()).isEqualTo("a public website bucket, no health data");
            assertThat(r.path("properties").path("constructPath").asText()).isEqualTo("Data/Site/Resource");
        });
    }

    @Test
    void notATemplateIsRefusedWithOneClearLine() throws Exception {
        Path notTemplate = java.nio.file.Files.createTempFile("notes", ".yaml");
        java.nio.file.Files.writeString(notTemplate, "shopping:\n  - milk\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateReader.read(notTemplate, Optional.empty()))
                .isInstanceOf(TemplateReader.NotATemplateException.class).hasMessageContaining("not a CloudFormation template");
        java.nio.file.Files.writeString(notTemplate, "a: [unclosed\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TemplateReader.read(notTemplate, Optional.empty()))
                .hasMessageContaining("unreadable YAML");
    }
}
