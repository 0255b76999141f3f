package fr.medsaas.compliance.packs;

import fr.medsaas.compliance.rules.Level;
import fr.medsaas.compliance.rules.Rule;
import fr.medsaas.compliance.rules.RuleInfo;
import fr.medsaas.compliance.access.AccessPath;
import fr.medsaas.compliance.rules.access.AccessPathsAllowed;
import fr.medsaas.compliance.rules.access.KeysNameTheirUsers;
import fr.medsaas.compliance.rules.access.KeysRotate;
import fr.medsaas.compliance.rules.access.SecretsNameTheirReaders;
import fr.medsaas.compliance.rules.backup.BackupsCopiedInEea;
import fr.medsaas.compliance.rules.database.EngineVersionSupported;
import fr.medsaas.compliance.rules.edge.GeoAllowlistInEea;
import fr.medsaas.compliance.rules.encryption.CopyKeyInCopyRegion;
import fr.medsaas.compliance.rules.erasure.ErasureReachesReplicas;
import fr.medsaas.compliance.rules.encryption.HealthDataCustomerKey;
import fr.medsaas.compliance.rules.exposure.NoPublicStore;
import fr.medsaas.compliance.rules.iam.ServiceTrustHeldToSource;
import fr.medsaas.compliance.rules.network.EgressDeclaredInline;
import fr.medsaas.compliance.rules.network.NoDataPortOpenToTheWorld;
import fr.medsaas.compliance.rules.residency.CopiesInEea;
import fr.medsaas.compliance.rules.residency.StoresInEea;
import fr.medsaas.compliance.rules.retention.BackupRetentionBounded;
import fr.medsaas.compliance.rules.retention.LogRetentionBounded;
import fr.medsaas.compliance.rules.tagging.HealthDataTagged;
import fr.medsaas.compliance.rules.traces.AccessTracesKept;
import fr.medsaas.compliance.rules.traces.TrailLogFilesValidated;
import fr.medsaas.compliance.rules.transit.TlsEnforced;
import java.util.List;

/**
 * Our HDS/RGPD pack (CMPL-2): what cdk-nag's packs do not check. Each rule's id, level, texts and
 * references are here, as a cdk-nag pack holds them; the rule classes hold only the logic. The
 * ids are shared with the live audit ({@code medsaas audit}): never renumber one.
 */
public final class MedSaasPack {
    /** The pack's name, as findings and SARIF name their tool. */
    public static final String NAME = "MedSaas.HDS-RGPD";

    /** Where a rule applies beyond our own platform. */
    public enum Scope {
        /** On any template, in both profiles. */
        ANY_TEMPLATE,
        /** Our platform's own convention: the strict profile only. */
        STRICT_ONLY,
        /** Needs the whole assembly (a plan or a trail in another stack): in the baseline profile it cannot decide instead of failing. */
        NEEDS_ASSEMBLY
    }

    /**
     * One rule of the pack.
     *
     * @param info  what the pack says of it
     * @param rule  its logic
     * @param scope where it applies
     */
    public record PackRule(RuleInfo info, Rule rule, Scope scope) {
        PackRule strictOnly() {
            return new PackRule(info, rule, Scope.STRICT_ONLY);
        }

        PackRule needsAssembly() {
            return new PackRule(info, rule, Scope.NEEDS_ASSEMBLY);
        }
    }

    /** Every rule, in the order of the catalogue. */
    public static final List<PackRule> RULES = List.of(
            rule("MEDSAAS-RES-1", Level.ERROR, "Every store, backup vault, key and log destination is in an EEA region",
                    "HDS v2 requires health data to be stored exclusively inside the EEA, and the host to say where. "
                            + "Named exceptions: a CloudFront web ACL and CloudFront's log-delivery settings must be "
                            + "created in us-east-1; they hold rules and settings, no data, and deliver into an EEA bucket.",
                    "Create the store in an EEA region (eu-west-3, eu-central-1, ...); pass --region when checking a lone template.",
                    new StoresInEea(), "HDS EXI 28", "HDS EXI 31", "RGPD art. 44-46", "REG-1", "CMPL-2", "CMPL-5"),
            rule("MEDSAAS-RES-2", Level.ERROR, "Copies and deliveries of data stay in the EEA",
                    "A copy is a store too: S3 replication, backup copy actions, RDS replicas, multi-region key "
                            + "replicas, log subscriptions and deliveries, WAF logs, trails, flow logs and access logs "
                            + "must all land in the EEA, or the copy is a transfer outside it.",
                    "Point the replication, copy action, subscription or delivery at a destination in an EEA region.",
                    new CopiesInEea(), "HDS EXI 28", "HDS EXI 29", "RGPD art. 44-46", "REG-2", "CMPL-2"),
            rule("MEDSAAS-ENC-1", Level.ERROR, "Health data and its copies are encrypted with a customer-managed KMS key",
                    "Stores tagged DataType=medical-sensitive, their replicas and their backup vaults use a KMS key of "
                            + "ours: it can be revoked, audited, and destroyed to end every copy at reversibility.",
                    "Set the store's KMS key (KmsKeyId, KMSMasterKeyID, EncryptionKeyArn, ReplicaKmsKeyID) to a customer-managed key.",
                    new HealthDataCustomerKey(), "HDS EXI 05 B.c", "HDS EXI 27", "RGPD art. 32(1)(a)", "KMS-1", "CMPL-2"),
            rule("MEDSAAS-ENC-2", Level.ERROR, "A copy is encrypted with a key of its own region",
                    "A KMS key lives in one region: a replica or backup copy must be encrypted with a key of the "
                            + "copy's region, or it is unreadable when the source region is lost.",
                    "Create a key in the copy's region and name it as the replica or copy vault key.",
                    new CopyKeyInCopyRegion(), "HDS EXI 05 G", "RGPD art. 32(1)(c)", "REG-2", "S3-5", "CMPL-2"),
            rule("MEDSAAS-TLS-1", Level.ERROR, "TLS is enforced on every data path",
                    "Data in transit is encrypted: bucket policies deny aws:SecureTransport=false, databases force "
                            + "TLS in their parameter group, Redis requires transit encryption, listeners speak HTTPS/TLS "
                            + "or only redirect, CloudFront serves and fetches over HTTPS.",
                    "Add the deny statement, set rds.force_ssl=1 (require_secure_transport=ON), enable transit "
                            + "encryption, use HTTPS listeners and https-only / redirect-to-https policies.",
                    new TlsEnforced(), "HDS EXI 05 C", "RGPD art. 32(1)(a)", "S3-3", "DB-8", "CF-2", "CMPL-2"),
            rule("MEDSAAS-RET-1", Level.ERROR, "Logs are kept between 365 and 1095 days",
                    "The CNIL's logging recommendation: access logs are kept for a bounded period, about a year, "
                            + "longer only with a stated reason; never forever, never less than the audit period.",
                    "Set RetentionInDays (log groups) or a lifecycle expiration (log buckets) between 365 and 1095.",
                    new LogRetentionBounded(), "CNIL journalisation", "RGPD art. 5(1)(e)", "HDS EXI 16", "OBS-1", "CMPL-2"),
            rule("MEDSAAS-RET-2", Level.ERROR, "Backups, snapshots and old object versions are kept, for a bounded time",
                    "Storage limitation applies to copies too: automated backups on, every backup rule and copy with a "
                            + "deletion age, snapshots bounded, old object versions of versioned buckets expired.",
                    "Set BackupRetentionPeriod, Lifecycle.DeleteAfterDays, SnapshotRetentionLimit, NoncurrentVersionExpiration.",
                    new BackupRetentionBounded(), "RGPD art. 5(1)(e)", "RGPD art. 32(1)(c)", "HDS EXI 05 G", "DB-6", "BCK-1", "CMPL-2"),
            rule("MEDSAAS-TRC-1", Level.ERROR, "Access to health data leaves traces",
                    "Clients must be able to consult who accessed their health data: a trail with S3 data events on "
                            + "every health-data bucket, its server access logs, load-balancer access logs, database "
                            + "connection logs exported.",
                    "Add a CloudTrail trail with S3 data events on the bucket, access logs, log_connections/log_disconnections.",
                    new AccessTracesKept(), "HDS EXI 05 D.c", "HDS EXI 15", "HDS EXI 16", "CNIL journalisation", "CMP-2", "DB-8", "CMPL-2")
                    .needsAssembly(),
            rule("MEDSAAS-GEO-1", Level.ERROR, "CloudFront serves only an allowlist of EEA and Swiss countries",
                    "Remote access to health data from outside the EEA is a transfer; the platform serves its "
                            + "users in the EEA and Switzerland only.",
                    "Set GeoRestriction to a whitelist of EEA / CH country codes.",
                    new GeoAllowlistInEea(), "HDS EXI 29", "RGPD art. 44-46", "CMPL-2"),
            rule("MEDSAAS-VER-1", Level.ERROR, "No RDS engine version past RDS standard support",
                    "An engine version RDS no longer supports gets no security fixes by default and is upgraded by force.",
                    "Pin a major version RDS still supports (see the RDS release calendar).",
                    new EngineVersionSupported(), "HDS EXI 05 B", "RGPD art. 32(1)(b)", "DB-1", "CMPL-2"),
            rule("MEDSAAS-TAG-1", Level.WARNING, "Stores say whether they hold health data",
                    "Health data is a special category: every database says DataType, and every copy of a "
                            + "health-data store is tagged DataType=medical-sensitive as its source is.",
                    "Tag the store DataType=medical-sensitive (or the kind of data it holds).",
                    new HealthDataTagged(), "RGPD art. 9", "RGPD art. 30", "HDS EXI 04", "DB-9", "CMPL-2"),
            rule("MEDSAAS-PUB-1", Level.ERROR, "No store is public",
                    "Buckets block every kind of public access and allow no one without a condition; databases are "
                            + "not publicly accessible.",
                    "Set the four PublicAccessBlockConfiguration flags, drop the public statement, set PubliclyAccessible false.",
                    new NoPublicStore(), "HDS EXI 05 D", "RGPD art. 32(1)(b)", "RGPD art. 25", "S3-3", "CMPL-2"),
            rule("MEDSAAS-BCK-1", Level.ERROR, "Health-data databases and buckets are copied to a second EEA region",
                    "Continuity after the loss of a region: a backup plan copies recovery points to a vault in "
                            + "another EEA region, or the bucket replicates to one.",
                    "Select the store in an AWS Backup plan with a copy action to a vault of another EEA region, or replicate the bucket.",
                    new BackupsCopiedInEea(), "HDS EXI 05 A", "HDS EXI 05 G", "RGPD art. 32(1)(c)", "BCK-1", "S3-5", "CMPL-2")
                    .needsAssembly(),
            rule("MEDSAAS-KEY-1", Level.ERROR, "Key policies name who may use their key",
                    "A key whose policy gives the account root cryptographic use or grants (kms:*) lets IAM decide: "
                            + "any role an administrator widens can restore a snapshot or read a secret. The root "
                            + "administers the key only, and every use by any principal is held to named roles "
                            + "(aws:PrincipalArn); services are named by their service principal.",
                    "Give the root statement administration actions only, and add an aws:PrincipalArn condition "
                            + "naming the roles to every statement whose principal is *.",
                    new KeysNameTheirUsers(), "HDS EXI 05 B.c", "HDS EXI 05 D", "RGPD art. 5(1)(f)", "RGPD art. 32(1)(b)",
                    "HARD-7", "KMS-2", "CMPL-2").strictOnly(),
            rule("MEDSAAS-SEC-1", Level.ERROR, "Secrets deny their value to all but their readers",
                    "A secret readable by whatever IAM allows is readable by every administrator and every role "
                            + "widened by mistake. Its resource policy denies GetSecretValue to every principal but "
                            + "the roles that need it; a Deny wins over any IAM policy.",
                    "Add a resource policy to the secret with a Deny of secretsmanager:GetSecretValue to Principal * "
                            + "with ArnNotLike aws:PrincipalArn listing its readers.",
                    new SecretsNameTheirReaders(), "HDS EXI 05 D", "RGPD art. 5(1)(f)", "RGPD art. 32(1)(b)", "HARD-7",
                    "SEC-1", "CMPL-2").strictOnly(),
            rule("MEDSAAS-ACC-1", Level.ERROR, "The deployment is allowed every call it makes",
                    "CloudFormation deploys as the CDK execution role, whose policy is the tool's "
                            + "(./medsaas bootstrap --print-policy): it must be allowed to create, attach and pass "
                            + "every role and policy, read the stacks whose outputs others use, run the Secrets "
                            + "Manager transform's nested stacks, pass the source connection and update the secrets "
                            + "of the target attachments, by the execution policy and by every resource policy on "
                            + "the way. Each path is decided by a real IAM engine (@cloud-copilot/iam-simulate); "
                            + "docs/access-paths.md lists them.",
                    "Grant the call in the execution policy (ExecutionPolicy) or admit the execution role in the "
                            + "resource policy the message names.",
                    new AccessPathsAllowed(AccessPath.Family.DEPLOY), "HDS EXI 05 D", "RGPD art. 32(1)(b)", "ACC-1",
                    "CI-4", "CMPL-2").strictOnly(),
            rule("MEDSAAS-ACC-2", Level.ERROR, "The running platform is allowed every call it makes",
                    "Services assume the roles they are passed, tasks pull images through the S3 endpoint and "
                            + "read their secrets with their keys, CloudWatch Logs and CloudTrail use their keys and "
                            + "buckets, the erasure role reads what it erases and a named auditor role reads and "
                            + "validates the trail: every call is allowed by the identity, resource, endpoint and "
                            + "key policies on its way, as a real IAM engine decides.",
                    "Grant the call where the message says it is missing (trust, endpoint, key, bucket or secret "
                            + "policy, or the role's own policy).",
                    new AccessPathsAllowed(AccessPath.Family.RUN), "HDS EXI 05 D", "RGPD art. 32(1)(b)", "ACC-1",
                    "CMPL-2").strictOnly(),
            rule("MEDSAAS-ERA-1", Level.ERROR, "An erasure that deletes object versions reaches every replica",
                    "S3 never replicates a DELETE that names a version: a role that erases a file's versions in a "
                            + "replicated bucket but cannot list and delete them in the replica leaves the file there, "
                            + "current, for good (its old-version expiry never applies).",
                    "Grant the erasure policy s3:ListBucketVersions on each replica bucket and s3:DeleteObjectVersion "
                            + "on its objects, and erase in both (tools/erase-media.sh).",
                    new ErasureReachesReplicas(), "RGPD art. 17", "RGPD art. 5(1)(e)", "HARD-11", "S3-5", "CMPL-2"),
            rule("MEDSAAS-NET-1", Level.ERROR, "No data port is open to the internet",
                    "A database, cache, search, warehouse or file-system port reachable from 0.0.0.0/0 or ::/0 is one "
                            + "password away from the health data: stores are reached from named security groups only.",
                    "Replace the 0.0.0.0/0 or ::/0 source with the security group (or the private range) of the clients.",
                    new NoDataPortOpenToTheWorld(), "HDS EXI 05 D", "RGPD art. 32(1)(b)", "RGPD art. 25", "NET-1", "CMPL-2"),
            rule("MEDSAAS-NET-2", Level.ERROR, "Security groups declare their egress inline",
                    "A security group created without inline SecurityGroupEgress gets AWS's default rule allowing all "
                            + "outbound traffic, and separate SecurityGroupEgress resources are added beside it, not "
                            + "instead of it: the template says less than AWS does, and data can leave to anywhere.",
                    "Declare the egress rules inline (SecurityGroupEgress), or the no-traffic placeholder "
                            + "(255.255.255.255/32, icmp 252-86) when the group sends nothing.",
                    new EgressDeclaredInline(), "HDS EXI 05 D", "RGPD art. 32(1)(b)", "HARD-8", "CMPL-2"),
            rule("MEDSAAS-IAM-1", Level.ERROR, "Roles that AWS services assume are held to a source",
                    "A trust statement of a service principal without aws:SourceAccount or aws:SourceArn lets the service, "
                            + "acting for any other account's resource, use the role: the confused deputy.",
                    "Add a condition on aws:SourceAccount (this account) or aws:SourceArn (the resource that uses the role) "
                            + "to each trust statement of a service principal.",
                    new ServiceTrustHeldToSource(), "HDS EXI 05 F", "RGPD art. 32(1)(b)", "HARD-10", "CMPL-2"),
            rule("MEDSAAS-TRC-2", Level.ERROR, "Trails validate their log files",
                    "Access traces are evidence: without log file validation a deleted or altered trail file goes unnoticed.",
                    "Set EnableLogFileValidation to true on the trail.",
                    new TrailLogFilesValidated(), "HDS EXI 15", "HDS EXI 16", "CNIL journalisation", "RGPD art. 32(1)(b)",
                    "CMP-2", "CMPL-2"),
            rule("MEDSAAS-KEY-2", Level.ERROR, "Encryption keys rotate",
                    "A symmetric KMS key that never rotates keeps one key material for the life of the data it protects; "
                            + "yearly rotation bounds what one exposed material decrypts, at no cost to readers.",
                    "Set EnableKeyRotation to true on every SYMMETRIC_DEFAULT key.",
                    new KeysRotate(), "HDS EXI 05 B.c", "RGPD art. 32(1)(a)", "KMS-1", "CMPL-2"));

    private MedSaasPack() {
    }

    private static PackRule rule(String id, Level level, String title, String explanation, String fix, Rule rule,
                                 String... references) {
        return new PackRule(new RuleInfo(id, level, title, explanation, fix, List.of(references)), rule, Scope.ANY_TEMPLATE);
    }
}
