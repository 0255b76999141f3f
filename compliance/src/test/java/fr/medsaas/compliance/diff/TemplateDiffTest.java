package fr.medsaas.compliance.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.medsaas.config.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each cause of a replacement, deletion or orphan, read offline from two templates. */
@Requirement("RB-1")
class TemplateDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReplacementProperties SPEC = ReplacementProperties.shipped();

    static JsonNode template(String resources) {
        try {
            return JSON.readTree("{\"Resources\":{" + resources.replace('\'', '"') + "}}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final String BUCKET = "'Media':{'Type':'AWS::S3::Bucket','DeletionPolicy':'RetainExceptOnCreate',"
            + "'UpdateReplacePolicy':'Retain','Properties':{'BucketName':'%s','VersioningConfiguration':{'Status':'%s'}}}";

    static List<ResourceChange> diff(String before, String after) {
        return TemplateDiff.compare("S", Optional.of(template(before)), template(after), SPEC);
    }

    static ResourceChange only(List<ResourceChange> changes, String id) {
        return changes.stream().filter(c -> c.logicalId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shippedSpecificationIsDatedAndKnowsOurStatefulTypes() {
        assertTrue(SPEC.source().startsWith("@aws-cdk/aws-service-spec@"), SPEC.source());
        assertTrue(SPEC.extracted().matches("\\d{4}-\\d{2}-\\d{2}"), SPEC.extracted());
        assertTrue(SPEC.replaces("AWS::S3::Bucket", "BucketName"));
        assertTrue(SPEC.replaces("AWS::RDS::DBInstance", "DBInstanceIdentifier"));
        assertTrue(SPEC.replaces("AWS::RDS::DBInstance", "KmsKeyId"));
        assertTrue(SPEC.replaces("AWS::Logs::LogGroup", "LogGroupName"));
        assertFalse(SPEC.replaces("AWS::S3::Bucket", "VersioningConfiguration"));
        assertTrue(SPEC.typeCount() > 1000);
    }

    @Test
    void unchangedTemplateHasNoChange() {
        assertEquals(List.of(), diff(BUCKET.formatted("a", "Enabled"), BUCKET.formatted("a", "Enabled")));
    }

    @Test
    void mutablePropertyIsAnUpdateInPlace() {
        ResourceChange c = only(diff(BUCKET.formatted("a", "Enabled"), BUCKET.formatted("a", "Suspended")), "Media");
        assertEquals(Effect.UPDATED, c.effect());
        assertEquals(List.of("VersioningConfiguration"), c.properties());
        assertFalse(c.endangersData());
    }

    @Test
    void changedCreateOnlyPropertyReplacesTheResource() {
        ResourceChange c = only(diff(BUCKET.formatted("a", "Enabled"), BUCKET.formatted("b", "Enabled")), "Media");
        assertEquals(Effect.REPLACED, c.effect());
        assertEquals(Optional.of("bucket"), c.statefulKind());
        assertEquals(Optional.of("Retain"), c.keepPolicy());
        assertTrue(c.causes().get(0).contains("BucketName is create-only"), c.causes().toString());
        assertTrue(c.endangersData());
    }

    @Test
    void conditionalCreateOnlyPropertyMayReplace() {
        String db = "'Db':{'Type':'AWS::RDS::DBInstance','Properties':{'MultiAZ':%s}}";
        ResourceChange c = only(diff(db.formatted("false"), db.formatted("true")), "Db");
        assertEquals(Effect.MAY_BE_REPLACED, c.effect());
        assertTrue(c.endangersData());
        assertEquals(Optional.empty(), c.keepPolicy());
    }

    @Test
    void changedLogicalIdIsARemovalAndAnAdditionBothNamed() {
        List<ResourceChange> changes = diff(BUCKET.formatted("a", "Enabled"),
                BUCKET.replace("'Media'", "'Media2'").formatted("a", "Enabled"));
        ResourceChange gone = only(changes, "Media");
        ResourceChange added = only(changes, "Media2");
        assertEquals(Effect.ORPHANED, gone.effect());
        assertTrue(gone.causes().stream().anyMatch(s -> s.contains("changed logical ID? Media2")), gone.causes().toString());
        assertEquals(Effect.ADDED, added.effect());
        assertTrue(added.causes().stream().anyMatch(s -> s.contains("changed logical ID? Media ")), added.causes().toString());
        assertTrue(gone.endangersData());
    }

    @Test
    void changedTypeReplaces() {
        String before = "'Store':{'Type':'AWS::DynamoDB::Table','Properties':{}}";
        String after = "'Store':{'Type':'AWS::DynamoDB::GlobalTable','Properties':{}}";
        ResourceChange c = only(diff(before, after), "Store");
        assertEquals(Effect.REPLACED, c.effect());
        assertTrue(c.causes().get(0).startsWith("type changed from AWS::DynamoDB::Table"), c.causes().toString());
    }

    @Test
    void removalWithoutRetainDeletesAndWithRetainOrphans() {
        String deleted = "'Logs':{'Type':'AWS::Logs::LogGroup','Properties':{}}";
        ResourceChange d = only(diff(deleted, ""), "Logs");
        assertEquals(Effect.DELETED, d.effect());
        assertEquals(Optional.empty(), d.keepPolicy());
        ResourceChange o = only(diff(BUCKET.formatted("a", "Enabled"), ""), "Media");
        assertEquals(Effect.ORPHANED, o.effect());
        assertTrue(o.causes().get(0).contains("keeps it, outside any stack"), o.causes().toString());
    }

    @Test
    void customResourceChangeIsUnknownNotSafe() {
        String cr = "'Cr':{'Type':'Custom::SecretsBuilder','Properties':{'ServiceToken':'x','Size':%d}}";
        ResourceChange c = only(diff(cr.formatted(1), cr.formatted(2)), "Cr");
        assertEquals(Effect.UNKNOWN, c.effect());
    }

    @Test
    void createOnlyReferenceToAReplacedResourceReplacesToo() {
        String key = "'Key':{'Type':'AWS::KMS::Key','Properties':{}}";
        String oldDb = "'Db':{'Type':'AWS::RDS::DBInstance','Properties':{'KmsKeyId':{'Fn::GetAtt':['Key','Arn']}}}";
        String newDb = "'Db':{'Type':'AWS::RDS::DBInstance','Properties':{'KmsKeyId':{'Fn::GetAtt':['Key2','Arn']}}}";
        String log = "'L':{'Type':'AWS::Logs::LogGroup','Properties':{'LogGroupName':{'Ref':'Db'}}}";
        List<ResourceChange> changes = diff(key + "," + oldDb + "," + log, key.replace("'Key'", "'Key2'") + "," + newDb + "," + log);
        assertEquals(Effect.REPLACED, only(changes, "Db").effect());
        ResourceChange l = only(changes, "L");
        assertEquals(Effect.REPLACED, l.effect());
        assertTrue(l.causes().get(0).contains("refers to Db, which is replaced"), l.causes().toString());
    }

    @Test
    void missingStackMeansEverythingAdded() {
        List<ResourceChange> changes = TemplateDiff.compare("S", Optional.empty(),
                template(BUCKET.formatted("a", "Enabled")), SPEC);
        assertEquals(Effect.ADDED, only(changes, "Media").effect());
        assertFalse(only(changes, "Media").endangersData());
    }

    @Test
    void guardRefusesUnlessEachIsNamedAndKept() {
        String deleted = "'Logs':{'Type':'AWS::Logs::LogGroup','Properties':{}}";
        AssemblyDiff diff = new AssemblyDiff("test", SPEC,
                diff(BUCKET.formatted("a", "Enabled") + "," + deleted, BUCKET.formatted("b", "Enabled")),
                List.of(), List.of(), List.of());
        assertEquals(2, diff.atRisk().size());
        assertEquals("Logs", diff.changes().get(0).effect() == Effect.DELETED ? "Logs" : diff.changes().get(1).logicalId());
        assertFalse(DeployGuard.judge(diff, Map.of()).passes());
        DeployGuard.Verdict v = DeployGuard.judge(diff, Map.of("Media", "renamed on purpose", "Logs", "gone", "Other", "x"));
        assertFalse(v.passes());
        assertEquals("Logs", v.refused().get(0).change().logicalId());
        assertTrue(v.refused().get(0).why().contains("no Retain or Snapshot policy"), v.refused().get(0).why());
        assertEquals(java.util.Set.of("Other"), v.unused());
        AssemblyDiff onlyBucket = new AssemblyDiff("test", SPEC,
                diff(BUCKET.formatted("a", "Enabled"), BUCKET.formatted("b", "Enabled")), List.of(), List.of(), List.of());
        assertTrue(DeployGuard.judge(onlyBucket, Map.of("Media", "renamed on purpose")).passes());
    }

    @Test
    void changeSetReplacementTheOfflineReadingMissedIsAtRisk() {
        String db = "'Db':{'Type':'AWS::RDS::DBInstance','UpdateReplacePolicy':'Snapshot','Properties':{'AllocatedStorage':'%s'}}";
        AssemblyDiff offline = new AssemblyDiff("test", SPEC, diff(db.formatted("20"), db.formatted("30")), List.of(),
                List.of(), List.of());
        assertEquals(0, offline.atRisk().size());
        AssemblyDiff withSet = new AssemblyDiff("test", SPEC, offline.changes(), List.of(),
                List.of(new ChangeSetEntry("S", "Db", "AWS::RDS::DBInstance", "Modify", "Conditional")), List.of());
        assertEquals(1, withSet.atRisk().size());
        assertEquals(Effect.REPLACED, withSet.atRisk().get(0).effect());
    }

    @Test
    void textPutsStatefulRiskFirstAndJsonCarriesTheSpecVersion() {
        String role = "'Role':{'Type':'AWS::IAM::Role','Properties':{'RoleName':'%s'}}";
        AssemblyDiff d = new AssemblyDiff("test", SPEC, diff(role.formatted("a") + "," + BUCKET.formatted("a", "Enabled"),
                role.formatted("b") + "," + BUCKET.formatted("b", "Enabled")), List.of(), List.of(), List.of());
        java.io.StringWriter out = new java.io.StringWriter();
        d.printText(new java.io.PrintWriter(out));
        String text = out.toString();
        assertTrue(text.indexOf("!!! REPLACED") < text.indexOf("Role"), text);
        assertTrue(text.contains("1 stateful at risk"), text);
        assertTrue(d.toJson().contains("\"source\" : \"" + SPEC.source()), d.toJson());
    }

    @Test
    void changeSetsAreAskedForExistingStacksOnlyAndARefusalLeavesANote() {
        fr.medsaas.compliance.assembly.StackTemplate existing = new fr.medsaas.compliance.assembly.StackTemplate("A", "S",
                "eu-west-3", "S.template.json", List.of(), template(BUCKET.formatted("b", "Enabled")));
        fr.medsaas.compliance.assembly.StackTemplate fresh = new fr.medsaas.compliance.assembly.StackTemplate("B", "New",
                "eu-west-3", "New.template.json", List.of(), template(BUCKET.formatted("c", "Enabled")));
        fr.medsaas.compliance.assembly.StackTemplate big = new fr.medsaas.compliance.assembly.StackTemplate("C", "Big",
                "eu-west-3", "Big.template.json", List.of(), template(BUCKET.formatted("d", "Enabled")));
        PreviousTemplates deployed = new PreviousTemplates() {
            @Override
            public Optional<JsonNode> template(String stackName, String region) {
                return switch (stackName) {
                    case "S" -> Optional.of(TemplateDiffTest.template(BUCKET.formatted("a", "Enabled")));
                    case "Big" -> Optional.of(TemplateDiffTest.template(BUCKET.formatted("d", "Enabled")));
                    default -> Optional.empty();
                };
            }

            @Override
            public String describe() {
                return "a stub";
            }
        };
        List<String> asked = new java.util.ArrayList<>();
        ChangeSets stub = (stack, region, t) -> {
            asked.add(stack);
            if (stack.equals("Big")) {
                throw new UnsupportedOperationException("too large");
            }
            return List.of(new ChangeSetEntry(stack, "Media", "AWS::S3::Bucket", "Modify", "True"));
        };
        AssemblyDiff d = AssemblyDiff.compare(List.of(existing, fresh, big), deployed, SPEC)
                .withChangeSets(List.of(existing, fresh, big), stub);
        assertEquals(List.of("S", "Big"), asked);
        assertEquals(List.of("New"), d.newStacks());
        assertEquals(1, d.changeSets().size());
        assertEquals(List.of("no change set for Big: too large; the offline reading stands"), d.notes());
        assertEquals(1, d.atRisk().size());
    }
}
