package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CFG-1: one case per way a configuration is refused. Each names the field, the value given
 * and the rule, so that the person who wrote it knows what to change.
 */
class ConfigRulesTest {

    static final String CERT = "app: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/"
            + "00000000-0000-4000-8000-000000000000 }\n";

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                Arguments.of("unknown field", "name: prod\ncolour: blue\n",
                        "colour", "unknown field"),
                Arguments.of("misspelled field", "name: prod\nnetwork: { vpcCidrr: 10.0.0.0/16 }\n",
                        "network.vpcCidrr", "did you mean \"vpcCidr\""),
                Arguments.of("wrong type", "name: prod\nnetwork: { natGateways: three }\n",
                        "network.natGateways", "a whole number"),
                Arguments.of("wrong type for a list", "name: prod\nnetwork: { availabilityZones: eu-west-3a }\n",
                        "network.availabilityZones", "a list"),
                Arguments.of("missing required field", "environmentTag: production\n",
                        "name", "required field"),
                Arguments.of("unknown environment name", "name: nowhere\n",
                        "name", "one of prod, staging, dev"),
                Arguments.of("REG-3 primary outside the EU", "name: prod\nregions: { primary: us-east-1 }\n",
                        "regions.primary", "inside the EU"),
                Arguments.of("REG-3 backup outside the EU (London is not in the EU)",
                        "name: prod\nregions: { backup: eu-west-2 }\n", "regions.backup", "inside the EU"),
                Arguments.of("REG-2 backup in the primary region", "name: prod\nregions: { backup: eu-west-3 }\n",
                        "regions.backup", "not the primary"),
                Arguments.of("REG-3 edge elsewhere than us-east-1", "name: prod\nregions: { edge: eu-west-1 }\n",
                        "regions.edge", "us-east-1 only"),
                Arguments.of("ill-formed CIDR", "name: prod\nnetwork: { vpcCidr: 10.0.0.0/33 }\n",
                        "network.vpcCidr", "a.b.c.d/n"),
                Arguments.of("CIDR not aligned on its prefix", "name: prod\nnetwork: { vpcCidr: 10.0.0.1/16 }\n",
                        "network.vpcCidr", "aligned"),
                Arguments.of("overlapping subnets", "name: prod\nnetwork: { appSubnetCidrs: [10.0.1.0/24, 10.0.11.0/24, 10.0.12.0/24] }\n",
                        "network.appSubnetCidrs[0]", "overlaps network.publicSubnetCidrs[0]"),
                Arguments.of("subnet outside the VPC", "name: prod\nnetwork: { dbSubnetCidrs: [10.0.20.0/24, 10.0.21.0/24, 10.9.22.0/24] }\n",
                        "network.dbSubnetCidrs[2]", "outside the VPC 10.0.0.0/16"),
                Arguments.of("fewer than two zones", """
                        name: prod
                        network:
                          availabilityZones: [eu-west-3a]
                          publicSubnetCidrs: [10.0.1.0/24]
                          appSubnetCidrs: [10.0.10.0/24]
                          dbSubnetCidrs: [10.0.20.0/24]
                          natGateways: 1
                        """, "network.availabilityZones", "2 to 6 distinct zones"),
                Arguments.of("zone not of the region", "name: prod\nnetwork: { availabilityZones: [eu-west-3a, eu-west-3b, eu-west-1c] }\n",
                        "network.availabilityZones[2]", "the primary region is eu-west-3"),
                Arguments.of("subnets not one per zone", "name: prod\nnetwork: { publicSubnetCidrs: [10.0.1.0/24, 10.0.2.0/24] }\n",
                        "network.publicSubnetCidrs", "3 zones, 2 CIDRs given"),
                Arguments.of("more NAT gateways than zones", "name: prod\nnetwork: { natGateways: 4 }\n",
                        "network.natGateways", "from 1 to the number of zones"),
                Arguments.of("HARD-1 a container as root", "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:"
                        + "123456789012:certificate/00000000-0000-4000-8000-000000000000, web: { user: \"0\" } }\n",
                        "app.web.user", "never root"),
                Arguments.of("HARD-1 a user by name", "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:"
                        + "123456789012:certificate/00000000-0000-4000-8000-000000000000, worker: { user: root } }\n",
                        "app.worker.user", "uid or uid:gid"),
                Arguments.of("WAF-1 an upload path without its leading slash", "name: prod\napp: { certificateArn: "
                        + "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, "
                        + "firewall: { uploadPaths: [api/uploads/] } }\n", "app.firewall.uploadPaths[0]", "starting with /"),
                Arguments.of("WAF-1 a login limit below AWS WAF's minimum", "name: prod\napp: { certificateArn: "
                        + "arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, "
                        + "firewall: { loginRateLimit: 5 } }\n", "app.firewall.loginRateLimit", "10 (AWS WAF's minimum)"),
                Arguments.of("RGPD old media versions never expiring", "name: prod\nmedia: { noncurrentVersionDays: 0 }\n",
                        "media.noncurrentVersionDays", "1 to 365 days"),
                Arguments.of("egress to the whole internet", "name: prod\nnetwork: { appEgressCidrs: [0.0.0.0/0] }\n",
                        "network.appEgressCidrs[0]", "never the whole internet"),
                Arguments.of("egress inside the VPC", "name: prod\nnetwork: { appEgressCidrs: [10.0.5.0/24] }\n",
                        "network.appEgressCidrs[0]", "outside the VPC"),
                Arguments.of("S3 prefix list not an id", "name: prod\nnetwork: { s3PrefixListId: s3 }\n",
                        "network.s3PrefixListId", "pl- then 8 to 17 hexadecimal digits"),
                Arguments.of("prod without interface endpoints", "name: prod\nnetwork: { interfaceEndpoints: false }\n",
                        "network.interfaceEndpoints", "true in prod"),
                Arguments.of("OBS-1 retention below 365 days", "name: prod\nlogging: { retentionDays: 30 }\n",
                        "logging.retentionDays", "365, 400, 545 or 731"),
                Arguments.of("OBS-1 retention above 1095 days", "name: prod\nlogging: { retentionDays: 1827 }\n",
                        "logging.retentionDays", "365, 400, 545 or 731"),
                Arguments.of("CMP-4 tag overridden", "name: prod\ntags: { Compliance: none }\n",
                        "tags.Compliance", "the platform sets"),
                Arguments.of("ECS-2 CPU and memory Fargate does not pair",
                        "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, web: { cpu: 1024, memoryMiB: 512 } }\n",
                        "app.web.memoryMiB", "2048 to 8192 MiB in steps of 1024 with 1024 CPU units"),
                Arguments.of("ECS-2 CPU Fargate does not offer",
                        "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, worker: { cpu: 1000 } }\n",
                        "app.worker.cpu", "256, 512, 1024, 2048"),
                Arguments.of("ALB-1 certificate of another region",
                        "name: prod\napp: { certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000 }\n",
                        "app.certificateArn", "the load balancer in eu-west-3"),
                Arguments.of("ALB-1 not a certificate ARN",
                        "name: prod\napp: { certificateArn: my-cert }\n",
                        "app.certificateArn", "arn:aws:acm:<primary region>"),
                Arguments.of("ALB-1 missing certificate", "name: prod\napp: { ecsExec: false }\n",
                        "app.certificateArn", "required field"),
                Arguments.of("ECS-3 autoscaling floor of one task in prod",
                        "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, web: { minCapacity: 1, desiredCount: 1 } }\n",
                        "app.web.minCapacity", "2 or more for the web service in prod"),
                Arguments.of("ECS-3 desired count above the ceiling",
                        "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, web: { desiredCount: 9 } }\n",
                        "app.web.desiredCount", "here 2 to 6"),
                Arguments.of("ECS-6 malformed digest",
                        "name: prod\napp: { certificateArn: arn:aws:acm:eu-west-3:123456789012:certificate/00000000-0000-4000-8000-000000000000, web: { image: { digest: sha256:xyz } } }\n",
                        "app.web.image.digest", "64 lower-case hex digits"),
                Arguments.of("bad name prefix", "name: prod\nnamePrefix: Medical_SaaS\n",
                        "namePrefix", "lower-case letters"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("badConfigurations")
    void refusesABadConfiguration(String why, String yaml, String field, String rule) {
        String text = yaml.contains("app:") ? yaml : yaml + CERT;
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(text, "case.yaml"));
        assertThat(e).as(why).isNotNull();
        assertThat(e.getMessage()).startsWith("invalid configuration case.yaml");
        assertThat(e.problems()).as(why)
                .anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.rule()).contains(rule);
                });
    }
}
