package fr.medsaas.platform;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.nag.RulePacks;
import fr.medsaas.platform.constructs.app.AppSecrets;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.stacks.AppStack;
import fr.medsaas.platform.stacks.AppStackInputs;
import fr.medsaas.platform.stacks.DataStack;
import fr.medsaas.platform.stacks.DeliveryStack;
import fr.medsaas.platform.stacks.DeliveryStackInputs;
import fr.medsaas.platform.stacks.EdgeFirewallStack;
import fr.medsaas.platform.stacks.EdgeLoggingStack;
import fr.medsaas.platform.stacks.KeysStack;
import fr.medsaas.platform.stacks.MediaStack;
import fr.medsaas.platform.stacks.NetworkStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * The one CDK app of an environment: builds every stack from the configuration and hands typed
 * objects from one to the next. Holds no resource logic.
 */
public final class MedSaasApp {
    private final App app;
    private final KeysStack keys;
    private final NetworkStack network;
    private final AppStack application;
    private final DataStack data;
    private final EdgeFirewallStack edgeFirewall;
    private final MediaStack media;
    private final EdgeLoggingStack edgeLogging;
    private final DeliveryStack delivery;

    private MedSaasApp(EnvironmentConfig config, Path outdir, boolean rulePacks) {
        this.app = new App(AppProps.builder()
                .outdir(outdir.toString())
                // No context lookups, no version reporting, no AWS account: synthesis is offline.
                .analyticsReporting(false)
                .context(Map.of("aws:cdk:enable-path-metadata", true))
                .build());
        if (rulePacks) {
            RulePacks.register(app);
        }
        this.keys = new KeysStack(app, config);
        this.network = new NetworkStack(app, config, keys.keys());
        this.data = new DataStack(app, config, keys.keys(), network.vpc(), network.securityGroups());
        this.edgeFirewall = new EdgeFirewallStack(app, config);
        this.media = new MediaStack(app, config, keys.keys(), edgeFirewall);
        this.edgeLogging = new EdgeLoggingStack(app, config, media);
        this.delivery = new DeliveryStack(app, config, new DeliveryStackInputs(keys.keys(), network.vpc().vpc()));
        this.application = new AppStack(app, config, new AppStackInputs(network.vpc(), network.securityGroups(),
                keys.keys(), new AppSecrets(data.databaseUrl(), data.redisUrl(), data.encryptionKey(), keys.keys().data())));
        application.roles().grantMedia(config.media().bucketName(), keys.keys().key(KeyPurpose.S3));
        application.addDependency(delivery, "the services' images are pulled from the Delivery stack's repositories");
        tag(config);
    }

    /**
     * Builds the app of an environment, writing its assembly to {@code outdir} on synthesis.
     *
     * @param rulePacks whether the cdk-nag packs run at synthesis
     */
    public static MedSaasApp build(EnvironmentConfig config, Path outdir, boolean rulePacks) {
        return new MedSaasApp(config, outdir, rulePacks);
    }

    private void tag(EnvironmentConfig config) {
        // CMP-4 on every resource of every stack.
        Map<String, String> tags = config.resourceTags();
        tags.forEach((k, v) -> Tags.of(app).add(k, v));
        tagCustomResourceProviders(tags);
    }

    /**
     * CDK's built-in custom-resource providers (e.g. the one that empties the default security
     * group, NET-6) are raw CfnResources that the Tags aspect does not reach: give their role and
     * function the CMP-4 tags directly.
     */
    private void tagCustomResourceProviders(Map<String, String> tags) {
        List<Map<String, String>> cfnTags = tags.entrySet().stream()
                .map(e -> Map.of("Key", e.getKey(), "Value", e.getValue())).toList();
        for (Stack stack : stacks()) {
            for (IConstruct child : stack.getNode().getChildren()) {
                if (!child.getNode().getId().startsWith("Custom::")) {
                    continue;
                }
                for (String part : List.of("Role", "Handler")) {
                    IConstruct resource = child.getNode().tryFindChild(part);
                    if (resource instanceof CfnResource cfn) {
                        cfn.addPropertyOverride("Tags", cfnTags);
                    }
                }
            }
        }
    }

    /** Synthesizes every stack; the packs, when registered, run now. */
    public void synth() {
        app.synth();
    }

    /** The CDK app. */
    public App app() {
        return app;
    }

    /** The Keys stack. */
    public KeysStack keys() {
        return keys;
    }

    /** The Network stack. */
    public NetworkStack network() {
        return network;
    }

    /** The Data stack. */
    public DataStack data() {
        return data;
    }

    /** The App stack. */
    public AppStack application() {
        return application;
    }

    /** The EdgeFirewall stack (us-east-1): the CloudFront web ACL only. */
    public EdgeFirewallStack edgeFirewall() {
        return edgeFirewall;
    }

    /** The Media stack: media bucket, log buckets, CloudFront. */
    public MediaStack media() {
        return media;
    }

    /** The EdgeLogging stack (us-east-1): CloudFront's log delivery to the EU log bucket. */
    public EdgeLoggingStack edgeLogging() {
        return edgeLogging;
    }

    /** The Delivery stack: ECR, CodeBuild, CodePipeline (CI-1..3). */
    public DeliveryStack delivery() {
        return delivery;
    }

    /** Every stack, in deployment order. */
    public List<Stack> stacks() {
        return List.of(keys, network, data, edgeFirewall, media, edgeLogging, delivery, application);
    }
}
