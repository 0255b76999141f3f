package fr.medsaas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUD-1: exit codes (0 clean, 3 findings, 1 nothing read) and the JSON and SARIF shapes. */
@Requirement("AUD-1")
class AuditReportTest {
    private static AuditFinding finding(Status s) {
        return new AuditFinding("MEDSAAS-PUB-1", s, "m", "bucket", "eu-west-3", "MedSaas-dev-Media", "Bucket1",
                "MedSaas-dev-Media/Bucket/Resource", List.of("S3-3"));
    }

    private static AuditReport report(Status... statuses) {
        return new AuditReport("dev", Instant.EPOCH, List.of("eu-west-3"),
                java.util.Arrays.stream(statuses).map(AuditReportTest::finding).toList(), List.of());
    }

    @Test
    void exitCodes() {
        assertThat(report(Status.PASS, Status.COULD_NOT_CHECK).exitCode()).isZero();
        assertThat(report(Status.PASS, Status.FAIL).exitCode()).isEqualTo(3);
        assertThat(report(Status.COULD_NOT_CHECK).exitCode()).isEqualTo(1);
        assertThat(report().exitCode()).isEqualTo(1);
    }

    @Test
    void jsonAndSarifNameTheResourceItsPathAndReferences() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode json = m.readTree(report(Status.FAIL).toJson());
        assertThat(json.path("findings").get(0).path("constructPath").asText()).isEqualTo("MedSaas-dev-Media/Bucket/Resource");
        assertThat(json.path("summary").path("FAIL").asInt()).isEqualTo(1);
        JsonNode sarif = m.readTree(report(Status.FAIL, Status.COULD_NOT_CHECK).toSarif());
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(results.get(0).path("level").asText()).isEqualTo("error");
        assertThat(results.get(1).path("kind").asText()).isEqualTo("open");
        assertThat(results.get(0).path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                .isEqualTo("MedSaas-dev-Media/Bucket/Resource");
    }
}
