package fr.medsaas.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rules that span fields and records, checked on the bound configuration. Every rule
 * that fails adds a {@link Problem}; the loader reports them all at once.
 */
public final class ConfigValidator {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern DB_INSTANCE_CLASS = Pattern.compile("db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern CACHE_NODE_TYPE = Pattern.compile("cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final Pattern PG_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** PostgreSQL reserves these database names; RDS refuses them at creation. */
    private static final Set<String> RESERVED_DATABASES = Set.of("postgres", "template0", "template1", "rdsadmin");
    /** Performance Insights keeps 7 days free, or whole months of 31 days up to 23, or 731 days. */
    static final List<Integer> PI_RETENTION_DAYS = IntStream.concat(IntStream.of(7),
            IntStream.concat(IntStream.rangeClosed(1, 23).map(m -> 31 * m), IntStream.of(731))).boxed().toList();
    private static final Pattern ACM_ARN = Pattern.compile(
            "arn:aws:acm:([a-z0-9-]+):(\\d{12}):certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}[a-z0-9]");
    private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_BUCKET_SUFFIXES = List.of("-s3alias", "--ol-s3", "--x-s3", "--table-s3");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED_TAGS = Set.of("Environment", "Project", "Compliance", "ManagedBy");

    private ConfigValidator() {
    }

    /** Every problem of {@code config}; empty when it can be used. */
    public static List<Problem> validate(EnvironmentConfig config) {
        List<Problem> problems = new ArrayList<>();
        checkNames(config, problems);
        checkRegions(config.regions(), problems);
        checkNetwork(config.network(), config.regions().primary(), problems);
        checkLogging(config.logging(), problems);
        checkPostgres(config.data().postgres(), config.isProduction(), problems);
        checkRedis(config.data().redis(), config.isProduction(), problems);
        checkApp(config.app(), config, problems);
        checkMedia(config.media(), problems);
        checkDelivery(config.delivery(), config, problems);
        return problems;
    }

    private static void checkNames(EnvironmentConfig c, List<Problem> problems) {
        if (!EnvironmentConfig.KNOWN_ENVIRONMENTS.contains(c.name())) {
            problems.add(new Problem("name", c.name(), "one of " + String.join(", ", EnvironmentConfig.KNOWN_ENVIRONMENTS)));
        }
        if (!TAG_VALUE.matcher(c.environmentTag()).matches()) {
            problems.add(new Problem("environmentTag", c.environmentTag(), "letters, digits and -, 1 to 32 characters"));
        }
        if (!PREFIX.matcher(c.project()).matches()) {
            problems.add(new Problem("project", c.project(), "lower-case letters, digits and -, 2 to 32 characters, starts with a letter"));
        }
        if (!PREFIX.matcher(c.namePrefix()).matches() || c.namePrefix().endsWith("-")) {
            problems.add(new Problem("namePrefix", c.namePrefix(),
                    "lower-case letters, digits and -, 2 to 32 characters, starts with a letter, does not end with -"));
        }
        for (Map.Entry<String, String> tag : c.tags().entrySet()) {
            if (RESERVED_TAGS.contains(tag.getKey())) {
                problems.add(new Problem("tags." + tag.getKey(), tag.getValue(),
                        "the CMP-4 tags Environment, Project, Compliance and ManagedBy are set by the platform"));
            } else if (tag.getKey().isEmpty() || tag.getKey().length() > 128 || tag.getKey().startsWith("aws:")
                    || tag.getValue() == null || tag.getValue().length() > 128) {
                problems.add(new Problem("tags." + tag.getKey(), tag.getValue(),
                        "key 1 to 128 characters not starting with aws:, value up to 128 characters"));
            }
        }
    }

    private static void checkRegions(RegionsConfig r, List<Problem> problems) {
        String euRule = "a region inside the EU (" + String.join(", ", Regions.EU)
                + "); health data may not leave the EU (REG-3)";
        if (!Regions.isEu(r.primary())) {
            problems.add(new Problem("regions.primary", r.primary(), euRule));
        }
        if (!Regions.isEu(r.backup())) {
            problems.add(new Problem("regions.backup", r.backup(), euRule));
        } else if (r.backup().equals(r.primary())) {
            problems.add(new Problem("regions.backup", r.backup(),
                    "a region other than the primary (" + r.primary() + "): a disaster copy must survive the loss of a region (REG-2)"));
        }
        if (!Regions.CLOUDFRONT_WAF.equals(r.edge())) {
            problems.add(new Problem("regions.edge", r.edge(),
                    "us-east-1 only: AWS requires the CloudFront web ACL there, and nothing else is put in it (REG-3)"));
        }
    }

    private static void checkNetwork(NetworkConfig n, String primary, List<Problem> problems) {
        Optional<Cidr> vpc = Cidr.parse(n.vpcCidr());
        if (vpc.isEmpty() || vpc.get().prefix() < 16 || vpc.get().prefix() > 24) {
            problems.add(new Problem("network.vpcCidr", n.vpcCidr(),
                    "an IPv4 block a.b.c.d/n with n from 16 to 24, aligned on its prefix (e.g. 10.0.0.0/16)"));
            vpc = Optional.empty();
        }
        List<String> azs = n.availabilityZones();
        if (azs.size() < 2 || azs.size() > 6) {
            problems.add(new Problem("network.availabilityZones", String.valueOf(azs),
                    "2 to 6 availability zones: the databases and the load balancer need at least two (NET-2)"));
        }
        Set<String> seenAz = new HashSet<>();
        Pattern ofRegion = Pattern.compile(Pattern.quote(primary) + "[a-z]");
        for (int i = 0; i < azs.size(); i++) {
            String az = azs.get(i);
            if (!ofRegion.matcher(az).matches()) {
                problems.add(new Problem("network.availabilityZones[" + i + "]", az,
                        "a zone of the primary region " + primary + ", like " + primary + "a"));
            } else if (!seenAz.add(az)) {
                problems.add(new Problem("network.availabilityZones[" + i + "]", az, "each zone once"));
            }
        }
        List<Cidr> placed = new ArrayList<>();
        List<String> placedFields = new ArrayList<>();
        checkTier("network.publicSubnetCidrs", n.publicSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        checkTier("network.appSubnetCidrs", n.appSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        checkTier("network.dbSubnetCidrs", n.dbSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        if (n.natGateways() < 1 || n.natGateways() > Math.max(1, azs.size())) {
            problems.add(new Problem("network.natGateways", String.valueOf(n.natGateways()),
                    "from 1 to the number of availability zones (" + azs.size() + ")"));
        }
    }

    private static void checkTier(String field, List<String> cidrs, int zones, Optional<Cidr> vpc,
                                  List<Cidr> placed, List<String> placedFields, List<Problem> problems) {
        if (cidrs.size() != zones) {
            problems.add(new Problem(field, String.valueOf(cidrs),
                    "one CIDR per availability zone: " + zones + " expected, " + cidrs.size() + " given"));
        }
        for (int i = 0; i < cidrs.size(); i++) {
            String at = field + "[" + i + "]";
            Optional<Cidr> parsed = Cidr.parse(cidrs.get(i));
            if (parsed.isEmpty() || parsed.get().prefix() < 16 || parsed.get().prefix() > 28) {
                problems.add(new Problem(at, cidrs.get(i),
                        "an IPv4 block a.b.c.d/n with n from 16 to 28, aligned on its prefix (e.g. 10.0.1.0/24)"));
                continue;
            }
            Cidr subnet = parsed.get();
            if (vpc.isPresent() && !vpc.get().contains(subnet)) {
                problems.add(new Problem(at, cidrs.get(i), "a block inside the VPC " + vpc.get()));
                continue;
            }
            for (int j = 0; j < placed.size(); j++) {
                if (placed.get(j).overlaps(subnet)) {
                    problems.add(new Problem(at, cidrs.get(i),
                            "a block that does not overlap " + placedFields.get(j) + " (" + placed.get(j) + ")"));
                }
            }
            placed.add(subnet);
            placedFields.add(at);
        }
    }

    private static final Pattern PY_MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern ECR_REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

    private static void checkApp(AppConfig a, EnvironmentConfig c, List<Problem> problems) {
        var arn = ACM_ARN.matcher(a.certificateArn());
        if (!arn.matches()) {
            problems.add(new Problem("app.certificateArn", a.certificateArn(),
                    "an ACM certificate ARN: arn:aws:acm:" + c.regions().primary() + ":<12-digit account>:certificate/<uuid>"));
        } else if (!arn.group(1).equals(c.regions().primary())) {
            problems.add(new Problem("app.certificateArn", a.certificateArn(),
                    "a certificate of the load balancer's region " + c.regions().primary()
                            + " (ACM certificates are regional; this one is in " + arn.group(1) + ")"));
        }
        if (!PY_MODULE.matcher(a.djangoSettingsModule()).matches()) {
            problems.add(new Problem("app.djangoSettingsModule", a.djangoSettingsModule(), "a dotted Python module path"));
        }
        checkService("app.web", a.web(), c.isProduction() ? 2 : 1, problems);
        checkService("app.worker", a.worker(), 1, problems);
    }

    private static void checkService(String field, ServiceConfig s, int minFloor, List<Problem> problems) {
        ImageConfig image = s.image();
        if (image.repository().length() < 2 || image.repository().length() > 256
                || !ECR_REPOSITORY.matcher(image.repository()).matches()) {
            problems.add(new Problem(field + ".image.repository", image.repository(),
                    "an ECR repository name: 2 to 256 characters, lower-case letters and digits separated by . _ - /"));
        }
        if (!IMAGE_TAG.matcher(image.tag()).matches()) {
            problems.add(new Problem(field + ".image.tag", image.tag(),
                    "1 to 128 characters: letters, digits, . _ -, not starting with . or -"));
        }
        if (image.digest() != null && !DIGEST.matcher(image.digest()).matches()) {
            problems.add(new Problem(field + ".image.digest", image.digest(), "sha256: followed by 64 lower-case hex digits"));
        }
        if (!Fargate.CPU.contains(s.cpu())) {
            problems.add(new Problem(field + ".cpu", String.valueOf(s.cpu()), "one of the Fargate CPU values " + Fargate.CPU));
        } else if (!Fargate.accepts(s.cpu(), s.memoryMiB())) {
            problems.add(new Problem(field + ".memoryMiB", String.valueOf(s.memoryMiB()),
                    "a memory Fargate pairs with " + s.cpu() + " CPU units: " + Fargate.allowedMemory(s.cpu())));
        }
        if (s.minCapacity() < minFloor) {
            problems.add(new Problem(field + ".minCapacity", String.valueOf(s.minCapacity()),
                    minFloor + " or more" + (minFloor > 1 ? " in prod, so that losing a zone or a task keeps the service up" : "")));
        }
        if (s.maxCapacity() < s.minCapacity() || s.maxCapacity() > 100) {
            problems.add(new Problem(field + ".maxCapacity", String.valueOf(s.maxCapacity()),
                    "from minCapacity (" + s.minCapacity() + ") to 100"));
        }
        if (s.desiredCount() < s.minCapacity() || s.desiredCount() > s.maxCapacity()) {
            problems.add(new Problem(field + ".desiredCount", String.valueOf(s.desiredCount()),
                    "from minCapacity (" + s.minCapacity() + ") to maxCapacity (" + s.maxCapacity() + ")"));
        }
        if (s.targetCpuPercent() < 10 || s.targetCpuPercent() > 90) {
            problems.add(new Problem(field + ".targetCpuPercent", String.valueOf(s.targetCpuPercent()), "10 to 90 percent"));
        }
    }

    private static void checkMedia(MediaConfig m, List<Problem> problems) {
        String name = m.bucketName();
        if (name == null || !BUCKET_NAME.matcher(name).matches()
                || RESERVED_BUCKET_PREFIXES.stream().anyMatch(name::startsWith)
                || RESERVED_BUCKET_SUFFIXES.stream().anyMatch(name::endsWith)) {
            problems.add(new Problem("media.bucketName", name, "an S3 bucket name of 3 to 51 characters (room for the "
                    + "-access-logs suffix of its log bucket): lower-case letters, digits and -, starting and ending with a "
                    + "letter or digit; no dots (TLS to the bucket's endpoints fails on them); no prefix "
                    + String.join(", ", RESERVED_BUCKET_PREFIXES) + "; no suffix " + String.join(", ", RESERVED_BUCKET_SUFFIXES)));
        }
        String allowed = "an EEA country or CH (REG-4), as an ISO 3166-1 alpha-2 code: one of "
                + String.join(", ", Countries.VIEWER_ALLOWED);
        if (m.geoAllowlist().isEmpty()) {
            problems.add(new Problem("media.geoAllowlist", "[]", "at least one country: " + allowed));
        }
        Set<String> seenCountries = new HashSet<>();
        for (int i = 0; i < m.geoAllowlist().size(); i++) {
            String code = m.geoAllowlist().get(i);
            if (!Countries.isViewerAllowed(code)) {
                problems.add(new Problem("media.geoAllowlist[" + i + "]", code, allowed));
            } else if (!seenCountries.add(code)) {
                problems.add(new Problem("media.geoAllowlist[" + i + "]", code, "each country once"));
            }
        }
        String pem = m.signingPublicKeyPem();
        if (pem == null || pem.isBlank()) {
            problems.add(new Problem("media.signingPublicKeyPem", pem, "the path of a PEM file holding an RSA "
                    + SigningPublicKey.REQUIRED_BITS + "-bit public key (CF-3)"));
        } else {
            try {
                SigningPublicKey.read(java.nio.file.Path.of(pem));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("media.signingPublicKeyPem", pem, e.getMessage()));
            }
        }
        Set<String> seenNames = new HashSet<>();
        for (int i = 0; i < m.domainNames().size(); i++) {
            String domain = m.domainNames().get(i);
            if (!DNS_NAME.matcher(domain).matches() || domain.length() > 253) {
                problems.add(new Problem("media.domainNames[" + i + "]", domain,
                        "a lower-case DNS name such as media.example.fr (a leading *. is allowed)"));
            } else if (!seenNames.add(domain)) {
                problems.add(new Problem("media.domainNames[" + i + "]", domain, "each domain name once"));
            }
        }
        String certificate = m.certificateArn();
        var cloudFrontArn = certificate == null ? null : ACM_ARN.matcher(certificate);
        if (cloudFrontArn != null && !(cloudFrontArn.matches() && cloudFrontArn.group(1).equals(Regions.CLOUDFRONT_WAF))) {
            problems.add(new Problem("media.certificateArn", certificate,
                    "an ACM certificate of us-east-1, where CloudFront reads certificates: "
                            + "arn:aws:acm:us-east-1:<12-digit account>:certificate/<uuid>"));
        }
        if (m.hasCustomDomain() && certificate == null) {
            problems.add(new Problem("media.certificateArn", null, "a certificate is required when media.domainNames "
                    + "is given (" + String.join(", ", m.domainNames()) + "): CloudFront needs one covering them"));
        }
        if (!m.hasCustomDomain() && certificate != null) {
            problems.add(new Problem("media.certificateArn", certificate,
                    "no certificate without media.domainNames: the distribution would not use it"));
        }
    }

    private static void checkLogging(LoggingConfig l, List<Problem> problems) {
        if (!LoggingConfig.ALLOWED_RETENTION_DAYS.contains(l.retentionDays())) {
            problems.add(new Problem("logging.retentionDays", String.valueOf(l.retentionDays()),
                    "365 to 1095 days (OBS-1, CNIL), as CloudWatch Logs accepts: one of "
                            + LoggingConfig.ALLOWED_RETENTION_DAYS));
        }
    }

    private static void checkPostgres(PostgresConfig p, boolean production, List<Problem> problems) {
        PostgresVersions offered = PostgresVersions.shipped();
        if (!offered.offers(p.version())) {
            List<String> ofMajor = offered.ofMajor(PostgresVersions.majorOf(p.version()));
            String rule = ofMajor.isEmpty()
                    ? "a PostgreSQL version RDS offers, of major " + String.join(", ", offered.majors())
                    : "a minor RDS still offers for PostgreSQL " + PostgresVersions.majorOf(p.version()) + ": "
                            + String.join(", ", ofMajor) + " (DB-1; retired minors cannot be created)";
            problems.add(new Problem("data.postgres.version", p.version(),
                    rule + "; list taken " + offered.takenOn() + " (rds-postgres-versions.txt)"));
        }
        if (!DB_INSTANCE_CLASS.matcher(p.instanceClass()).matches()) {
            problems.add(new Problem("data.postgres.instanceClass", p.instanceClass(),
                    "an RDS instance class db.<family>.<size>, e.g. db.r6g.xlarge (DB-2)"));
        }
        if (p.allocatedStorageGiB() < 20 || p.allocatedStorageGiB() > 65536) {
            problems.add(new Problem("data.postgres.allocatedStorageGiB", String.valueOf(p.allocatedStorageGiB()),
                    "20 to 65536 GiB, the gp3 bounds of RDS (DB-2)"));
        } else {
            // RDS wants the autoscaling ceiling at least 10% above the allocated storage.
            int floor = (p.allocatedStorageGiB() * 11 + 9) / 10;
            if (p.maxAllocatedStorageGiB() < floor || p.maxAllocatedStorageGiB() > 65536) {
                problems.add(new Problem("data.postgres.maxAllocatedStorageGiB", String.valueOf(p.maxAllocatedStorageGiB()),
                        "greater than allocatedStorageGiB (" + p.allocatedStorageGiB() + ") by at least 10%, so "
                                + floor + " to 65536 GiB: the ceiling of storage autoscaling (DB-2)"));
            }
        }
        if (production && !p.multiAz()) {
            problems.add(new Problem("data.postgres.multiAz", "false",
                    "true in prod: a standby in a second zone (DB-5)"));
        }
        int minBackup = production ? 30 : 1;
        if (p.backupRetentionDays() < minBackup || p.backupRetentionDays() > 35) {
            problems.add(new Problem("data.postgres.backupRetentionDays", String.valueOf(p.backupRetentionDays()),
                    minBackup + " to 35 days" + (production ? " in prod (DB-6: the source keeps 30 days)" : " (DB-6)")
                            + "; 35 is the RDS maximum"));
        }
        if (!PI_RETENTION_DAYS.contains(p.performanceInsightsRetentionDays())) {
            problems.add(new Problem("data.postgres.performanceInsightsRetentionDays",
                    String.valueOf(p.performanceInsightsRetentionDays()),
                    "7, a multiple of 31 up to 713, or 731, as Performance Insights accepts (DB-7)"));
        }
        if (production && !p.deletionProtection()) {
            problems.add(new Problem("data.postgres.deletionProtection", "false",
                    "true in prod: RDS must refuse to delete the database of health data (DB-6)"));
        }
        if (!PG_IDENTIFIER.matcher(p.databaseName()).matches() || RESERVED_DATABASES.contains(p.databaseName())) {
            problems.add(new Problem("data.postgres.databaseName", p.databaseName(),
                    "a lower-case PostgreSQL identifier (letter, then letters, digits or _, at most 63 characters), "
                            + "not one of " + RESERVED_DATABASES.stream().sorted().collect(Collectors.joining(", "))));
        }
    }

    private static void checkRedis(RedisConfig r, boolean production, List<Problem> problems) {
        if (!r.engine().versions().contains(r.engineVersion())) {
            problems.add(new Problem("data.redis.engineVersion", r.engineVersion(),
                    "for engine " + r.engine() + ", one of " + String.join(", ", r.engine().versions()) + " (RD-1)"));
        }
        if (!CACHE_NODE_TYPE.matcher(r.nodeType()).matches()) {
            problems.add(new Problem("data.redis.nodeType", r.nodeType(),
                    "an ElastiCache node type cache.<family>.<size>, e.g. cache.r6g.large (RD-1)"));
        }
        if (r.numNodes() < 1 || r.numNodes() > 6) {
            problems.add(new Problem("data.redis.numNodes", String.valueOf(r.numNodes()),
                    "1 to 6: a primary and up to 5 replicas (RD-1)"));
        } else if (r.multiAz() && r.numNodes() < 2) {
            problems.add(new Problem("data.redis.numNodes", String.valueOf(r.numNodes()),
                    "at least 2 when data.redis.multiAz is true: failover needs a replica in another zone (RD-4)"));
        }
        if (production && !r.multiAz()) {
            problems.add(new Problem("data.redis.multiAz", "false",
                    "true in prod: automatic failover to a replica in another zone (RD-4)"));
        }
        if (r.snapshotRetentionDays() < 15 || r.snapshotRetentionDays() > 35) {
            problems.add(new Problem("data.redis.snapshotRetentionDays", String.valueOf(r.snapshotRetentionDays()),
                    "15 to 35 days: the HIPAA and NIST packs ask 15 or more, ElastiCache keeps 35 at most (RD-4)"));
        }
    }

    private static final Pattern GIT_REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern GIT_BRANCH = Pattern.compile("[A-Za-z0-9._/+-]{1,255}");

    private static void checkDelivery(DeliveryConfig d, EnvironmentConfig c, List<Problem> problems) {
        String primary = c.regions().primary();
        if (d.source() == null || (d.connectionArn().isEmpty() && d.s3Source().isEmpty())) {
            problems.add(new Problem("delivery.source", d.source(), "a CodeConnections connection ARN "
                    + "(arn:aws:codeconnections:" + primary + ":<12-digit account>:connection/<uuid>) or an S3 location "
                    + "of a zip (s3://<bucket>/<key>.zip) (CI-3)"));
        } else if (d.connectionArn().isPresent()) {
            var arn = DeliveryConfig.CONNECTION_ARN.matcher(d.source());
            // A primary region already refused is reported once, not again through the connection.
            if (arn.matches() && Regions.isEu(primary) && !arn.group(2).equals(primary)) {
                problems.add(new Problem("delivery.source", d.source(), "a connection of the pipeline's region " + primary
                        + " (connections are regional; this one is in " + arn.group(2) + ")"));
            }
            if (d.repository() == null || !GIT_REPOSITORY.matcher(d.repository()).matches()) {
                problems.add(new Problem("delivery.repository", d.repository(),
                        "owner/name of the Git repository the connection reads: letters, digits, . _ -"));
            }
            String b = d.branch();
            if (b == null || !GIT_BRANCH.matcher(b).matches() || b.startsWith("-") || b.startsWith("/")
                    || b.endsWith("/") || b.endsWith(".") || b.contains("..") || b.contains("//") || b.endsWith(".lock")) {
                problems.add(new Problem("delivery.branch", b, "a Git branch name: letters, digits, . _ / + -, no spaces, "
                        + "no .., not starting with - or /, at most 255 characters"));
            }
        }
        if (d.imagesKept() < 1 || d.imagesKept() > 1000) {
            problems.add(new Problem("delivery.imagesKept", String.valueOf(d.imagesKept()),
                    "1 to 1000 tagged images: a repository that keeps none would expire the images the services run (CI-1)"));
        }
        if (d.untaggedImageExpiryDays() < 1 || d.untaggedImageExpiryDays() > 365) {
            problems.add(new Problem("delivery.untaggedImageExpiryDays", String.valueOf(d.untaggedImageExpiryDays()),
                    "1 to 365 days (CI-1)"));
        }
        if (d.artifactExpiryDays() < 1 || d.artifactExpiryDays() > 365) {
            problems.add(new Problem("delivery.artifactExpiryDays", String.valueOf(d.artifactExpiryDays()),
                    "1 to 365 days (CI-3)"));
        }
        if (c.isProduction() && !d.manualApproval()) {
            problems.add(new Problem("delivery.manualApproval", "false",
                    "true in prod: a person approves each release before it reaches health data (CI-3)"));
        }
    }
}
