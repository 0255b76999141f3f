package fr.medsaas.compliance.stores;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.compliance.Fixtures;
import fr.medsaas.compliance.check.CheckReport;
import fr.medsaas.compliance.check.Checker;
import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.rules.Stores;
import fr.medsaas.config.Requirement;
import org.junit.jupiter.api.Test;

/** CMPL-5: the store catalogue knows every AWS store that can hold health data, and how each says it. */
@Requirement("CMPL-5")
class StoreCatalogueTest {

    @Test
    void everyStoreThatCanHoldHealthDataHasARow() {
        assertThat(StoreCatalogue.rows()).extracting(StoreType::type).contains("AWS::S3::Bucket", "AWS::RDS::DBInstance",
                "AWS::RDS::DBCluster", "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::EFS::FileSystem",
                "AWS::EC2::Volume", "AWS::FSx::FileSystem", "AWS::ElastiCache::ReplicationGroup", "AWS::MemoryDB::Cluster",
                "AWS::OpenSearchService::Domain", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster", "AWS::Redshift::Cluster",
                "AWS::Kinesis::Stream", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::SecretsManager::Secret",
                "AWS::Backup::BackupVault", "AWS::Logs::LogGroup");
        assertThat(StoreCatalogue.rows()).filteredOn(t -> t.kind().holdsData()).allMatch(t -> t.encryption().isPresent());
    }

    @Test
    void tagsAreReadWhereEachTypeKeepsThem() {
        Resource efs = Fixtures.graph("MEDSAAS-ENC-1.pass-efs.json").ofType("AWS::EFS::FileSystem").get(0);
        Resource vault = Fixtures.graph("MEDSAAS-ENC-1.pass-backup-vault-tags.json").ofType("AWS::Backup::BackupVault").get(0);
        Resource table = Fixtures.graph("MEDSAAS-RES-2.pass-global-table.json").ofType("AWS::DynamoDB::GlobalTable").get(0);
        assertThat(efs).matches(Stores::isHealthData, "EFS FileSystemTags");
        assertThat(vault).matches(Stores::isHealthData, "BackupVaultTags");
        assertThat(table).matches(Stores::isHealthData, "global table Replicas[].Tags");
    }

    @Test
    void customerKeyFollowsEachTypesOwnProperties() {
        assertThat(Stores.customerKey(Fixtures.graph("MEDSAAS-ENC-1.pass-kinesis.json").ofType("AWS::Kinesis::Stream").get(0)))
                .isPresent();
        Resource aws = Fixtures.graph("MEDSAAS-ENC-1.fail-opensearch-aws-key.json").ofType("AWS::OpenSearchService::Domain").get(0);
        assertThat(Stores.customerKey(aws)).isEmpty();
        assertThat(Stores.withoutCustomerKey(aws)).isEqualTo("AWS-managed key");
        Resource ebs = Fixtures.graph("MEDSAAS-ENC-1.fail-ebs-volume.json").ofType("AWS::EC2::Volume").get(0);
        assertThat(Stores.withoutCustomerKey(ebs)).isEqualTo("AWS-managed key");
    }

    @Test
    void copiesAreListedWithTheirRegionsAndNoneInventedWhereThereIsNone() {
        assertThat(Copies.of(Fixtures.graph("MEDSAAS-RES-2.fail-global-table-us-replica.json")))
                .singleElement().satisfies(c -> assertThat(c.region()).contains("us-east-1"));
        assertThat(Copies.of(Fixtures.graph("MEDSAAS-RES-2.fail-replica-key-names-us-region.json")))
                .singleElement().satisfies(c -> assertThat(c.region()).as("from the replica key's ARN").contains("us-east-1"));
        assertThat(Copies.of(Fixtures.graph("MEDSAAS-ENC-1.pass-redshift.json"))).as("no DestinationRegion, no copy").isEmpty();
        assertThat(Copies.of(Fixtures.graph("MEDSAAS-ENC-1.pass-copy-vault-named-in-joined-arn.json")))
                .singleElement().satisfies(c -> {
                    assertThat(c.target()).as("vault found by the name in its Fn::Join ARN")
                            .hasValueSatisfying(v -> assertThat(v.stack().stackName()).isEqualTo("Replica"));
                    assertThat(c.region()).contains("eu-central-1");
                });
    }

    @Test
    void unknownTypesAreNotEvaluatedNeverCompliant() {
        var graph = Fixtures.graph("MEDSAAS-RES-1.pass.json");
        var stack = graph.stacks().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) stack.template().path("Resources")).putObject("Ledger")
                .put("Type", "AWS::QLDB::Ledger").putObject("Properties").put("PermissionsMode", "STANDARD");
        CheckReport report = Checker.run(new fr.medsaas.compliance.check.ResourceGraph(graph.stacks()));
        assertThat(report.notEvaluated()).containsEntry("AWS::QLDB::Ledger", 1L).doesNotContainKey("AWS::IAM::Role");
        // No rule passes it; the access proof refuses it (CloudFormation's calls for it are unknown).
        assertThat(report.results()).filteredOn(r -> r.resource().map(x -> x.type().equals("AWS::QLDB::Ledger")).orElse(false))
                .allMatch(r -> r.rule().id().equals("MEDSAAS-ACC-1") && r.isFinding());
        assertThat(StoreCatalogue.notEvaluated("AWS::IAM::Role")).isFalse();
        assertThat(StoreCatalogue.notEvaluated("AWS::S3::Bucket")).isFalse();
    }
}
