package fr.medsaas.sandbox;

/**
 * Defects of moto 5.2.1 that the sandbox meets with the platform's templates, and what it does
 * about each: a property rewritten in the emulator's copy of the templates ({@link EmulatorTemplates}),
 * or, where no rewrite helps, a workaround where the resources are read back (each says which).
 * docs/sandbox.md lists them, generated from here.
 */
public enum MotoDefect {
    /** KMS keys created by CloudFormation get their tags in the wrong shape. */
    KMS_KEY_TAGS("AWS::KMS::Key", "Tags",
            "moto hands CloudFormation's `{Key, Value}` tags to its KMS tagger, which expects the KMS API's "
                    + "`{TagKey, TagValue}`: the key fails with KeyError 'TagKey', which moto swallows and later reports as "
                    + "\"Template error: instance of Fn::GetAtt references undefined resource\" on the key's Output.",
            "The emulator's copy of each key's tags is written as `{TagKey, TagValue}`."),
    /** KMS keys created by CloudFormation keep their policy as an object, not a string. */
    KMS_KEY_POLICY("AWS::KMS::Key", "KeyPolicy",
            "moto stores a CloudFormation `KeyPolicy` as a JSON object where its KMS API keeps a string: DescribeKey then "
                    + "fails with HTTP 500 (json.loads of a dict) and GetKeyPolicy answers an object.",
            "The emulator's copy wraps the policy in `Fn::ToJsonString`, which moto resolves to the string it expects."),
    /** Log groups created by CloudFormation lose their KMS key. */
    LOG_GROUP_KMS_KEY("AWS::Logs::LogGroup", "KmsKeyId",
            "moto reads a CloudFormation log group's key under the API's parameter name `kmsKeyId`, not CloudFormation's "
                    + "`KmsKeyId`: the key would be dropped without a word.",
            "The emulator's copy names the property `kmsKeyId`."),
    /** ECR repositories created by CloudFormation lose their scan-on-push setting. */
    ECR_SCANNING_CONFIGURATION("AWS::ECR::Repository", "ImageScanningConfiguration",
            "moto keeps a CloudFormation repository's scanning configuration as given, under CloudFormation's key "
                    + "`ScanOnPush`, where its API answers `scanOnPush`: scan on push would read back as unset.",
            "The emulator's copy writes the key as `scanOnPush`."),
    /** ECR repositories created by CloudFormation lose their encryption type and key. */
    ECR_ENCRYPTION_CONFIGURATION("AWS::ECR::Repository", "EncryptionConfiguration",
            "moto keeps a CloudFormation repository's encryption configuration as given, under CloudFormation's keys "
                    + "`EncryptionType` and `KmsKey`, where its API answers `encryptionType` and `kmsKey`: the repository "
                    + "would read back with neither.",
            "The emulator's copy writes the keys as `encryptionType` and `kmsKey`."),
    /** A DB instance's parameter group, named by Ref, reaches moto as an object. */
    RDS_PARAMETER_GROUP_REF("AWS::RDS::DBInstance", "DBParameterGroupName",
            "moto gives a CloudFormation DB parameter group no physical id, so a `Ref` to it hands the instance the group "
                    + "object instead of its name: CreateStack fails with HTTP 500 (AttributeError: 'DBParameterGroup' object "
                    + "has no attribute 'startswith'). The group's name is generated at random, so no literal can replace it.",
            "The emulator's copy of the instance drops `DBParameterGroupName` (moto attaches its default group); the "
                    + "group itself is created and its parameters are read back (DB-8), the instance's reference to it is "
                    + "checked on the template."),
    /** A DB instance's security groups are read under the API's name. */
    RDS_SECURITY_GROUPS("AWS::RDS::DBInstance", "VPCSecurityGroups",
            "moto reads a CloudFormation DB instance's groups under `VpcSecurityGroupIds`, not CloudFormation's "
                    + "`VPCSecurityGroups`: the instance would silently get the default VPC's default group.",
            "The emulator's copy names the property `VpcSecurityGroupIds`."),
    /** Backup and maintenance windows that only touch are refused. */
    RDS_ADJACENT_WINDOWS("AWS::RDS::DBInstance", "PreferredBackupWindow",
            "moto refuses a backup window that ends when the maintenance window starts (`03:00-04:00` and "
                    + "`sun:04:00-sun:05:00`, DB-6) as overlapping (\"The backup window and maintenance window must not "
                    + "overlap\"); RDS accepts windows that only touch.",
            "When the two windows touch, the emulator's copy ends the backup window one minute earlier (`03:00-03:59`); "
                    + "the read-back checks the start from the emulator and the configured window on the template."),
    /** A DB instance's protection, log exports and monitoring are ignored. */
    RDS_IGNORED_PROPERTIES("AWS::RDS::DBInstance", "DeletionProtection",
            "moto creates a CloudFormation DB instance without `DeletionProtection`, `EnableCloudwatchLogsExports`, "
                    + "`MaxAllocatedStorage`, Performance Insights, enhanced monitoring and `CACertificateIdentifier`: it "
                    + "answers its defaults (no protection, no exports).",
            "Not fixable in the template: the read-back checks these properties in the template sent to the emulator "
                    + "(DB-2, DB-6, DB-7, DB-8), and says so."),
    /** ECS keeps few properties of a cluster, task definition or service. */
    ECS_IGNORED_PROPERTIES("AWS::ECS::Service", "",
            "moto creates a CloudFormation ECS cluster from its name only (no settings, so Container Insights reads "
                    + "disabled), a task definition from its family, containers, volumes and memory only (no `Cpu`, "
                    + "`NetworkMode`, `RequiresCompatibilities` or roles: it answers bridge and EC2), and a service from its "
                    + "cluster, name, task definition and desired count only (no launch type, network configuration, load "
                    + "balancers or deployment configuration).",
            "The read-back checks what moto keeps from the emulator, and the rest (Fargate, awsvpc, CPU, roles, app "
                    + "tier without public IP, target group, circuit breaker, Container Insights) in the template sent to "
                    + "the emulator, and says so."),
    /** A load balancer's attributes are ignored. */
    ELBV2_LOAD_BALANCER_ATTRIBUTES("AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerAttributes",
            "moto creates a CloudFormation load balancer without its `LoadBalancerAttributes`: it answers deletion "
                    + "protection off and no access logs whatever the template says.",
            "Not fixable in the template: the read-back checks the attributes (ALB-2) in the template sent to the "
                    + "emulator, and says so."),
    /** A bucket keeps only its encryption and tags. */
    S3_BUCKET_PROPERTIES("AWS::S3::Bucket", "VersioningConfiguration",
            "moto creates a CloudFormation bucket with its name, default encryption (without `BucketKeyEnabled`) and "
                    + "tags only: versioning, public access block, ownership controls, logging, lifecycle and replication "
                    + "are dropped without a word.",
            "The read-back checks the encryption key and tags from the emulator, and the rest (S3-2 bucket key, S3-3) "
                    + "in the template sent to the emulator, and says so."),
    /** A security group keeps the default allow-all egress whatever the template declares. */
    SECURITY_GROUP_DEFAULT_EGRESS("AWS::EC2::SecurityGroup", "SecurityGroupEgress",
            "moto adds its default allow-all egress rule (all traffic to 0.0.0.0/0) to every CloudFormation security "
                    + "group, inline `SecurityGroupEgress` or not; AWS removes that rule when the template declares any "
                    + "inline egress (HARD-8).",
            "Not fixable in the template: the emulator's copy lists the group under the template metadata "
                    + "`MedSaasSandboxNotEmulated`, and `medsaas audit --endpoint-url` reports that lone default rule as "
                    + "NOT EMULATED (MEDSAAS-LIVE-9), any other egress as a failure."),
    /** CloudFormation's cross-region reference is unknown to moto. */
    GET_STACK_OUTPUT("", "",
            "moto does not know `Fn::GetStackOutput` (the cross-region reference CDK 2.263 renders for a weak "
                    + "reference to a stack of another region): it would hand the resource the reference itself, an object, "
                    + "instead of the output's value.",
            "The deployer resolves it before CreateStack from the outputs of the stack named, already in the emulator "
                    + "(dependency order puts it first), as CloudFormation does when the consumer deploys; an output not "
                    + "found gets a placeholder, reported."),
    /** The VPC's DNS attributes are ignored. */
    VPC_DNS_ATTRIBUTES("AWS::EC2::VPC", "EnableDnsHostnames",
            "moto creates a CloudFormation VPC from `CidrBlock`, `InstanceTenancy` and `Tags` only: `EnableDnsSupport` "
                    + "and `EnableDnsHostnames` are ignored (the emulator answers its defaults: support on, hostnames off).",
            "Not fixable in the template, and the emulator's answer proves nothing either way: the read-back tests check "
                    + "both attributes in the template sent to the emulator (NET-1), and say so."),
    /** Subnet route-table associations are not visible on the route tables. */
    ROUTE_TABLE_ASSOCIATIONS("AWS::EC2::SubnetRouteTableAssociation", "",
            "moto records a CloudFormation subnet association aside, not on the route table: DescribeRouteTables shows "
                    + "no association for the subnets.",
            "The read-back tests find a subnet's route table through the template's association and the stack's "
                    + "physical ids, then read that table's routes from the emulator."),
    /** Resource errors come back from CreateStack itself. */
    SYNCHRONOUS_CREATE("", "",
            "moto creates every resource inside the CreateStack call: a resource that fails makes CreateStack itself fail "
                    + "(sometimes with a non-XML body), with no stack events; and a type it does not know is skipped with "
                    + "a log line, so that a later Ref or Fn::GetAtt to it fails the whole stack.",
            "The sandbox leaves unknown types out itself and lists them; the deployer reports CreateStack's own error as "
                    + "the stack's failure reason (status CREATE_REFUSED) and retries nothing.");

    private final String resourceType;
    private final String property;
    private final String defect;
    private final String workaround;

    MotoDefect(String resourceType, String property, String defect, String workaround) {
        this.resourceType = resourceType;
        this.property = property;
        this.defect = defect;
        this.workaround = workaround;
    }

    /** The CloudFormation type it affects, or empty when it affects every stack. */
    public String resourceType() {
        return resourceType;
    }

    /** The property it affects, or empty. */
    public String property() {
        return property;
    }

    /** What moto does wrong. */
    public String defect() {
        return defect;
    }

    /** What the sandbox does about it. */
    public String workaround() {
        return workaround;
    }

    /** A short id for messages: {@code moto:KMS_KEY_TAGS}. */
    public String id() {
        return "moto:" + name();
    }
}
