package fr.medsaas.platform.stacks;

import fr.medsaas.config.EnvironmentConfig;

/**
 * The names that tie the EU stacks to the us-east-1 ones without a cross-region reference:
 * SSM parameters under {@code /<prefix>/edge} and the CloudFront log delivery's name. Plain data,
 * shared by the stacks on both sides.
 */
public final class EdgeWiring {
    private EdgeWiring() {
    }

    /** The path of every edge parameter: {@code /medical-saas/edge}. */
    public static String parameterPath(EnvironmentConfig config) {
        return "/" + config.namePrefix() + "/edge";
    }

    /** Written in us-east-1 by the EdgeFirewall stack, read by the Media stack: the web ACL's ARN. */
    public static String webAclArnParameter(EnvironmentConfig config) {
        return parameterPath(config) + "/web-acl-arn";
    }

    /** Written in us-east-1 by the Media stack, read by the EdgeLogging stack: the distribution's ARN. */
    public static String distributionArnParameter(EnvironmentConfig config) {
        return parameterPath(config) + "/media-distribution-arn";
    }

    /** The name of CloudFront's log delivery source (and prefix of its destination's). */
    public static String cdnLogDeliveryName(EnvironmentConfig config) {
        return config.physicalName("media-cdn-access-logs");
    }
}
