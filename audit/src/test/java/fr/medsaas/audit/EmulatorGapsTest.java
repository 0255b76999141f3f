package fr.medsaas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AUD-1, SBX-1: a FAIL is NOT_EMULATED only when the sandbox's metadata says the emulator lacks
 * exactly what it misses; any other answer on the same resource stays a FAIL.
 */
@Requirement("AUD-1")
class EmulatorGapsTest {
    private static final JsonNode TEMPLATE = read("""
            {"Metadata":{"MedSaasSandboxNotEmulated":{
              "LeftOut":[{"LogicalId":"LogsPolicy","Type":"AWS::S3::BucketPolicy","Reason":"no model","Names":{"Bucket":"Logs"}},
                         {"LogicalId":"Recorder","Type":"AWS::Config::ConfigurationRecorder","Reason":"no model","Names":{}}],
              "IgnoredByMoto":[{"LogicalId":"Logs","Type":"AWS::S3::Bucket","Property":"PublicAccessBlockConfiguration",
                                "Defect":"moto:S3_BUCKET_PROPERTIES"},
                               {"LogicalId":"Sg","Type":"AWS::EC2::SecurityGroup","Property":"SecurityGroupEgress",
                                "Defect":"moto:SECURITY_GROUP_DEFAULT_EGRESS"}]}},
             "Resources":{}}
            """);
    private static final EmulatorGaps GAPS = EmulatorGaps.of(List.of(new Inventory.DeployedStack("S", "eu-west-3",
            "CREATE_COMPLETE", List.of(), TEMPLATE)));

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditFinding fail(Control c, String logicalId, String region, String message) {
        return new AuditFinding(c.id(), Status.FAIL, message, "p", region, logicalId.isEmpty() ? "" : "S", logicalId, "",
                c.references());
    }

    @Test
    void aMissingBlockOrPolicyThatTheTemplateDeclaresIsNotEmulated() {
        assertThat(GAPS.explain(fail(Control.PUB_1, "Logs", "eu-west-3", ResourceControls.NO_PUBLIC_ACCESS_BLOCK)))
                .get().asString().contains("PublicAccessBlockConfiguration").contains("moto:S3_BUCKET_PROPERTIES");
        assertThat(GAPS.explain(fail(Control.TLS_1, "Logs", "eu-west-3", ResourceControls.NO_BUCKET_POLICY + ": TLS not enforced")))
                .get().asString().contains("AWS::S3::BucketPolicy LogsPolicy");
        assertThat(GAPS.explain(fail(Control.LIVE_9, "Sg", "eu-west-3", ResourceControls.EGRESS_BEYOND + "all traffic to 0.0.0.0/0")))
                .get().asString().contains("moto:SECURITY_GROUP_DEFAULT_EGRESS");
        assertThat(GAPS.explain(fail(Control.LIVE_5, "", "eu-west-3", "no configuration recorder in eu-west-3")))
                .get().asString().contains("AWS::Config::ConfigurationRecorder Recorder");
    }

    @Test
    void failsStayFailuresWhenTheEmulatorDoesNotExplainThem() {
        // A block that exists with a flag off, a policy that exists without the deny: someone set them.
        assertThat(GAPS.explain(fail(Control.PUB_1, "Logs", "eu-west-3", "public access block off: BlockPublicPolicy"))).isEmpty();
        assertThat(GAPS.explain(fail(Control.TLS_1, "Logs", "eu-west-3",
                "the bucket policy does not deny aws:SecureTransport=false"))).isEmpty();
        // Another bucket, whose policy the sandbox did not leave out.
        assertThat(GAPS.explain(fail(Control.TLS_1, "Other", "eu-west-3", ResourceControls.NO_BUCKET_POLICY + ": TLS not enforced")))
                .isEmpty();
        // Egress beyond the lone default rule.
        assertThat(GAPS.explain(fail(Control.LIVE_9, "Sg", "eu-west-3", ResourceControls.EGRESS_BEYOND
                + "all traffic to 0.0.0.0/0; tcp 443 to 0.0.0.0/0"))).isEmpty();
        // A region where no stack declares a recorder: AWS would fail it too.
        assertThat(GAPS.explain(fail(Control.LIVE_5, "", "eu-central-1", "no configuration recorder in eu-central-1"))).isEmpty();
        assertThat(GAPS.explain(fail(Control.LIVE_6, "", "eu-west-3", "no GuardDuty detector in eu-west-3"))).isEmpty();
    }

    @Test
    void onlyFailuresAreTurnedAndTheyKeepTheirMessage() {
        AuditFinding pass = new AuditFinding(Control.PUB_1.id(), Status.PASS, "all four public access blocks on", "p",
                "eu-west-3", "S", "Logs", "", Control.PUB_1.references());
        AuditFinding missing = fail(Control.PUB_1, "Logs", "eu-west-3", ResourceControls.NO_PUBLIC_ACCESS_BLOCK);
        List<AuditFinding> out = GAPS.apply(List.of(pass, missing));
        assertThat(out.get(0)).isEqualTo(pass);
        assertThat(out.get(1).status()).isEqualTo(Status.NOT_EMULATED);
        assertThat(out.get(1).message()).startsWith(ResourceControls.NO_PUBLIC_ACCESS_BLOCK + " (");
        AuditReport r = new AuditReport("dev", java.time.Instant.EPOCH, List.of("eu-west-3"), out, List.of());
        assertThat(r.exitCode()).as("NOT_EMULATED is no failure").isZero();
        assertThat(r.toText()).contains("NOT EMULATED    MEDSAAS-PUB-1").contains("1 not emulated");
        assertThat(EmulatorGaps.of(List.of(new Inventory.DeployedStack("S", "eu-west-3", "CREATE_COMPLETE", List.of(),
                read("{\"Resources\":{}}")))).any()).as("a real account's template").isFalse();
    }
}
