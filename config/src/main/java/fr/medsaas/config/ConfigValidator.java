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

    /**
     * A refusal of {@code field}: its documented rule ({@link ConfigRules}, the README's text),
     * then, when there is one, what makes this value wrong here.
     */
    private static Problem refused(String field, String value, String detail) {
        String rule = ConfigRules.of(field);
        return new Problem(field, value, detail.isEmpty() ? rule : rule + "; " + detail);
    }

    /** Every problem of {@code config}; empty when it can be used. */
    public static List<Problem> validate(EnvironmentConfig config) {
        List<Problem> problems = new ArrayList<>();
        checkNames(config, problems);
        checkRegions(config.regions(), problems);
        checkNetwork(config.network(), config.regions().primary(), problems);
        if (config.isProduction() && !config.network().interfaceEndpoints()) {
            // Without them the tasks reach AWS APIs through NAT, by public addresses no security
            // group can list: their egress would be 443 to anywhere (docs/security-model.md).
            problems.add(refused("network.interfaceEndpoints", "false",
                    "the application's egress is held to the endpoints and S3 only through them"));
        }
        checkLogging(config.logging(), problems);
        checkPostgres(config.data().postgres(), config.isProduction(), problems);
        checkRedis(config.data().redis(), config.isProduction(), problems);
        checkApp(config.app(), config, problems);
        checkMedia(config.media(), problems);
        checkBackup(config.backup(), config.media(), config.isProduction(), problems);
        if (config.isProduction() && config.compliance().trailObjectLock() != ObjectLockMode.COMPLIANCE) {
            problems.add(refused("compliance.trailObjectLock", String.valueOf(config.compliance().trailObjectLock()),
                    "compliance in prod: governance lets a principal with s3:BypassGovernanceRetention delete a trail "
                            + "file early (HARD-9)"));
        }
        if (config.isProduction()) {
            GuardDutyProtectionConfig g = config.compliance().guardDutyProtection();
            String why = "true in prod: HARD-9 asks for GuardDuty's RDS protection, runtime monitoring of the Fargate "
                    + "tasks and malware protection of the upload bucket";
            if (!g.rdsProtection()) {
                problems.add(refused("compliance.guardDutyProtection.rdsProtection", "false", why));
            }
            if (!g.runtimeMonitoring()) {
                problems.add(refused("compliance.guardDutyProtection.runtimeMonitoring", "false", why));
            }
            if (!g.malwareProtection()) {
                problems.add(refused("compliance.guardDutyProtection.malwareProtection", "false", why));
            }
        }
        checkFirewall(config.app().firewall(), problems);
        range(problems, "media.noncurrentVersionDays", config.media().noncurrentVersionDays(), 1, 365);
        checkObservability(config.observability(), problems);
        checkDelivery(config.delivery(), config, problems);
        return problems;
    }

    private static final Pattern URI_PATH = Pattern.compile("/[^\\s]{0,255}");

    private static void checkFirewall(FirewallConfig f, List<Problem> problems) {
        if (f.uploadPaths().isEmpty() || f.uploadPaths().size() > 10) {
            problems.add(refused("app.firewall.uploadPaths", f.uploadPaths().toString(), ""));
        }
        for (int i = 0; i < f.uploadPaths().size(); i++) {
            String path = f.uploadPaths().get(i);
            if (path == null || !URI_PATH.matcher(path).matches()) {
                problems.add(refused("app.firewall.uploadPaths[" + i + "]", path,
                        "a URI path prefix starting with /, at most 256 characters, no spaces"));
            }
        }
        if (f.loginPath() == null || !URI_PATH.matcher(f.loginPath()).matches()) {
            problems.add(refused("app.firewall.loginPath", f.loginPath(),
                    "a URI path prefix starting with /, at most 256 characters, no spaces"));
        }
        range(problems, "app.firewall.loginRateLimit", f.loginRateLimit(), 10, 2000);
    }

    private static void checkNames(EnvironmentConfig c, List<Problem> problems) {
        if (!EnvironmentConfig.KNOWN_ENVIRONMENTS.contains(c.name())) {
            problems.add(refused("name", c.name(), ""));
        }
        if (!TAG_VALUE.matcher(c.environmentTag()).matches()) {
            problems.add(refused("environmentTag", c.environmentTag(), ""));
        }
        if (!PREFIX.matcher(c.project()).matches()) {
            problems.add(refused("project", c.project(), ""));
        }
        if (!PREFIX.matcher(c.namePrefix()).matches() || c.namePrefix().endsWith("-")) {
            problems.add(refused("namePrefix", c.namePrefix(), ""));
        }
        for (Map.Entry<String, String> tag : c.tags().entrySet()) {
            if (RESERVED_TAGS.contains(tag.getKey())) {
                problems.add(refused("tags." + tag.getKey(), tag.getValue(), "the platform sets " + tag.getKey()));
            } else if (tag.getKey().isEmpty() || tag.getKey().length() > 128 || tag.getKey().startsWith("aws:")
                    || tag.getValue() == null || tag.getValue().length() > 128) {
                problems.add(refused("tags." + tag.getKey(), tag.getValue(), ""));
            }
        }
    }

    private static void checkRegions(RegionsConfig r, List<Problem> problems) {
        String euRule = "one of " + String.join(", ", Regions.EU) + ": health data may not leave the EU (REG-3)";
        if (!Regions.isEu(r.primary())) {
            problems.add(refused("regions.primary", r.primary(), euRule));
        }
        if (!Regions.isEu(r.backup())) {
            problems.add(refused("regions.backup", r.backup(), euRule));
        } else if (r.backup().equals(r.primary())) {
            problems.add(refused("regions.backup", r.backup(),
                    "the primary is " + r.primary() + ": a disaster copy must survive the loss of a region (REG-2)"));
        }
        if (!Regions.CLOUDFRONT_WAF.equals(r.edge())) {
            problems.add(refused("regions.edge", r.edge(), "nothing else is put in it (REG-3)"));
        }
    }

    private static void checkNetwork(NetworkConfig n, String primary, List<Problem> problems) {
        Optional<Cidr> vpc = Cidr.parse(n.vpcCidr());
        if (vpc.isEmpty() || vpc.get().prefix() < 16 || vpc.get().prefix() > 24) {
            problems.add(refused("network.vpcCidr", n.vpcCidr(), "e.g. 10.0.0.0/16"));
            vpc = Optional.empty();
        }
        List<String> azs = n.availabilityZones();
        if (azs.size() < 2 || azs.size() > 6) {
            problems.add(refused("network.availabilityZones", String.valueOf(azs),
                    "the databases and the load balancer need at least two (NET-2)"));
        }
        Set<String> seenAz = new HashSet<>();
        Pattern ofRegion = Pattern.compile(Pattern.quote(primary) + "[a-z]");
        for (int i = 0; i < azs.size(); i++) {
            String az = azs.get(i);
            if (!ofRegion.matcher(az).matches()) {
                problems.add(refused("network.availabilityZones[" + i + "]", az,
                        "the primary region is " + primary + ": a zone like " + primary + "a"));
            } else if (!seenAz.add(az)) {
                problems.add(refused("network.availabilityZones[" + i + "]", az, "given twice"));
            }
        }
        List<Cidr> placed = new ArrayList<>();
        List<String> placedFields = new ArrayList<>();
        checkTier("network.publicSubnetCidrs", n.publicSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        checkTier("network.appSubnetCidrs", n.appSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        checkTier("network.dbSubnetCidrs", n.dbSubnetCidrs(), azs.size(), vpc, placed, placedFields, problems);
        if (n.natGateways() < 1 || n.natGateways() > Math.max(1, azs.size())) {
            problems.add(refused("network.natGateways", String.valueOf(n.natGateways()),
                    "there are " + azs.size() + " zones"));
        }
        if (n.s3PrefixListId() == null || !n.s3PrefixListId().matches("pl-[0-9a-f]{8,17}")) {
            problems.add(refused("network.s3PrefixListId", String.valueOf(n.s3PrefixListId()),
                    "the id of the AWS-managed prefix list com.amazonaws." + primary + ".s3 (aws ec2 describe-prefix-lists)"));
        }
        for (int i = 0; i < n.appEgressCidrs().size(); i++) {
            String text = n.appEgressCidrs().get(i);
            Optional<Cidr> dest = Cidr.parse(text);
            if (dest.isEmpty() || dest.get().prefix() < 8) {
                problems.add(refused("network.appEgressCidrs[" + i + "]", text,
                        "one partner's addresses, never the whole internet"));
            } else if (vpc.isPresent() && vpc.get().overlaps(dest.get())) {
                problems.add(refused("network.appEgressCidrs[" + i + "]", text,
                        "it is inside the VPC " + vpc.get() + ", where groups are chained by reference"));
            }
        }
    }

    private static void checkTier(String field, List<String> cidrs, int zones, Optional<Cidr> vpc,
                                  List<Cidr> placed, List<String> placedFields, List<Problem> problems) {
        if (cidrs.size() != zones) {
            problems.add(refused(field, String.valueOf(cidrs), zones + " zones, " + cidrs.size() + " CIDRs given"));
        }
        for (int i = 0; i < cidrs.size(); i++) {
            String at = field + "[" + i + "]";
            Optional<Cidr> parsed = Cidr.parse(cidrs.get(i));
            if (parsed.isEmpty() || parsed.get().prefix() < 16 || parsed.get().prefix() > 28) {
                problems.add(refused(at, cidrs.get(i), "an IPv4 block a.b.c.d/n aligned on its prefix, e.g. 10.0.1.0/24"));
                continue;
            }
            Cidr subnet = parsed.get();
            if (vpc.isPresent() && !vpc.get().contains(subnet)) {
                problems.add(refused(at, cidrs.get(i), "outside the VPC " + vpc.get()));
                continue;
            }
            for (int j = 0; j < placed.size(); j++) {
                if (placed.get(j).overlaps(subnet)) {
                    problems.add(refused(at, cidrs.get(i),
                            "overlaps " + placedFields.get(j) + " (" + placed.get(j) + ")"));
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
            problems.add(refused("app.certificateArn", a.certificateArn(), "the primary region is " + c.regions().primary()));
        } else if (!arn.group(1).equals(c.regions().primary())) {
            problems.add(refused("app.certificateArn", a.certificateArn(),
                    "ACM certificates are regional: this one is in " + arn.group(1) + ", the load balancer in "
                            + c.regions().primary()));
        }
        if (!PY_MODULE.matcher(a.djangoSettingsModule()).matches()) {
            problems.add(refused("app.djangoSettingsModule", a.djangoSettingsModule(), ""));
        }
        checkService("app.web", a.web(), c.isProduction() ? 2 : 1, problems);
        checkService("app.worker", a.worker(), 1, problems);
    }

    private static void checkService(String field, ServiceConfig s, int minFloor, List<Problem> problems) {
        ImageConfig image = s.image();
        if (image.repository().length() < 2 || image.repository().length() > 256
                || !ECR_REPOSITORY.matcher(image.repository()).matches()) {
            problems.add(refused(field + ".image.repository", image.repository(), ""));
        }
        if (image.tag() != null && !IMAGE_TAG.matcher(image.tag()).matches()) {
            problems.add(refused(field + ".image.tag", image.tag(), ""));
        } else if ("latest".equals(image.tag())) {
            // The Delivery stack's repositories are IMMUTABLE and its pipeline pushes commit tags only.
            problems.add(refused(field + ".image.tag", image.tag(), "a commit tag the pipeline pushed, never latest: the "
                    + "repository is IMMUTABLE (CI-1), so latest would never move (or never exist); give a tag or a "
                    + "digest, or neither to let deploy pin the running or the pipeline's first image by digest (DEP-1)"));
        }
        if (image.digest() != null && !DIGEST.matcher(image.digest()).matches()) {
            problems.add(refused(field + ".image.digest", image.digest(), ""));
        }
        if (!Fargate.CPU.contains(s.cpu())) {
            problems.add(refused(field + ".cpu", String.valueOf(s.cpu()), ""));
        } else if (!Fargate.accepts(s.cpu(), s.memoryMiB())) {
            problems.add(refused(field + ".memoryMiB", String.valueOf(s.memoryMiB()),
                    "with " + s.cpu() + " CPU units: " + Fargate.allowedMemory(s.cpu())));
        }
        if (s.minCapacity() < minFloor) {
            problems.add(refused(field + ".minCapacity", String.valueOf(s.minCapacity()),
                    minFloor > 1 ? "here " + minFloor + " or more, so that losing a zone or a task keeps the service up" : ""));
        }
        if (s.maxCapacity() < s.minCapacity() || s.maxCapacity() > 100) {
            problems.add(refused(field + ".maxCapacity", String.valueOf(s.maxCapacity()),
                    "minCapacity is " + s.minCapacity()));
        }
        if (s.desiredCount() < s.minCapacity() || s.desiredCount() > s.maxCapacity()) {
            problems.add(refused(field + ".desiredCount", String.valueOf(s.desiredCount()),
                    "here " + s.minCapacity() + " to " + s.maxCapacity()));
        }
        if (s.user() == null || !s.user().matches("[1-9][0-9]{0,9}(:[1-9][0-9]{0,9})?")) {
            problems.add(refused(field + ".user", s.user(),
                    "uid or uid:gid, numbers from 1 to 2147483647: never root (0) (HARD-1)"));
        }
        if (s.targetCpuPercent() < 10 || s.targetCpuPercent() > 90) {
            problems.add(refused(field + ".targetCpuPercent", String.valueOf(s.targetCpuPercent()), ""));
        }
    }

    private static void checkMedia(MediaConfig m, List<Problem> problems) {
        String name = m.bucketName();
        if (name == null || !BUCKET_NAME.matcher(name).matches()
                || RESERVED_BUCKET_PREFIXES.stream().anyMatch(name::startsWith)
                || RESERVED_BUCKET_SUFFIXES.stream().anyMatch(name::endsWith)) {
            problems.add(refused("media.bucketName", name, "51 leaves room for the -access-logs suffix of its log "
                    + "bucket; TLS to the bucket's endpoints fails on dots"));
        }
        String allowed = "ISO 3166-1 alpha-2 codes, one of " + String.join(", ", Countries.VIEWER_ALLOWED) + " (REG-4)";
        if (m.geoAllowlist().isEmpty()) {
            problems.add(refused("media.geoAllowlist", "[]", allowed));
        }
        Set<String> seenCountries = new HashSet<>();
        for (int i = 0; i < m.geoAllowlist().size(); i++) {
            String code = m.geoAllowlist().get(i);
            if (!Countries.isViewerAllowed(code)) {
                problems.add(refused("media.geoAllowlist[" + i + "]", code, allowed));
            } else if (!seenCountries.add(code)) {
                problems.add(refused("media.geoAllowlist[" + i + "]", code, "given twice"));
            }
        }
        String pem = m.signingPublicKeyPem();
        if (pem == null || pem.isBlank()) {
            problems.add(refused("media.signingPublicKeyPem", pem, "none given (CF-3)"));
        } else {
            try {
                SigningPublicKey.read(java.nio.file.Path.of(pem));
            } catch (IllegalArgumentException e) {
                problems.add(refused("media.signingPublicKeyPem", pem, e.getMessage()));
            }
        }
        Set<String> seenNames = new HashSet<>();
        for (int i = 0; i < m.domainNames().size(); i++) {
            String domain = m.domainNames().get(i);
            if (!DNS_NAME.matcher(domain).matches() || domain.length() > 253) {
                problems.add(refused("media.domainNames[" + i + "]", domain, "e.g. media.example.fr"));
            } else if (!seenNames.add(domain)) {
                problems.add(refused("media.domainNames[" + i + "]", domain, "given twice"));
            }
        }
        String certificate = m.certificateArn();
        var cloudFrontArn = certificate == null ? null : ACM_ARN.matcher(certificate);
        if (cloudFrontArn != null && !(cloudFrontArn.matches() && cloudFrontArn.group(1).equals(Regions.CLOUDFRONT_WAF))) {
            problems.add(refused("media.certificateArn", certificate, "CloudFront reads certificates in us-east-1 only"));
        }
        if (m.hasCustomDomain() && certificate == null) {
            problems.add(refused("media.certificateArn", null, "media.domainNames is given ("
                    + String.join(", ", m.domainNames()) + "): CloudFront needs a certificate covering them"));
        }
        if (!m.hasCustomDomain() && certificate != null) {
            problems.add(refused("media.certificateArn", certificate,
                    "media.domainNames is empty: the distribution would not use it"));
        }
    }

    private static boolean isBucketName(String name) {
        return name != null && BUCKET_NAME.matcher(name).matches()
                && RESERVED_BUCKET_PREFIXES.stream().noneMatch(name::startsWith)
                && RESERVED_BUCKET_SUFFIXES.stream().noneMatch(name::endsWith);
    }

    private static void checkBackup(BackupConfig b, MediaConfig m, boolean production, List<Problem> problems) {
        int floor = production ? 30 : 7;
        if (b.retentionDays() < floor) {
            problems.add(refused("backup.retentionDays", String.valueOf(b.retentionDays()),
                    floor + " days or more" + (production ? " in prod (BCK-1: the source keeps 30 days)" : " (BCK-1)")));
        }
        if (production && b.lockMode() != VaultLockMode.COMPLIANCE) {
            problems.add(refused("backup.lockMode", String.valueOf(b.lockMode()),
                    "compliance in prod: a governance lock can be lifted by an administrator with enough IAM rights (HARD-9)"));
        }
        range(problems, "backup.lockChangeableForDays", b.lockChangeableForDays(), BackupConfig.COMPLIANCE_GRACE_DAYS,
                BackupConfig.MAX_CHANGEABLE_DAYS);
        if (production && !b.copyToBackupRegion()) {
            problems.add(refused("backup.copyToBackupRegion", "false",
                    "true in prod: a copy of every recovery point must survive the loss of the primary region (BCK-1, REG-2)"));
        }
        if (b.lockMinRetentionDays() < 1 || b.lockMinRetentionDays() > b.retentionDays()) {
            problems.add(refused("backup.lockMinRetentionDays", String.valueOf(b.lockMinRetentionDays()),
                    "1 to retentionDays (" + b.retentionDays() + "): a vault lock refuses recovery points kept less "
                            + "than its minimum, so the plan's own would be refused (BCK-3)"));
        }
        if (b.lockMaxRetentionDays() < b.retentionDays() || b.lockMaxRetentionDays() > 36500) {
            problems.add(refused("backup.lockMaxRetentionDays", String.valueOf(b.lockMaxRetentionDays()),
                    "retentionDays (" + b.retentionDays() + ") to 36500: a vault lock refuses recovery points kept "
                            + "longer than its maximum (BCK-3)"));
        }
        String name = b.replicaBucketName();
        if (!isBucketName(name)) {
            problems.add(refused("backup.replicaBucketName", name, "an S3 bucket name as media.bucketName: 3 to 51 "
                    + "characters (room for the -access-logs suffix of its log bucket), lower-case letters, digits and -, "
                    + "starting and ending with a letter or digit; no dots; no prefix "
                    + String.join(", ", RESERVED_BUCKET_PREFIXES) + "; no suffix " + String.join(", ", RESERVED_BUCKET_SUFFIXES)));
        } else if (name.equals(m.bucketName()) || name.equals(m.accessLogsBucketName()) || name.equals(m.cdnLogsBucketName())) {
            problems.add(refused("backup.replicaBucketName", name,
                    "a name of its own, not the media bucket's or one of its log buckets' (S3-5)"));
        }
        if (production && !b.mediaReplication()) {
            problems.add(refused("backup.mediaReplication", "false",
                    "true in prod: the media bucket is replicated to the backup region (S3-5) and CloudFront fails over "
                            + "to the replica (CF-5)"));
        }
    }

    private static void checkLogging(LoggingConfig l, List<Problem> problems) {
        if (!LoggingConfig.ALLOWED_RETENTION_DAYS.contains(l.retentionDays())) {
            problems.add(refused("logging.retentionDays", String.valueOf(l.retentionDays()), "OBS-1, CNIL"));
        }
    }

    private static void checkPostgres(PostgresConfig p, boolean production, List<Problem> problems) {
        PostgresVersions offered = PostgresVersions.shipped();
        if (!offered.offers(p.version())) {
            List<String> ofMajor = offered.ofMajor(PostgresVersions.majorOf(p.version()));
            String detail = ofMajor.isEmpty()
                    ? "majors offered: " + String.join(", ", offered.majors())
                    : "the minors RDS still offers for PostgreSQL " + PostgresVersions.majorOf(p.version()) + ": "
                            + String.join(", ", ofMajor) + " (DB-1; retired minors cannot be created)";
            problems.add(refused("data.postgres.version", p.version(),
                    detail + "; list taken " + offered.takenOn()));
        }
        if (!DB_INSTANCE_CLASS.matcher(p.instanceClass()).matches()) {
            problems.add(refused("data.postgres.instanceClass", p.instanceClass(), "DB-2"));
        }
        if (p.allocatedStorageGiB() < 20 || p.allocatedStorageGiB() > 65536) {
            problems.add(refused("data.postgres.allocatedStorageGiB", String.valueOf(p.allocatedStorageGiB()),
                    "GiB, the gp3 bounds of RDS (DB-2)"));
        } else {
            // RDS wants the autoscaling ceiling at least 10% above the allocated storage.
            int floor = (p.allocatedStorageGiB() * 11 + 9) / 10;
            if (p.maxAllocatedStorageGiB() < floor || p.maxAllocatedStorageGiB() > 65536) {
                problems.add(refused("data.postgres.maxAllocatedStorageGiB", String.valueOf(p.maxAllocatedStorageGiB()),
                        "here " + floor + " to 65536 GiB: the ceiling of storage autoscaling (DB-2)"));
            }
        }
        if (production && !p.multiAz()) {
            problems.add(refused("data.postgres.multiAz", "false", "a standby in a second zone (DB-5)"));
        }
        int minBackup = production ? 30 : 1;
        if (p.backupRetentionDays() < minBackup || p.backupRetentionDays() > 35) {
            problems.add(refused("data.postgres.backupRetentionDays", String.valueOf(p.backupRetentionDays()),
                    production ? "here 30 to 35 (DB-6: the source keeps 30 days)" : "here 1 to 35 (DB-6)"));
        }
        if (!PI_RETENTION_DAYS.contains(p.performanceInsightsRetentionDays())) {
            problems.add(refused("data.postgres.performanceInsightsRetentionDays",
                    String.valueOf(p.performanceInsightsRetentionDays()), "as Performance Insights accepts (DB-7)"));
        }
        if (production && !p.deletionProtection()) {
            problems.add(refused("data.postgres.deletionProtection", "false",
                    "RDS must refuse to delete the database of health data (DB-6)"));
        }
        if (!PG_IDENTIFIER.matcher(p.databaseName()).matches() || RESERVED_DATABASES.contains(p.databaseName())) {
            problems.add(refused("data.postgres.databaseName", p.databaseName(), ""));
        }
    }

    private static void checkRedis(RedisConfig r, boolean production, List<Problem> problems) {
        if (!r.engine().versions().contains(r.engineVersion())) {
            problems.add(refused("data.redis.engineVersion", r.engineVersion(),
                    "engine " + r.engine() + ": one of " + String.join(", ", r.engine().versions()) + " (RD-1)"));
        }
        if (!CACHE_NODE_TYPE.matcher(r.nodeType()).matches()) {
            problems.add(refused("data.redis.nodeType", r.nodeType(), "RD-1"));
        }
        if (r.numNodes() < 1 || r.numNodes() > 6) {
            problems.add(refused("data.redis.numNodes", String.valueOf(r.numNodes()), "a primary and up to 5 replicas (RD-1)"));
        } else if (r.multiAz() && r.numNodes() < 2) {
            problems.add(refused("data.redis.numNodes", String.valueOf(r.numNodes()),
                    "multiAz is true: failover needs a replica in another zone (RD-4)"));
        }
        if (production && !r.multiAz()) {
            problems.add(refused("data.redis.multiAz", "false", "automatic failover to a replica in another zone (RD-4)"));
        }
        if (r.snapshotRetentionDays() < 15 || r.snapshotRetentionDays() > 35) {
            problems.add(refused("data.redis.snapshotRetentionDays", String.valueOf(r.snapshotRetentionDays()), "RD-4"));
        }
    }

    /** An e-mail address as SNS accepts one: local part, @, a domain with a dot and a letter-only top level. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");

    private static void checkObservability(ObservabilityConfig o, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < o.alertEmails().size(); i++) {
            String email = o.alertEmails().get(i);
            if (!EMAIL.matcher(email).matches()) {
                problems.add(refused("observability.alertEmails[" + i + "]", email,
                        "an e-mail address such as alerts@example.org (name@domain.tld), which SNS can send alerts to"));
            } else if (!seen.add(email.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(refused("observability.alertEmails[" + i + "]", email, "each address once"));
            }
        }
        String endpoint = o.alertHttpsEndpoint();
        if (endpoint != null && !httpsUrl(endpoint)) {
            problems.add(refused("observability.alertHttpsEndpoint", endpoint,
                    "an https:// URL with a host (SNS delivers alerts only over TLS here), or ~ for none"));
        }
        AlarmsConfig a = o.alarms();
        String at = "observability.alarms.";
        range(problems, at + "loadBalancer5xx", a.loadBalancer5xx(), 1, 100_000);
        range(problems, at + "unhealthyTargets", a.unhealthyTargets(), 1, 100);
        range(problems, at + "databaseCpuPercent", a.databaseCpuPercent(), 1, 100);
        range(problems, at + "databaseFreeStorageGiB", a.databaseFreeStorageGiB(), 1, 65_536);
        range(problems, at + "databaseConnections", a.databaseConnections(), 1, 100_000);
        range(problems, at + "cacheEngineCpuPercent", a.cacheEngineCpuPercent(), 1, 100);
        range(problems, at + "cacheMemoryPercent", a.cacheMemoryPercent(), 1, 100);
        range(problems, at + "cacheEvictions", a.cacheEvictions(), 0, 1_000_000);
        range(problems, at + "serviceCpuPercent", a.serviceCpuPercent(), 1, 100);
        range(problems, at + "serviceMemoryPercent", a.serviceMemoryPercent(), 1, 100);
        range(problems, at + "webAclBlockedRequests", a.webAclBlockedRequests(), 1, 10_000_000);
        range(problems, at + "patientDataAccessBandWidth", a.patientDataAccessBandWidth(), 1, 10);
    }

    private static boolean httpsUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Refuses {@code value} outside {@code min..max}; the bounds are added unless the field's documented rule states them. */
    private static void range(List<Problem> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            String bounds = min + " to " + max;
            problems.add(refused(field, String.valueOf(value), ConfigRules.of(field).contains(bounds) ? "" : bounds));
        }
    }

    private static final Pattern GIT_REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern GIT_BRANCH = Pattern.compile("[A-Za-z0-9._/+-]{1,255}");

    private static void checkDelivery(DeliveryConfig d, EnvironmentConfig c, List<Problem> problems) {
        String primary = c.regions().primary();
        if (d.source() == null || (d.connectionArn().isEmpty() && d.s3Source().isEmpty())) {
            problems.add(refused("delivery.source", d.source(), "a CodeConnections connection ARN "
                    + "(arn:aws:codeconnections:" + primary + ":<12-digit account>:connection/<uuid>) or an S3 location "
                    + "of a zip (s3://<bucket>/<key>.zip) (CI-3)"));
        } else if (d.connectionArn().isPresent()) {
            var arn = DeliveryConfig.CONNECTION_ARN.matcher(d.source());
            // A primary region already refused is reported once, not again through the connection.
            if (arn.matches() && Regions.isEu(primary) && !arn.group(2).equals(primary)) {
                problems.add(refused("delivery.source", d.source(), "a connection of the pipeline's region " + primary
                        + " (connections are regional; this one is in " + arn.group(2) + ")"));
            }
            if (d.repository() == null || !GIT_REPOSITORY.matcher(d.repository()).matches()) {
                problems.add(refused("delivery.repository", d.repository(),
                        "owner/name of the Git repository the connection reads: letters, digits, . _ -"));
            }
            String b = d.branch();
            if (b == null || !GIT_BRANCH.matcher(b).matches() || b.startsWith("-") || b.startsWith("/")
                    || b.endsWith("/") || b.endsWith(".") || b.contains("..") || b.contains("//") || b.endsWith(".lock")) {
                problems.add(refused("delivery.branch", b, "a Git branch name: letters, digits, . _ / + -, no spaces, "
                        + "no .., not starting with - or /, at most 255 characters"));
            }
        }
        if (d.imagesKept() < 1 || d.imagesKept() > 1000) {
            problems.add(refused("delivery.imagesKept", String.valueOf(d.imagesKept()),
                    "1 to 1000 tagged images: a repository that keeps none would expire the images the services run (CI-1)"));
        }
        if (d.untaggedImageExpiryDays() < 1 || d.untaggedImageExpiryDays() > 365) {
            problems.add(refused("delivery.untaggedImageExpiryDays", String.valueOf(d.untaggedImageExpiryDays()),
                    "1 to 365 days (CI-1)"));
        }
        if (d.artifactExpiryDays() < 1 || d.artifactExpiryDays() > 365) {
            problems.add(refused("delivery.artifactExpiryDays", String.valueOf(d.artifactExpiryDays()),
                    "1 to 365 days (CI-3)"));
        }
        if (c.isProduction() && !d.manualApproval()) {
            problems.add(refused("delivery.manualApproval", "false",
                    "true in prod: a person approves each release before it reaches health data (CI-3)"));
        }
    }
}
