package fr.medsaas.platform.constructs.edge;

import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * Publishes an identifier of this stack (the web ACL's ARN) as a plain SSM parameter in this
 * stack's region, written by CloudFormation itself, for an EU stack to read at deploy time
 * through {@link EdgeParameterAccess}. This is how the us-east-1 stack stays free of any Lambda
 * function: CDK's {@code crossRegionReferences} would put its writer function (and its log
 * group, created at run time) in the producing stack, here us-east-1.
 */
public final class EdgeParameter extends Construct {
    private final StringParameter parameter;

    public EdgeParameter(Construct scope, String id, EdgeParameterProps props) {
        super(scope, id);
        this.parameter = StringParameter.Builder.create(this, "Resource")
                .parameterName(props.parameterName())
                .stringValue(props.value())
                .description(props.description())
                .tier(ParameterTier.STANDARD)
                .build();
    }

    /** The parameter's name. */
    public String parameterName() {
        return parameter.getParameterName();
    }
}
