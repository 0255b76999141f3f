package fr.medsaas.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that span fields and records, checked on the bound configuration. Every rule
 * that fails adds a {@link Problem}; the loader reports them all at once.
 */
public final class ConfigValidator {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,49}[a-z0-9]");
    private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_BUCKET_SUFFIXES = List.of("-s3alias", "--ol-s3", "--x-s3", "--table-s3");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern CLOUDFRONT_CERTIFICATE = Pattern.compile(
            "arn:aws:acm:us-east-1:\\d{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
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
        checkMedia(config.media(), problems);
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
        if (certificate != null && !CLOUDFRONT_CERTIFICATE.matcher(certificate).matches()) {
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
}
