package fr.medsaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.medsaas.compliance.access.AccessPathsDoc;
import fr.medsaas.compliance.access.AccessProof;
import fr.medsaas.compliance.assembly.CloudAssembly;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACC-1: the prod assembly's access paths are all proven, and removing any single grant a path relies
 * on (one mutation of the synthesized templates per policy family) makes {@code check --assembly}
 * exit 3 naming the path and the statement's origin.
 */
class AccessProofCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path prod;
    static CliRun prodCheck;

    @BeforeAll
    static void synthesizeProd() {
        prod = tmp.resolve("prod");
        CliRun synth = CliRun.of("synth", "--config", CliRun.configDir() + "/prod.yaml", "--out", prod.toString());
        assertThat(synth.exitCode()).as(synth.out() + synth.err()).isZero();
        prodCheck = CliRun.of("check", "--assembly", prod.toString());
    }

    @Test
    @Requirement("ACC-1")
    void prodProvesEveryPathAndSaysHowMany() {
        assertThat(prodCheck.exitCode()).as(prodCheck.out() + prodCheck.err()).isZero();
        assertThat(prodCheck.out()).containsPattern("MEDSAAS-ACC-1 +\\(assembly\\): \\d+ deploy-time access paths proven")
                .containsPattern("MEDSAAS-ACC-2 +\\(assembly\\): \\d+ run-time access paths proven");
    }

    @Test
    @Requirement("ACC-1")
    void executionPolicyMutation_aRoleOutsideTheToolsNamesCannotBeCreated() throws IOException {
        CliRun run = mutated("Data", t -> ((ObjectNode) t.path("Resources").path("DatabaseRolesFunctionRole36C13C03")
                .path("Properties")).put("RoleName", "other-team-db-roles-role"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-1", "iam:CreateRole on arn:aws:iam::123456789012:role/other-team-db-roles-role",
                "no statement of execution policy (./medsaas bootstrap --print-policy) allows it");
    }

    @Test
    @Requirement("ACC-1")
    void secretPolicyMutation_theExecutionRoleNoLongerReadsATaskSecret() throws IOException {
        CliRun run = mutated("Data", t -> dropReader(t, "SecretsDatabaseUrlPolicy417CA7D3", 0, "ecs-execution-role"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "task secret", "secretsmanager:GetSecretValue",
                "statement OnlyTheNamedRolesReadTheValue of MedSaas-prod-Data/SecretsDatabaseUrlPolicy417CA7D3");
    }

    @Test
    @Requirement("ACC-1")
    void endpointPolicyMutation_anAccountConditionOnEcrLayersStopsImagePulls() throws IOException {
        CliRun run = mutated("Network", t -> {
            for (JsonNode st : t.path("Resources").path("VpcS3545E1453").path("Properties").path("PolicyDocument").path("Statement")) {
                if (st.path("Sid").asText().equals("EcrImageLayers")) {
                    ((ObjectNode) st).set("Condition", JSON.valueToTree(java.util.Map.of("StringEquals",
                            java.util.Map.of("aws:PrincipalAccount", java.util.Map.of("Ref", "AWS::AccountId")))));
                }
            }
        });
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "image layer through the S3 endpoint",
                "no statement of MedSaas-prod-Network/VpcS3545E1453 allows it");
    }

    @Test
    @Requirement("ACC-1")
    void keyPolicyMutation_logsCannotEncryptWithTheLogsKey() throws IOException {
        CliRun run = mutated("Keys", t -> removeStatement(t.path("Resources").path("KeysLogs7981C88C").path("Properties")
                .path("KeyPolicy").path("Statement"), "AllowCloudWatchLogsOfThisAccount"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "logs service on the logs key", "kms:GenerateDataKey",
                "no statement of MedSaas-prod-Keys/KeysLogs7981C88C allows it");
    }

    @Test
    @Requirement("ACC-1")
    void keyPolicyMutation_eventBridgeCannotEncryptAlerts() throws IOException {
        CliRun run = mutated("Keys", t -> removeStatement(t.path("Resources").path("KeysAlerts289342A3").path("Properties")
                .path("KeyPolicy").path("Statement"), "AllowEventBridgeToPublishToTheAlertsTopic"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "alert encrypted with the topic's key: events.amazonaws.com",
                "kms:GenerateDataKey", "no statement of MedSaas-prod-Keys/KeysAlerts289342A3 allows it");
    }

    @Test
    @Requirement("ACC-1")
    void topicPolicyMutation_alarmsCannotPublish() throws IOException {
        CliRun run = mutated("Observability", t -> removeStatement(t.path("Resources").path("AlertsPolicy1004DA22")
                .path("Properties").path("PolicyDocument").path("Statement"), "AllowCloudWatchOfThisAccountToPublish"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "alert published to the topic: cloudwatch.amazonaws.com sns:Publish",
                "MedSaas-prod-Observability/AlertsPolicy1004DA22");
    }

    @Test
    @Requirement({"ACC-1", "S3-5"})
    void identityPolicyMutation_replicationCannotWriteTheReplica() throws IOException {
        CliRun run = mutated("Media", t -> removeStatement(t.path("Resources").path("ReplicationRolePolicy76DF4781")
                .path("Properties").path("PolicyDocument").path("Statement"), "WriteReplicas"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "S3 replicates the bucket", "s3:ReplicateObject",
                "medical-saas-media-replication-role", "medical-saas-media-prod-replica");
    }

    @Test
    @Requirement({"ACC-1", "CF-2"})
    void bucketPolicyMutation_cloudFrontCannotReadTheMediaOrigin() throws IOException {
        CliRun run = mutated("Media", t -> {
            com.fasterxml.jackson.databind.node.ArrayNode statements = (com.fasterxml.jackson.databind.node.ArrayNode) t
                    .path("Resources").path("MediaBucketPolicy358507D8").path("Properties").path("PolicyDocument").path("Statement");
            for (int i = statements.size() - 1; i >= 0; i--) {
                if (statements.get(i).path("Principal").path("Service").asText().equals("cloudfront.amazonaws.com")) {
                    statements.remove(i);
                }
            }
        });
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "CloudFront reads an origin object: cloudfront.amazonaws.com s3:GetObject",
                "medical-saas-media-prod/patient/file");
    }

    @Test
    @Requirement("ACC-1")
    void endpointPolicyMutation_aDockerEndpointThatAllowsNothingStopsImagePulls() throws IOException {
        CliRun run = mutated("Network", t -> ((ObjectNode) t.path("Resources").path("EndpointsEcrDocker5B496EB8")
                .path("Properties").path("PolicyDocument")).putArray("Statement"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "image pull from ECR", "ecr:BatchGetImage",
                "medical-saas-ecs-execution-role");
    }

    @Test
    @Requirement("ACC-1")
    void secretPolicyMutation_theSecretsBuilderNoLongerWritesTheDatabaseUrl() throws IOException {
        CliRun run = mutated("Data", t -> dropReader(t, "SecretsDatabaseUrlPolicy417CA7D3", 0, "secrets-builder"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "function uses a secret", "medical-saas-secrets-builder-role",
                "MedSaas-prod-Data/SecretsDatabaseUrlPolicy417CA7D3");
    }

    @Test
    @Requirement("ACC-1")
    void bucketPolicyMutation_cloudTrailCannotWriteItsBucket() throws IOException {
        CliRun run = mutated("Compliance", t -> removeStatement(t.path("Resources").path("TrailBucketPolicy053FC86D")
                .path("Properties").path("PolicyDocument").path("Statement"), "AWSCloudTrailWrite"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "CloudTrail writes its bucket", "s3:PutObject",
                "no statement of MedSaas-prod-Compliance/TrailBucketPolicy053FC86D allows it");
    }

    @Test
    @Requirement("ACC-1")
    void trustPolicyMutation_ecsCannotAssumeTheExecutionRole() throws IOException {
        CliRun run = mutated("App", t -> ((ObjectNode) t.path("Resources").path("RolesExecution93E56382").path("Properties")
                .path("AssumeRolePolicyDocument").path("Statement").path(0).path("Principal"))
                .put("Service", "lambda.amazonaws.com"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "service assumes the role: ecs-tasks.amazonaws.com sts:AssumeRole",
                "medical-saas-ecs-execution-role", "MedSaas-prod-App/RolesExecution93E56382");
    }

    @Test
    @Requirement({"ACC-1", "BCK-1"})
    void executionPolicyMutation_theBackupRoleCannotCopyToTheBackupRegion() throws IOException {
        CliRun run = mutated("Backup", t -> removeStatement(t.path("Resources").path("RolePolicy5029ED84").path("Properties")
                .path("PolicyDocument").path("Statement"), "CopyIntoTheBackupRegion"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "AWS Backup copies a recovery point to the copy vault",
                "backup:DescribeBackupVault", "backup:CopyIntoBackupVault", "medical-saas-backup-role");
    }

    @Test
    @Requirement({"ACC-1", "HARD-9"})
    void endpointPolicyMutation_withoutItsStatementTheDockerEndpointStopsGuardDutysAgent() throws IOException {
        CliRun run = mutated("Network", t -> removeStatement(t.path("Resources").path("EndpointsEcrDocker5B496EB8")
                .path("Properties").path("PolicyDocument").path("Statement"), "GuardDutyFargateAgentImage"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "GuardDuty agent image pull (runtime monitoring)", "ecr:BatchGetImage",
                "665651866788:repository/aws-guardduty-agent-fargate", "medical-saas-ecs-execution-role");
    }

    @Test
    @Requirement({"ACC-1", "HARD-9"})
    void keyPolicyMutation_theMalwareScanCannotReadTheUploadsWithoutItsKeyStatement() throws IOException {
        CliRun run = mutated("Keys", t -> removeStatement(t.path("Resources").path("KeysS3A8F0A1AC").path("Properties")
                .path("KeyPolicy").path("Statement"), "AllowMalwareScanThroughS3"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "GuardDuty malware scan of an upload", "kms:Decrypt",
                "medical-saas-media-malware-scan", "key/key-KeysS3A8F0A1AC", "implicit deny");
    }

    @Test
    @Requirement({"ACC-1", "HARD-9"})
    void trustPolicyMutation_aPlanOfAnotherAccountCannotAssumeTheScanRole() throws IOException {
        CliRun run = mutated("Media", t -> ((ObjectNode) t.path("Resources").path("MalwareScanRoleB35AA4DD").path("Properties")
                .path("AssumeRolePolicyDocument").path("Statement").path(0).path("Condition").path("StringEquals"))
                .put("aws:SourceAccount", "111122223333"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2",
                "service assumes the role: malware-protection-plan.guardduty.amazonaws.com sts:AssumeRole",
                "medical-saas-media-malware-scan");
    }

    @Test
    @Requirement("ACC-1")
    void keyPolicyMutation_theBackupVaultsHandlerCannotRetireItsGrant() throws IOException {
        CliRun run = mutated("Keys", t -> removeStatement(t.path("Resources").path("KeysBackup13AD9A0E").path("Properties")
                .path("KeyPolicy").path("Statement"), "AllowUseThroughBackupRetireGrants"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-1", "CloudFormation's create handler of AWS::Backup::BackupVault",
                "kms:RetireGrant on arn:aws:kms:eu-west-3:123456789012:key/key-KeysBackup13AD9A0E", "implicit deny",
                "aws-resource-backup-backupvault.html");
    }

    @Test
    @Requirement("ACC-1")
    void handlerMutation_aFeatureThatIsUsedBringsItsCallsAndTheExecutionPolicyLacksThem() throws IOException {
        // The S3 handler calls S3 Tables only for a bucket with a metadata configuration
        // (handler-conditions.tsv): using it brings calls the execution policy does not allow.
        CliRun run = mutated("Media", t -> {
            ObjectNode props = (ObjectNode) t.path("Resources").path("AccessLogs247031D9").path("Properties");
            props.putObject("MetadataConfiguration").putObject("JournalTableConfiguration")
                    .putObject("RecordExpiration").put("Expiration", "DISABLED");
        });
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-1", "CloudFormation's create handler of AWS::S3::Bucket",
                "s3tables:CreateTableBucket on *", "implicit deny");
        // Without the feature, the same bucket's handler makes no S3 Tables call.
        assertThat(AccessProof.of(ResourceGraph.of(CloudAssembly.read(prod))).stream()
                .map(p -> p.path().request().action())).isNotEmpty().noneMatch(a -> a.startsWith("s3tables:"));
    }

    @Test
    @Requirement("ACC-1")
    void handlerMutation_aTypeTheTableDoesNotKnowCannotBeProven() throws IOException {
        CliRun run = mutated("Observability", t -> ((ObjectNode) t.path("Resources")).putObject("Queue")
                .put("Type", "AWS::SQS::Queue").putObject("Properties").put("KmsMasterKeyId", "alias/aws/sqs"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-1", "what CloudFormation's handlers call for AWS::SQS::Queue is not in "
                + "the handler-permission table (handler-permissions.tsv, read ");
    }

    @Test
    @Requirement({"ACC-1", "DB-3", "HARD-6"})
    void secretPolicyMutation_theHostedRotationCannotReadTheMasterSecret() throws IOException {
        // The hosted rotation's role lives in the transform's nested stack, named after the parent
        // stack: the master secret's policy admits it by that prefix only.
        CliRun run = mutated("Data", t -> dropReader(t, "PostgresMasterSecretAttachmentPolicyB44421F9", 1, "MedSaas-prod-Data-*"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("MEDSAAS-ACC-2", "hosted rotation rotates its secret",
                "role/MedSaas-prod-Data-PostgresMasterSecretAttachmentRotation", "secretsmanager:GetSecretValue on arn:aws:secretsmanager:eu-west-3:123456789012:secret:medical-saas/postgres-master",
                "explicit deny", "OnlyTheNamedRolesReadTheValue", "hosted rotation reads the master secret");
    }

    /**
     * HARD-10, the confused deputy: every trust statement of a service principal in prod, CDK's own
     * roles included (the trail's CloudWatch Logs role, the custom-resource provider's), holds the
     * service to this account: aws:SourceAccount, or aws:SourceArn of our resource; AWS Backup's only
     * when the request carries the key (it does not document sending it).
     */
    @Test
    @Requirement({"HARD-10", "ACC-1"})
    void everyRoleAServiceAssumesIsHeldToThisAccount() throws IOException {
        int held = 0;
        try (var files = Files.list(prod)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".template.json")).sorted().toList()) {
                var resources = JSON.readTree(f.toFile()).path("Resources").properties();
                for (var e : resources) {
                    if (!e.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                        continue;
                    }
                    for (JsonNode st : e.getValue().path("Properties").path("AssumeRolePolicyDocument").path("Statement")) {
                        JsonNode service = st.path("Principal").path("Service");
                        if (service.isMissingNode()) {
                            continue;
                        }
                        String where = f.getFileName() + "/" + e.getKey() + " (" + service + ")";
                        String condition = st.path("Condition").toString();
                        assertThat(condition).as(where).containsAnyOf("aws:SourceAccount", "aws:SourceArn");
                        if (service.toString().contains("backup.amazonaws.com")) {
                            assertThat(condition).as(where).contains("StringEqualsIfExists");
                        } else {
                            assertThat(condition).as(where).doesNotContain("IfExists");
                        }
                        held++;
                    }
                }
            }
        }
        assertThat(held).isGreaterThanOrEqualTo(17);
    }

    /**
     * HARD-9, HARD-10: the organisation's guardrails (./medsaas guardrails) deny no path the platform
     * needs: every access path of prod made by a role of the account, decided again under the four
     * SCPs and the RCP, stays allowed. (A service principal's own calls are outside SCPs.)
     */
    @Test
    @Requirement({"HARD-9", "HARD-10", "ACC-1"})
    void theGuardrailsDenyNoAccessPathOfProd() throws Exception {
        var config = fr.medsaas.config.ConfigLoader.load(Path.of(CliRun.configDir(), "prod.yaml"));
        var scps = new java.util.ArrayList<fr.medsaas.compliance.access.NamedPolicy>();
        var rcps = new java.util.ArrayList<fr.medsaas.compliance.access.NamedPolicy>();
        scps.add(new fr.medsaas.compliance.access.NamedPolicy("FullAWSAccess",
                JSON.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
        for (var p : fr.medsaas.compliance.guardrails.Guardrails.of(GuardrailsCommand.inputs(config))) {
            (p.kind().equals("SCP") ? scps : rcps).add(new fr.medsaas.compliance.access.NamedPolicy(p.name(), JSON.readTree(p.json())));
        }
        String account = fr.medsaas.compliance.access.TemplateValues.ACCOUNT;
        var paths = AccessProof.of(ResourceGraph.of(CloudAssembly.read(prod))).stream()
                .map(AccessProof.Proven::path).filter(p -> p.request().principal().startsWith("arn:aws:iam::" + account + ":role/"))
                .toList();
        var requests = paths.stream().map(p -> {
            var r = p.request();
            return new fr.medsaas.compliance.access.AccessRequest(r.principal(), r.action(), r.resource(), r.resourceAccount(),
                    r.context(), r.policies().withScps(List.of(new fr.medsaas.compliance.access.OrgPolicies(account, scps)))
                            .withRcps(List.of(new fr.medsaas.compliance.access.OrgPolicies(account, rcps))));
        }).toList();
        var decisions = fr.medsaas.compliance.access.IamEngine.standard().evaluate(requests);
        assertThat(paths).hasSizeGreaterThan(1000);
        // What they exist to deny: deleting a key, a vault or a security service. CloudFormation's delete
        // handlers of those resources (a teardown, a replacement, the rollback of a failed first
        // deployment of a key or vault kept RetainExceptOnCreate) are refused: docs/guardrails.md
        // says to attach them after the first deployment, and to use the break-glass role then.
        Set<String> protectedTypes = Set.of("AWS::KMS::Key", "AWS::Backup::BackupVault", "AWS::CloudTrail::Trail",
                "AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel", "AWS::GuardDuty::Detector",
                "AWS::SecurityHub::Hub");
        List<String> denied = new java.util.ArrayList<>();
        Set<String> deniedDeletes = new java.util.TreeSet<>();
        for (int i = 0; i < paths.size(); i++) {
            if (decisions.get(i).allowed()) {
                continue;
            }
            String kind = paths.get(i).kind();
            String type = kind.replaceFirst(".* handler of ", "");
            if (kind.startsWith("CloudFormation's delete handler of ") && protectedTypes.contains(type)) {
                deniedDeletes.add(type);
            } else {
                denied.add(paths.get(i).describe() + ": " + decisions.get(i).describe());
            }
        }
        assertThat(denied).as("paths the guardrails deny").isEmpty();
        assertThat(deniedDeletes).as("the deletions they exist to deny").isEqualTo(protectedTypes);
    }

    @Test
    @Requirement("ACC-1")
    void accessPathsDocIsTheProdAssemblys() throws IOException {
        String page = AccessPathsDoc.render(AccessProof.of(ResourceGraph.of(CloudAssembly.read(prod))));
        Path doc = Path.of(CliRun.configDir()).getParent().resolve("docs/access-paths.md");
        if (Boolean.getBoolean("medsaas.updateDocs")) {
            Files.writeString(doc, page);
        }
        assertThat(Files.readString(doc)).as("docs/access-paths.md is stale: rerun with -Dmedsaas.updateDocs=true")
                .isEqualTo(page);
        assertThat(page).contains("AGPL-3.0-or-later", "medical-saas-auditor", "validate-logs");
    }

    /**
     * Takes out of a secret policy's deny-all-but-readers statement (its ArnNotLike list of
     * aws:PrincipalArn) every reader that contains {@code needle}.
     */
    private static void dropReader(JsonNode template, String policy, int statement, String needle) {
        ArrayNode readers = (ArrayNode) template.path("Resources").path(policy).path("Properties").path("ResourcePolicy")
                .path("Statement").path(statement).path("Condition").path("ArnNotLike").path("aws:PrincipalArn");
        int before = readers.size();
        for (int i = readers.size() - 1; i >= 0; i--) {
            if (readers.get(i).toString().contains(needle)) {
                readers.remove(i);
            }
        }
        if (readers.size() == before) {
            throw new AssertionError("no reader of " + policy + " contains " + needle);
        }
    }

    private static void removeStatement(JsonNode statements, String sid) {
        ArrayNode a = (ArrayNode) statements;
        for (int i = a.size() - 1; i >= 0; i--) {
            if (a.get(i).path("Sid").asText().equals(sid)) {
                a.remove(i);
                return;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    /** A copy of the prod assembly with one stack's template changed, checked. */
    private static CliRun mutated(String stack, Consumer<JsonNode> change) throws IOException {
        Path copy = Files.createTempDirectory(tmp, "mutated-" + stack);
        try (var files = Files.list(prod)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path template = copy.resolve("MedSaas-prod-" + stack + ".template.json");
        JsonNode t = JSON.readTree(template.toFile());
        change.accept(t);
        JSON.writeValue(template.toFile(), t);
        return CliRun.of("check", "--assembly", copy.toString());
    }
}
