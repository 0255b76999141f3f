package fr.medsaas.platform.constructs.network;

import fr.medsaas.platform.nag.Acknowledge;
import software.amazon.awscdk.services.ec2.IPeer;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.Construct;

/**
 * The security groups of SG-1..5, chained by group reference, never by CIDR inside the VPC:
 * internet → load balancer (443, and 80 to redirect) → web app (8000) → PostgreSQL (5432) and
 * Redis (6379). The worker has no ingress. Egress is as narrow as ingress: the load balancer
 * sends to the web app on 8000 only; the tasks reach the stores, the interface endpoints, S3
 * through the gateway endpoint's prefix list and the configured partners, nothing else; the data
 * stores send nothing out.
 *
 * <p>Two groups serve the data tier's functions, which have no ingress: the master-password
 * rotation, the one client of PostgreSQL besides the application (a rotation must log in to
 * change the password), and the builder of the application's secrets, which reaches AWS APIs only.
 */
public final class PlatformSecurityGroups extends Construct {
    private final SecurityGroup alb;
    private final SecurityGroup app;
    private final SecurityGroup worker;
    private final SecurityGroup database;
    private final SecurityGroup redis;
    private final SecurityGroup endpoints;
    private final SecurityGroup dbRotation;
    private final SecurityGroup secretsBuilder;
    private final SecurityGroup dbRoles;

    public PlatformSecurityGroups(Construct scope, String id, PlatformSecurityGroupsProps props) {
        super(scope, id);
        String p = props.namePrefix();
        alb = group("Alb", props, p + "-alb-sg", "Security group for ALB - HTTPS only");
        app = group("App", props, p + "-app-sg", "Security group for Django applications");
        worker = group("Worker", props, p + "-worker-sg", "Security group for Celery workers - no ingress");
        database = group("Database", props, p + "-rds-sg", "Security group for PostgreSQL RDS");
        redis = group("Redis", props, p + "-redis-sg", "Security group for ElastiCache Redis");
        endpoints = group("Endpoints", props, p + "-endpoints-sg", "Security group for VPC interface endpoints");
        dbRotation = group("DbRotation", props, p + "-db-rotation-sg",
                "Security group for the PostgreSQL master password rotation - no ingress");
        secretsBuilder = group("SecretsBuilder", props, p + "-secrets-builder-sg",
                "Security group for the function building the application secrets - no ingress");
        dbRoles = group("DbRoles", props, p + "-db-roles-sg",
                "Security group for the function creating the database roles - no ingress");

        // SG-1: the only ingress from the internet; port 80 exists to redirect to 443 (ALB-1).
        alb.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
        alb.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet, redirected to HTTPS only");
        Acknowledge.rule(alb, "AwsSolutions-EC23",
                "SG-1: the patient-facing load balancer must be reachable from the internet on 443 (and on 80 only to "
                        + "redirect to 443); the regional WAF of ALB-3 filters that traffic.");
        alb.addEgressRule(app, Port.tcp(8000), "to the web application only");

        // SG-2: the web application takes traffic from the load balancer only.
        app.addIngressRule(alb, Port.tcp(8000), "from the load balancer only");
        IPeer s3 = Peer.prefixList(props.s3PrefixListId());
        for (SecurityGroup client : new SecurityGroup[] {app, worker}) {
            // SG-3, SG-4: the stores take traffic from the application groups only.
            database.addIngressRule(client, Port.tcp(5432), "PostgreSQL from " + client.getNode().getId());
            redis.addIngressRule(client, Port.tcp(6379), "Redis from " + client.getNode().getId());
            endpoints.addIngressRule(client, Port.tcp(443), "AWS APIs from " + client.getNode().getId());
            client.addEgressRule(database, Port.tcp(5432), "to PostgreSQL");
            client.addEgressRule(redis, Port.tcp(6379), "to Redis");
            // S3 through the gateway endpoint: the media bucket, and the image layers ECR serves from S3.
            client.addEgressRule(s3, Port.tcp(443), "to S3 through the gateway endpoint");
            awsApis(client, props);
            if (props.guardDutyAgent()) {
                // HARD-9: GuardDuty's agent, a sidecar sharing the task's network interface, sends its
                // events to the guardduty-data endpoint GuardDuty creates in the VPC, in subnets it
                // picks, behind a security group of its own that admits the VPC's CIDR on 443. That
                // group is not known when the platform is synthesized, so the rule names the VPC's
                // CIDR: the one egress of the tasks to a CIDR inside the VPC, 443 only, where nothing
                // of ours listens on 443 but the endpoints (docs/security-model.md).
                client.addEgressRule(Peer.ipv4(props.vpc().getVpcCidrBlock()), Port.tcp(443),
                        "to GuardDuty's guardduty-data endpoint in the VPC (runtime monitoring agent)");
            }
            // The application's own partners, as configured (none by default).
            for (String cidr : props.appEgressCidrs()) {
                client.addEgressRule(Peer.ipv4(cidr), Port.tcp(443), "HTTPS to a configured partner (network.appEgressCidrs)");
            }
        }
        // DB-3: rotating the master password means logging in to PostgreSQL to change it.
        database.addIngressRule(dbRotation, Port.tcp(5432), "PostgreSQL from the master password rotation");
        dbRotation.addEgressRule(database, Port.tcp(5432), "to PostgreSQL");
        // HARD-6: the database-roles function logs in to PostgreSQL as the master user.
        database.addIngressRule(dbRoles, Port.tcp(5432), "PostgreSQL from the database-roles function");
        dbRoles.addEgressRule(database, Port.tcp(5432), "to PostgreSQL");
        for (SecurityGroup function : new SecurityGroup[] {secretsBuilder, dbRoles}) {
            // CloudFormation's custom-resource responses go to a pre-signed S3 URL.
            function.addEgressRule(s3, Port.tcp(443), "to CloudFormation's response URL in S3 (gateway endpoint)");
        }
        for (SecurityGroup function : new SecurityGroup[] {dbRotation, secretsBuilder, dbRoles}) {
            endpoints.addIngressRule(function, Port.tcp(443), "AWS APIs from " + function.getNode().getId());
            awsApis(function, props);
        }
    }

    /**
     * AWS APIs: through the interface endpoints when they exist (the only way out of the group);
     * without them (outside prod only, the configuration refuses it in prod), through NAT to
     * addresses no group can list, so 443 to anywhere, TLS only: the one wide egress of the
     * platform, listed in docs/security-model.md.
     */
    private void awsApis(SecurityGroup group, PlatformSecurityGroupsProps props) {
        if (props.interfaceEndpoints()) {
            group.addEgressRule(endpoints, Port.tcp(443), "to AWS APIs through the interface endpoints");
        } else {
            group.addEgressRule(Peer.anyIpv4(), Port.tcp(443),
                    "to AWS APIs through NAT (no interface endpoints in this environment), TLS only");
        }
    }

    private SecurityGroup group(String id, PlatformSecurityGroupsProps props, String name, String description) {
        return SecurityGroup.Builder.create(this, id)
                .vpc(props.vpc())
                .securityGroupName(name)
                .description(description)
                .allowAllOutbound(false)
                .build();
    }

    /** SG-1: the load balancer. */
    public ISecurityGroup alb() {
        return alb;
    }

    /** SG-2: the web application. */
    public ISecurityGroup app() {
        return app;
    }

    /** The worker: no ingress. */
    public ISecurityGroup worker() {
        return worker;
    }

    /** SG-3: PostgreSQL. */
    public ISecurityGroup database() {
        return database;
    }

    /** SG-4: Redis. */
    public ISecurityGroup redis() {
        return redis;
    }

    /** The master password rotation function: 5432 to PostgreSQL, 443 to AWS APIs, no ingress (DB-3). */
    public ISecurityGroup dbRotation() {
        return dbRotation;
    }

    /** The function building the application's secrets: 443 to AWS APIs only, no ingress (SEC-1). */
    public ISecurityGroup secretsBuilder() {
        return secretsBuilder;
    }

    /** The database-roles function: 5432 to PostgreSQL, 443 to the endpoints and S3, no ingress (HARD-6). */
    public ISecurityGroup dbRoles() {
        return dbRoles;
    }

    /** The interface endpoints: 443 from the application groups. */
    public ISecurityGroup endpoints() {
        return endpoints;
    }
}
