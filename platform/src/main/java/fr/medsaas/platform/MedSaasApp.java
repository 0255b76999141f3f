package fr.medsaas.platform;

import fr.medsaas.config.EnvironmentConfig;
import fr.medsaas.platform.constructs.keys.KeyPurpose;
import fr.medsaas.platform.nag.RulePacks;
import fr.medsaas.platform.constructs.app.AppSecrets;
import fr.medsaas.platform.aspects.CustomResourceProviderTags;
import fr.medsaas.platform.aspects.KeepInlineEgress;
import fr.medsaas.platform.flags.FeatureFlags;
import fr.medsaas.platform.stacks.AppStack;
import fr.medsaas.platform.stacks.AppStackInputs;
import fr.medsaas.platform.stacks.BackupStack;
import fr.medsaas.platform.stacks.BackupStackInputs;
import fr.medsaas.platform.stacks.MediaStackInputs;
import fr.medsaas.platform.stacks.ReplicaStack;
import fr.medsaas.platform.stacks.ComplianceStack;
import fr.medsaas.platform.stacks.ComplianceStackInputs;
import fr.medsaas.platform.stacks.ObservabilityStack;
import fr.medsaas.platform.stacks.ObservabilityStackInputs;
import fr.medsaas.platform.stacks.DataStack;
import fr.medsaas.platform.stacks.DataStackInputs;
import fr.medsaas.platform.stacks.DeliveryStack;
import fr.medsaas.platform.stacks.DeliveryStackInputs;
import fr.medsaas.platform.stacks.EdgeFirewallStack;
import fr.medsaas.platform.stacks.EdgeLoggingStack;
import fr.medsaas.platform.stacks.EdgeLoggingStackInputs;
import fr.medsaas.platform.stacks.KeysStack;
import fr.medsaas.platform.stacks.MediaStack;
import fr.medsaas.platform.stacks.NetworkStack;
import fr.medsaas.platform.stacks.NetworkStackInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;

/**
 * The one CDK app of an environment: builds every stack from the configuration and hands typed
 * objects from one to the next, each stack's as one inputs record. Holds no resource logic.
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
    private final ReplicaStack replica;
    private final BackupStack backup;
    private final ObservabilityStack observability;
    private final ComplianceStack compliance;
    private final DeliveryStack delivery;

    private MedSaasApp(EnvironmentConfig config, Path outdir, boolean rulePacks) {
        this.app = new App(AppProps.builder()
                .outdir(outdir.toString())
                // No context lookups, no version reporting, no AWS account: synthesis is offline.
                .analyticsReporting(false)
                .context(context())
                .build());
        if (rulePacks) {
            RulePacks.register(app);
        }
        this.keys = new KeysStack(app, config);
        this.network = new NetworkStack(app, config, new NetworkStackInputs(keys.keys()));
        this.data = new DataStack(app, config, new DataStackInputs(network.vpc(), network.securityGroups(), keys.keys()));
        this.edgeFirewall = new EdgeFirewallStack(app, config);
        this.replica = new ReplicaStack(app, config);
        this.media = new MediaStack(app, config, new MediaStackInputs(keys.keys(), edgeFirewall.webAcl().arn(),
                replica.keys().key(KeyPurpose.S3).getKeyArn()));
        this.edgeLogging = new EdgeLoggingStack(app, config, new EdgeLoggingStackInputs(media.distribution().distributionId()));
        this.backup = new BackupStack(app, config, new BackupStackInputs(keys.keys(), replica, data, media));
        this.delivery = new DeliveryStack(app, config, new DeliveryStackInputs(keys.keys(), network.vpc().vpc()));
        this.application = new AppStack(app, config, new AppStackInputs(network.vpc(), network.securityGroups(), keys.keys(),
                new AppSecrets(data.databaseUrl(), data.redisUrl(), data.encryptionKey(), keys.keys().data()),
                data.databaseRoles().migrationUser()));
        application.addDependency(delivery, "the services' images are pulled from the Delivery stack's repositories");
        this.observability = new ObservabilityStack(app, config, ObservabilityStackInputs.of(config, keys.keys(), application));
        this.compliance = new ComplianceStack(app, config,
                new ComplianceStackInputs(keys.keys(), observability.alertsTopic().getTopicArn()));
        tag(config);
        aspects(config);
    }

    /** The app's context: path metadata, and the feature flags decided in {@link FeatureFlags} (HARD-8). */
    private static Map<String, Object> context() {
        Map<String, Object> context = new java.util.TreeMap<>(FeatureFlags.SET);
        context.put("aws:cdk:enable-path-metadata", true);
        return context;
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
        config.resourceTags().forEach((k, v) -> Tags.of(app).add(k, v));
    }

    /**
     * Our aspects, as one: CDK calls a Java aspect back once per construct, and jsii's Java runtime
     * nests each callback of a synthesis in the one before, so every further aspect deepens the
     * stack by a frame set per construct (a third separate one overflowed it on prod). CMP-4's tags on
     * CDK's custom-resource providers; HARD-8, no security group left to AWS's default allow-all
     * egress; HARD-10, the roles CDK writes for a service held to this account.
     */
    private void aspects(EnvironmentConfig config) {
        Aspects.of(app).add(new fr.medsaas.platform.aspects.AllAspects(List.of(
                new CustomResourceProviderTags(config.resourceTags()), new KeepInlineEgress(),
                new fr.medsaas.platform.aspects.ServiceTrustSourceAccount())));
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

    /** The Replica stack (backup region): its keys, vault and the media replica. */
    public ReplicaStack replica() {
        return replica;
    }

    /** The Backup stack: the primary vault and the daily plan. */
    public BackupStack backup() {
        return backup;
    }

    /** The Observability stack: alerts topic, alarms, dashboard. */
    public ObservabilityStack observability() {
        return observability;
    }

    /** The Compliance stack: trail, AWS Config, GuardDuty, security events. */
    public ComplianceStack compliance() {
        return compliance;
    }

    /** The Delivery stack: ECR, CodeBuild, CodePipeline (CI-1..3). */
    public DeliveryStack delivery() {
        return delivery;
    }

    /** Every stack, in deployment order. */
    public List<Stack> stacks() {
        return List.of(keys, network, data, edgeFirewall, replica, media, edgeLogging, backup, delivery, application,
                observability, compliance);
    }
}
