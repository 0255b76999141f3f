package fr.medsaas.compliance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/reader";
    private static IamEngine engine;

    @BeforeAll
    static void engine() {
        engine = IamEngine.standard();
        var reason = engine.unavailableReason();
        if (reason.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: the IAM engine must run: " + reason.get());
            }
            Assumptions.abort(reason.get());
        }
    }

    static JsonNode doc(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final NamedPolicy READ = new NamedPolicy("ReaderPolicy", doc("""
            {'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::media/*'}]}"""));

    static AccessRequest get(PolicySet policies) {
        return new AccessRequest(ROLE, "s3:GetObject", "arn:aws:s3:::media/k", ACCOUNT, Map.of(), policies);
    }

    @Test
    void decidesABatchInOrderWithTheDecidingStatements() {
        JsonNode denyOthers = doc("""
                {'Version':'2012-10-17','Statement':[{'Sid':'OnlyWriter','Effect':'Deny','Principal':'*','Action':'s3:*',
                 'Resource':'arn:aws:s3:::media/*','Condition':{'StringNotEquals':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/writer'}}}]}""");
        NamedPolicy putOnly = new NamedPolicy("S3Endpoint", doc("""
                {'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:PutObject','Resource':'*'}]}"""));
        List<Decision> d = engine.evaluate(List.of(
                get(PolicySet.identity(List.of(READ))),
                get(PolicySet.identity(List.of())),
                get(PolicySet.identity(List.of(READ)).withResource(denyOthers)),
                get(PolicySet.identity(List.of(READ)).withEndpoint(putOnly))));

        assertEquals(Decision.Outcome.ALLOWED, d.get(0).outcome(), d.get(0).describe());
        assertEquals("Read", d.get(0).deciding().get(0).sid());
        assertEquals("ReaderPolicy", d.get(0).deciding().get(0).policyName());
        assertEquals(Decision.Outcome.IMPLICIT_DENY, d.get(1).outcome(), d.get(1).describe());
        assertEquals(List.of("identity"), d.get(1).blockedBy());
        assertEquals(Decision.Outcome.EXPLICIT_DENY, d.get(2).outcome(), d.get(2).describe());
        assertEquals("OnlyWriter", d.get(2).deciding().get(0).sid());
        assertEquals("resource", d.get(2).deciding().get(0).policyType());
        assertEquals(Decision.Outcome.IMPLICIT_DENY, d.get(3).outcome(), d.get(3).describe());
        assertEquals(List.of("vpce"), d.get(3).blockedBy());
    }

    @Test
    void conditionsReadTheRequestContext() {
        NamedPolicy tls = new NamedPolicy("Tls", doc("""
                {'Version':'2012-10-17','Statement':[{'Sid':'TlsOnly','Effect':'Allow','Action':'s3:GetObject','Resource':'*',
                 'Condition':{'Bool':{'aws:SecureTransport':'true'}}}]}"""));
        List<Decision> d = engine.evaluate(List.of(
                get(PolicySet.identity(List.of(tls))).withContext("aws:SecureTransport", "true"),
                get(PolicySet.identity(List.of(tls))).withContext("aws:SecureTransport", "false")));
        assertEquals(Decision.Outcome.ALLOWED, d.get(0).outcome(), d.get(0).describe());
        assertEquals(Decision.Outcome.IMPLICIT_DENY, d.get(1).outcome(), d.get(1).describe());
    }

    @Test
    void guardrailsDenyWhatIdentityAllows() {
        NamedPolicy denyS3 = new NamedPolicy("NoMediaReads", doc("""
                {'Version':'2012-10-17','Statement':[{'Sid':'Deny','Effect':'Allow','Action':'*','Resource':'*'},
                 {'Sid':'NoGet','Effect':'Deny','Action':'s3:GetObject','Resource':'*'}]}"""));
        Decision d = engine.evaluate(List.of(get(PolicySet.identity(List.of(READ))
                .withScps(List.of(new OrgPolicies("r-root", List.of(denyS3))))))).get(0);
        assertEquals(Decision.Outcome.EXPLICIT_DENY, d.outcome(), d.describe());
        assertEquals("scp", d.deciding().get(0).policyType());
        assertEquals("NoGet", d.deciding().get(0).sid());
    }

    @Test
    void refusesAnUnknownActionAndAResourceOfTheWrongType() {
        List<Decision> d = engine.evaluate(List.of(
                new AccessRequest(ROLE, "s3:GetObjekt", "arn:aws:s3:::media/k", ACCOUNT, Map.of(), PolicySet.identity(List.of(READ))),
                new AccessRequest(ROLE, "s3:GetObject", "arn:aws:sqs:eu-west-3:111122223333:q", ACCOUNT, Map.of(),
                        PolicySet.identity(List.of(READ)))));
        assertEquals(Decision.Outcome.ERROR, d.get(0).outcome());
        assertTrue(d.get(0).describe().contains("unknown action s3:GetObjekt"), d.get(0).describe());
        assertEquals(Decision.Outcome.ERROR, d.get(1).outcome());
        assertTrue(d.get(1).describe().contains("not a resource type that s3:GetObject takes"), d.get(1).describe());
    }

    @Test
    void cannotDecideWithoutNpmNeverAllows(@TempDir Path empty) {
        IamEngine offline = new IamEngine(empty, List.of(empty.resolve("no-npm").toString()), "node");
        List<Decision> d = offline.evaluate(List.of(get(PolicySet.identity(List.of(READ)))));
        assertEquals(Decision.Outcome.CANNOT_DECIDE, d.get(0).outcome());
        assertTrue(d.get(0).describe().contains("cannot fetch " + IamEngine.SIMULATE), d.get(0).describe());
        assertTrue(offline.unavailableReason().isPresent());
    }
}
