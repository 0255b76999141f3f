package fr.medsaas.sandbox.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.ConfigLoader;
import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.config.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy's preflight (issue 13), with the account's answers stubbed. */
class PreflightTest {
    static final String ACCOUNT = "111122223333";
    static final String CERT = "arn:aws:acm:eu-west-3:" + ACCOUNT + ":certificate/0b8a3c1e-2f4d-4e5a-9b6c-7d8e9f0a1b2c";

    @TempDir
    static Path dir;
    static EnvironmentConfig shipped;
    static EnvironmentConfig ready;
    StubFacts facts;

    static Path root() {
        return Files.isDirectory(Path.of("config")) ? Path.of(".") : Path.of("..");
    }

    @BeforeAll
    static void configs() throws IOException, NoSuchAlgorithmException {
        shipped = ConfigLoader.loadEnvironment(root().resolve("config"), "prod");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Files.writeString(dir.resolve("signing.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String yaml = Files.readString(root().resolve("config/prod.yaml"))
                .replaceAll("arn:aws:acm:eu-west-3:123456789012:certificate/[0-9a-f-]+", CERT)
                .replace(":123456789012:", ":" + ACCOUNT + ":");
        yaml += "\n# test: a real-looking key\n";
        Path file = dir.resolve("prod.yaml");
        Files.writeString(file, yaml.contains("signingPublicKeyPem")
                ? yaml.replaceAll("signingPublicKeyPem: .*", "signingPublicKeyPem: signing.pem")
                : yaml.replace("\nmedia:\n", "\nmedia:\n  signingPublicKeyPem: signing.pem\n"));
        ready = ConfigLoader.load(file);
    }

    @BeforeEach
    void account() {
        facts = new StubFacts();
        facts.certificates.put(CERT, "ISSUED");
        for (String region : Preflight.regions(ready)) {
            facts.bootstraps.put(region, "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/1234");
        }
        for (String region : Preflight.regions(ready)) {
            facts.executionPolicies.put(region, java.util.List.of("arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-prod-CdkExecution"));
        }
        facts.policyDocuments.put("arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-prod-CdkExecution", printedPolicy(ACCOUNT));
        facts.connections.put(ready.delivery().source(), "AVAILABLE");
    }

    /** {@code ready} with its images named by a tag, which the preflight checks in ECR. */
    private static EnvironmentConfig tagged(String tag) {
        fr.medsaas.config.ImageConfig image = new fr.medsaas.config.ImageConfig("medical-saas-django", tag, null);
        return ready.withApp(ready.app().withServices(ready.app().web().withImage(image),
                ready.app().worker().withImage(image)));
    }

    @Test
    @Requirement("CI-4")
    void aReadyAccountPasses() {
        Preflight.Result r = Preflight.run(ready, Preflight.Target.AWS, facts);
        assertThat(r.problems()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.serviceLinkedRoles()).isEmpty();
    }

    @Test
    @Requirement("SG-2")
    void refusesAnS3PrefixListThatIsNotTheRegions() {
        facts.prefixLists.put("eu-west-3/com.amazonaws.eu-west-3.s3", "pl-0123456789abcdef0");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString)
                .containsExactly("network: network.s3PrefixListId: \"pl-23ad484a\" is not the prefix list of "
                        + "com.amazonaws.eu-west-3.s3 (pl-0123456789abcdef0): set network.s3PrefixListId: pl-0123456789abcdef0");
        facts.prefixLists.clear();
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(PreflightProblem::check)
                .containsExactly("network");
    }

    @Test
    void refusesTheShippedPlaceholdersOneLineEach() {
        assertThat(Preflight.offline(shipped)).extracting(Object::toString).containsExactly(
                "placeholder: app.certificateArn: \"" + shipped.app().certificateArn() + "\" names the example account "
                        + "123456789012, a shipped placeholder: give the ARN in your account (docs/first-deploy.md)",
                "placeholder: delivery.source: \"" + shipped.delivery().source() + "\" names the example account "
                        + "123456789012, a shipped placeholder: give the ARN in your account (docs/first-deploy.md)",
                "placeholder: media.signingPublicKeyPem: the shipped sample key (fingerprint ab024337cd1d), whose private "
                        + "half was destroyed, so no signed media URL would ever verify: generate a key pair and give its "
                        + "public half (config/keys/README.md)");
        assertThat(Preflight.offline(ready)).isEmpty();
    }

    @Test
    void refusesWithoutCredentialsAfterTheOfflineChecks() {
        facts.noCredentials = true;
        Preflight.Result r = Preflight.run(shipped, Preflight.Target.AWS, facts);
        assertThat(r.problems()).extracting(PreflightProblem::check)
                .containsExactly("placeholder", "placeholder", "placeholder", "credentials");
        assertThat(r.problems().get(3)).hasToString("credentials: no AWS credentials: set AWS_PROFILE (or "
                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO, an instance role) for the target account and run again");
    }

    @Test
    @Requirement("DEP-1")
    void refusesAnAccountWhoseDetectorHubOrRecorderExistsNamingTheSwitchToSet() {
        facts.detectors.put("eu-west-3", java.util.List.of("12abc34d567e8fa901bc2d34eexample"));
        facts.securityHubs.add("eu-west-3");
        facts.recorders.put("eu-west-3", java.util.List.of("aws-controltower-BaselineConfigRecorder"));
        facts.channels.put("eu-west-3", java.util.List.of("aws-controltower-BaselineConfigDeliveryChannel"));
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "guardduty: compliance.guardDuty: create, but eu-west-3 has a GuardDuty detector already "
                        + "(12abc34d567e8fa901bc2d34eexample; a delegated administrator's?): set compliance.guardDuty: use-existing",
                "securityhub: compliance.securityHub: true, but Security Hub is enabled in eu-west-3 already: set "
                        + "compliance.securityHub: false",
                "config: compliance.configRecorder: create, but eu-west-3 has the configuration recorder "
                        + "aws-controltower-BaselineConfigRecorder and the delivery channel "
                        + "aws-controltower-BaselineConfigDeliveryChannel already (Control Tower's?): set "
                        + "compliance.configRecorder: use-existing");
        // With the switches set, the same account passes.
        EnvironmentConfig existing = ready.withCompliance(new fr.medsaas.config.ComplianceConfig(
                ready.compliance().trailObjectLock(), fr.medsaas.config.Provisioning.USE_EXISTING,
                fr.medsaas.config.Provisioning.USE_EXISTING, false, ready.compliance().backupRegion(),
                ready.compliance().guardDutyProtection()));
        assertThat(Preflight.run(existing, Preflight.Target.AWS, facts).problems()).isEmpty();
    }

    @Test
    @Requirement({"DEP-1", "HARD-9"})
    void refusesABackupRegionWhoseDetectorHubOrRecorderExistsNamingItsOwnSwitch() {
        facts.detectors.put("eu-central-1", java.util.List.of("34cd56ef"));
        facts.securityHubs.add("eu-central-1");
        facts.recorders.put("eu-central-1", java.util.List.of("aws-controltower-BaselineConfigRecorder"));
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "guardduty: compliance.backupRegion.guardDuty: create, but eu-central-1 has a GuardDuty detector already "
                        + "(34cd56ef; a delegated administrator's?): set compliance.backupRegion.guardDuty: use-existing",
                "securityhub: compliance.backupRegion.securityHub: true, but Security Hub is enabled in eu-central-1 "
                        + "already: set compliance.backupRegion.securityHub: false",
                "config: compliance.backupRegion.configRecorder: create, but eu-central-1 has the configuration recorder "
                        + "aws-controltower-BaselineConfigRecorder already (Control Tower's?): set "
                        + "compliance.backupRegion.configRecorder: use-existing");
        // The primary region's switches do not cover the backup region's singletons: its own do.
        fr.medsaas.config.ComplianceConfig c = ready.compliance();
        EnvironmentConfig existing = ready.withCompliance(new fr.medsaas.config.ComplianceConfig(c.trailObjectLock(),
                c.configRecorder(), c.guardDuty(), c.securityHub(), new fr.medsaas.config.BackupRegionMonitoringConfig(
                        fr.medsaas.config.Provisioning.USE_EXISTING, fr.medsaas.config.Provisioning.USE_EXISTING, false),
                c.guardDutyProtection()));
        assertThat(Preflight.run(existing, Preflight.Target.AWS, facts).problems()).isEmpty();
    }

    @Test
    @Requirement("DEP-1")
    void refusesAConnectionNotAvailable() {
        facts.connections.put(ready.delivery().source(), "PENDING");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement().hasToString(
                "connection: delivery.source: the connection \"" + ready.delivery().source() + "\" is PENDING, not AVAILABLE: "
                        + "authorize it in the console (Developer Tools > Settings > Connections > Update pending "
                        + "connection), or the pipeline never builds the first image");
        facts.connections.clear();
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    /** The policy {@code ./medsaas bootstrap --print-policy} prints for prod, as IAM would return it (compact JSON). */
    private static String printedPolicy(String account) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    fr.medsaas.compliance.access.ExecutionPolicy.document("MedSaas-prod-", Preflight.regions(ready), account));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Requirement({"ACC-1", "CI-4"})
    void refusesAnExecutionPolicyThatIsMissingOrNotTheOneTheToolProves() throws Exception {
        String arn = "arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-prod-CdkExecution";
        // IAM's answer: another order of statements and a lone action without its brackets is the same policy.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(printedPolicy(ACCOUNT));
        var statements = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("Statement");
        statements.insert(0, statements.remove(statements.size() - 1));
        for (var st : statements) {
            if (st.path("Sid").asText().equals("ListingsTheHandlersMake")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) st).put("Action", "iam:ListRoles");
            }
        }
        facts.policyDocuments.put(arn, json.writeValueAsString(doc));
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).isEmpty();

        // An older tool's policy: without the managed policies' ListEntitiesForPolicy that the delete handler calls.
        facts.policyDocuments.put(arn, printedPolicy(ACCOUNT).replace(",\"iam:ListEntitiesForPolicy\"", ""));
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "bootstrap: the execution policy " + arn + " is not the one this tool proves (docs/access-paths.md): run "
                        + "./medsaas bootstrap --env prod --print-policy > cdk-execution-policy.json, then aws iam "
                        + "create-policy-version --policy-arn " + arn + " --policy-document file://cdk-execution-policy.json "
                        + "--set-as-default (CI-4, ACC-1)");

        facts.policyDocuments.clear();
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("bootstrap: the execution policy " + arn + " does not exist"));
    }

    @Test
    @Requirement({"DEP-1", "CI-4"})
    void refusesARegionBootstrappedWithoutTheToolsExecutionPolicy() {
        facts.executionPolicies.put("us-east-1", java.util.List.of());
        facts.executionPolicies.put("eu-central-1", java.util.List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "bootstrap: eu-central-1 is bootstrapped with the execution policies arn:aws:iam::aws:policy/AdministratorAccess, "
                        + "not arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-prod-CdkExecution: run ./medsaas bootstrap --env prod "
                        + "--print-policy, aws iam create-policy --policy-name MedSaas-prod-CdkExecution ..., then ./medsaas "
                        + "bootstrap --env prod --account " + ACCOUNT + " (CI-4)",
                "bootstrap: us-east-1 is bootstrapped with the execution policies of CDK's default (AdministratorAccess), "
                        + "not arn:aws:iam::" + ACCOUNT + ":policy/MedSaas-prod-CdkExecution: run ./medsaas bootstrap --env prod "
                        + "--print-policy, aws iam create-policy --policy-name MedSaas-prod-CdkExecution ..., then ./medsaas "
                        + "bootstrap --env prod --account " + ACCOUNT + " (CI-4)");
    }

    @Test
    @Requirement("DEP-1")
    void refusesTheReplicaAndAuditBucketNamesHeldByAnotherAccount() {
        facts.buckets.put("medical-saas-media-prod-replica", AwsFacts.BucketState.TAKEN);
        facts.buckets.put("medical-saas-media-prod-replica-access-logs", AwsFacts.BucketState.OURS);
        facts.buckets.put("medical-saas-audit-trail-" + ACCOUNT, AwsFacts.BucketState.TAKEN);
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "bucket: backup.replicaBucketName: the bucket \"medical-saas-media-prod-replica\" belongs to another AWS "
                        + "account (S3 names are global): choose another backup.replicaBucketName, e.g. ending with your account id",
                "bucket: namePrefix: the audit bucket \"medical-saas-audit-trail-" + ACCOUNT + "\" belongs to another AWS "
                        + "account (S3 names are global): choose another namePrefix");
    }

    @Test
    @Requirement("DEP-1")
    void refusesARepositoryMadeByHandBeforeItsStack() {
        facts.repositories.add("eu-west-3/medical-saas-django");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement().satisfies(p -> assertThat(
                p.toString()).startsWith("image: the ECR repository medical-saas-django exists in eu-west-3 without the "
                        + "stack MedSaas-prod-Delivery, which creates it: the stack would fail with \"already exists\""));
        facts.stacks.put("eu-west-3/MedSaas-prod-Delivery", "CREATE_COMPLETE");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).as("the stack's own repository").isEmpty();
    }

    @Test
    @Requirement("DEP-1")
    void refusesAStackStuckInAFailedStateOrBusySayingHowToRecover() {
        facts.stacks.put("eu-west-3/MedSaas-prod-App", "ROLLBACK_FAILED");
        facts.stacks.put("eu-west-3/MedSaas-prod-Data", "UPDATE_ROLLBACK_FAILED");
        facts.stacks.put("us-east-1/MedSaas-prod-EdgeFirewall", "UPDATE_IN_PROGRESS");
        facts.stacks.put("eu-central-1/MedSaas-prod-Replica", "UPDATE_COMPLETE");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "stack: MedSaas-prod-Data (eu-west-3) is UPDATE_ROLLBACK_FAILED: recover it first (aws cloudformation "
                        + "continue-update-rollback --stack-name MedSaas-prod-Data; docs/first-deploy.md, section 6)",
                "stack: MedSaas-prod-App (eu-west-3) is ROLLBACK_FAILED: recover it first (aws cloudformation delete-stack "
                        + "--stack-name MedSaas-prod-App, after turning off the deletion protection it reports; "
                        + "docs/first-deploy.md, section 6)",
                "stack: MedSaas-prod-EdgeFirewall (us-east-1) is UPDATE_IN_PROGRESS: another deployment is running; wait "
                        + "for it to end");
    }

    @Test
    void refusesACertificateNotIssuedOrMissingOrOfAnotherAccount() {
        facts.certificates.put(CERT, "PENDING_VALIDATION");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString)
                .containsExactly("certificate: app.certificateArn: \"" + CERT + "\" is PENDING_VALIDATION, not ISSUED: "
                        + "finish its validation first");
        facts.certificates.clear();
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist in ACM", "eu-west-3"));
        facts.account = "444455556666";
        facts.executionPolicies.replaceAll((region, policies) -> java.util.List.of(
                "arn:aws:iam::444455556666:policy/MedSaas-prod-CdkExecution"));
        facts.policyDocuments.put("arn:aws:iam::444455556666:policy/MedSaas-prod-CdkExecution", printedPolicy("444455556666"));
        // Every ARN of the configuration is in another account: the certificate and the source connection.
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(PreflightProblem::check)
                .containsOnly("account");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).anySatisfy(p -> assertThat(p.toString())
                .startsWith("account: app.certificateArn: ")
                .contains("is in account " + ACCOUNT + ", but the credentials are of account 444455556666"));
    }

    @Test
    @Requirement("DEP-1")
    void anUnpinnedImageIsDeploysToPinNotThePreflightsToRefuse() {
        assertThat(ready.app().web().image().reference()).isEmpty();
        assertThat(facts.images).isEmpty();
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).isEmpty();
    }

    @Test
    void refusesAMissingImageOrRepository() {
        facts.images.put("eu-west-3/medical-saas-django:0123abcd", AwsFacts.ImageState.PRESENT);
        assertThat(Preflight.run(tagged("0123abcd"), Preflight.Target.AWS, facts).problems()).isEmpty();
        facts.images.clear();
        facts.images.put("eu-west-3/medical-saas-django:0123abcd", AwsFacts.ImageState.NO_REPOSITORY);
        Preflight.Result r = Preflight.run(tagged("0123abcd"), Preflight.Target.AWS, facts);
        // web and worker share one image by default: one line, not two.
        assertThat(r.problems()).extracting(PreflightProblem::check).containsOnly("image");
        assertThat(r.problems().get(0).message()).contains("the ECR repository medical-saas-django does not exist");
    }

    @Test
    @Requirement("CI-4")
    void refusesARegionNotBootstrappedOrBootstrappedWithoutACustomerKey() {
        facts.bootstraps.remove("eu-central-1");
        facts.bootstraps.put("us-east-1", "AWS_MANAGED_KEY");
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).extracting(Object::toString).containsExactly(
                "bootstrap: eu-central-1 is not bootstrapped for the AWS CDK: run ./medsaas bootstrap --env prod (CI-4)",
                "bootstrap: us-east-1 is bootstrapped without a customer-managed key (FileAssetsBucketKmsKeyId is "
                        + "AWS_MANAGED_KEY): run ./medsaas bootstrap --env prod to add one (CI-4)");
    }

    @Test
    void refusesABucketNameHeldByAnotherAccountAndAcceptsOurs() {
        facts.buckets.put("medical-saas-media-prod", AwsFacts.BucketState.OURS);
        facts.buckets.put("medical-saas-media-prod-cdn-logs", AwsFacts.BucketState.TAKEN);
        assertThat(Preflight.run(ready, Preflight.Target.AWS, facts).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("bucket: media.bucketName: the bucket "
                        + "\"medical-saas-media-prod-cdn-logs\" belongs to another AWS account"));
    }

    @Test
    void namesTheMissingServiceLinkedRolesToCreateFirstWithoutRefusing() {
        facts.roles.remove("AWSServiceRoleForECS");
        facts.roles.remove("AWSServiceRoleForRDS");
        Preflight.Result r = Preflight.run(ready, Preflight.Target.AWS, facts);
        assertThat(r.passed()).isTrue();
        assertThat(r.serviceLinkedRoles()).containsExactly("ecs.amazonaws.com", "rds.amazonaws.com");
    }

    @Test
    void theEmulatorIsAskedOnlyWhatItCanAnswer() {
        facts.noCredentials = true; // never asked
        facts.buckets.put("medical-saas-media-prod-access-logs", AwsFacts.BucketState.TAKEN);
        Preflight.Result r = Preflight.run(shipped, Preflight.Target.EMULATOR, facts);
        assertThat(r.problems()).extracting(PreflightProblem::check).containsExactly("bucket");
    }
}
