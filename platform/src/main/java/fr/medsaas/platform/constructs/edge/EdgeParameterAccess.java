package fr.medsaas.platform.constructs.edge;

import fr.medsaas.platform.constructs.logs.EncryptedLogGroup;
import fr.medsaas.platform.constructs.logs.EncryptedLogGroupProps;
import java.util.List;
import java.util.Map;
import fr.medsaas.platform.nag.Acknowledge;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.Logging;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Reads and writes, at deploy time and from an EU stack, the few SSM parameters that tie the
 * EU stacks to the us-east-1 ones (CloudFront's web ACL ARN in, the distribution's ARN out).
 * The calls run in one CDK {@link AwsCustomResource} function of this (EU) stack, whose logs go
 * to an encrypted log group here; its role may only read or write those parameters. Nothing of
 * this runs in us-east-1.
 */
public final class EdgeParameterAccess extends Construct {
    private final EdgeParameterAccessProps props;
    private final Role role;
    private final ManagedPolicy policy;
    private final ILogGroup logGroup;
    private boolean acknowledged;

    public EdgeParameterAccess(Construct scope, String id, EdgeParameterAccessProps props) {
        super(scope, id);
        this.props = props;
        this.logGroup = new EncryptedLogGroup(this, "Logs",
                new EncryptedLogGroupProps(props.logGroupName(), props.logsKey(), props.retentionDays())).logGroup();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Deploy-time access to the edge region's SSM parameters " + props.parameterPath() + "/*")
                .build();
        // Rights in a customer-managed policy (no inline policy: HIPAA/NIST IAMNoInlinePolicy).
        this.policy = ManagedPolicy.Builder.create(this, "Policy")
                .roles(List.of(role))
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(logGroup.getLogGroupArn()))
                        .build()))
                .build();
    }

    /**
     * Reads a parameter of the edge region when this stack is created or updated.
     *
     * @param id   the construct id of the read
     * @param name the parameter's full name, under the configured path
     * @return the parameter's value, as a deploy-time token
     */
    public String read(String id, String name) {
        allow("ssm:GetParameter", name);
        AwsSdkCall get = AwsSdkCall.builder()
                .service("SSM")
                .action("getParameter")
                .parameters(Map.of("Name", name))
                .region(props.edgeRegion())
                .physicalResourceId(PhysicalResourceId.of(name))
                .logging(Logging.withDataHidden())
                .build();
        return call(id, get, get, null).getResponseField("Parameter.Value");
    }

    /**
     * Writes a parameter of the edge region when this stack is created or updated (again
     * whenever {@code value} changes), and deletes it with this stack.
     *
     * @param id          the construct id of the write
     * @param name        the parameter's full name, under the configured path
     * @param value       an identifier (an ARN), never data or a secret
     * @param description what the parameter is for
     */
    public void write(String id, String name, String value, String description) {
        allow("ssm:PutParameter", name);
        allow("ssm:DeleteParameter", name);
        AwsSdkCall put = AwsSdkCall.builder()
                .service("SSM")
                .action("putParameter")
                .parameters(Map.of("Name", name, "Value", value, "Type", "String", "Overwrite", true,
                        "Description", description))
                .region(props.edgeRegion())
                .physicalResourceId(PhysicalResourceId.of(name))
                .logging(Logging.withDataHidden())
                .build();
        AwsSdkCall delete = AwsSdkCall.builder()
                .service("SSM")
                .action("deleteParameter")
                .parameters(Map.of("Name", name))
                .region(props.edgeRegion())
                .ignoreErrorCodesMatching("ParameterNotFound")
                .logging(Logging.withDataHidden())
                .build();
        call(id, put, put, delete);
    }

    private AwsCustomResource call(String id, AwsSdkCall create, AwsSdkCall update, AwsSdkCall delete) {
        AwsCustomResource.Builder builder = AwsCustomResource.Builder.create(this, id)
                .onCreate(create)
                .onUpdate(update)
                .role(role)
                .logGroup(logGroup)
                .installLatestAwsSdk(false)
                .resourceType("Custom::EdgeParameter");
        if (delete != null) {
            builder.onDelete(delete);
        }
        AwsCustomResource resource = builder.build();
        // The function may run only once its role has its rights.
        resource.getNode().addDependency(policy);
        acknowledgeProvider();
        return resource;
    }

    /** The one function CDK shares among this stack's AwsCustomResources (a singleton at stack level). */
    private void acknowledgeProvider() {
        IConstruct provider = Stack.of(this).getNode().tryFindChild("AWS" + AwsCustomResource.PROVIDER_FUNCTION_UUID.replace("-", ""));
        if (provider == null || acknowledged) {
            return;
        }
        acknowledged = true;
        Acknowledge.rules(provider, "Deploy-time function: CloudFormation invokes it a few times per deployment to read or "
                        + "write SSM parameters of us-east-1 (ARNs, no data); it reaches only the SSM API, a failure fails "
                        + "the deployment (no event to keep in a queue), and it never runs concurrently with itself.",
                "HIPAA.Security-LambdaConcurrency", "HIPAA.Security-LambdaDLQ", "HIPAA.Security-LambdaInsideVPC",
                "NIST.800.53.R5-LambdaConcurrency", "NIST.800.53.R5-LambdaDLQ", "NIST.800.53.R5-LambdaInsideVPC");
    }

    private void allow(String action, String name) {
        if (!name.startsWith(props.parameterPath() + "/")) {
            throw new IllegalArgumentException("parameter " + name + " is outside " + props.parameterPath() + "/");
        }
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of(action))
                .resources(List.of("arn:" + Aws.PARTITION + ":ssm:" + props.edgeRegion() + ":" + Aws.ACCOUNT_ID
                        + ":parameter" + name))
                .build());
    }

    /** The function's log group. */
    public ILogGroup logGroup() {
        return logGroup;
    }
}
