package fr.medsaas.sandbox;

/**
 * Defects of moto 5.2.1 that the sandbox meets with the platform's templates, and what it does
 * about each. The first three are worked around in the emulator's copy of the templates
 * ({@link EmulatorTemplates}); the others are worked around where the resources are read back.
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
