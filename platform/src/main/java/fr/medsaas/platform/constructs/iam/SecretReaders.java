package fr.medsaas.platform.constructs.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.ISecret;

/**
 * Who may read the value of each secret of the platform (HARD-7), and the resource-policy
 * statement that holds everyone else off: a Deny of {@code secretsmanager:GetSecretValue} for any
 * principal whose ARN is not one of the readers. A Deny wins over any IAM policy, an
 * administrator's included; changing it is a {@code PutResourcePolicy} that CloudTrail records.
 */
public final class SecretReaders {
    /** The statement id of the deny. */
    public static final String SID = "OnlyTheNamedRolesReadTheValue";
    /** The master secret's name suffix ({@code <prefix>/postgres-master}). */
    public static final String MASTER = "postgres-master";
    /** The application role's secret (HARD-6). */
    public static final String APP_USER = "postgres-app";
    /** The migration role's secret (HARD-6). */
    public static final String MIGRATION_USER = "postgres-migration";
    /** The Redis AUTH token's name suffix. */
    public static final String REDIS_TOKEN = "redis-auth-token";
    /** DATABASE_URL's name suffix. */
    public static final String DATABASE_URL = "database-url";
    /** REDIS_URL's name suffix. */
    public static final String REDIS_URL = "redis-url";
    /** FIELD_ENCRYPTION_KEY's name suffix. */
    public static final String ENCRYPTION_KEY = "encryption-key";

    private SecretReaders() {
    }

    /**
     * The readers of every secret, by name suffix. No runtime role (the ECS task role) reads
     * any; the ECS execution role reads only the three the containers get, never the master.
     */
    public static Map<String, List<RolePattern>> of(PlatformPrincipals p) {
        Map<String, List<RolePattern>> readers = new LinkedHashMap<>();
        // CloudFormation resolves the master password and the AUTH token into the instance and the
        // group (dynamic references); the roles function logs in with it; the rotations rotate
        // (the alternating-users ones log in as the master to make the clones).
        readers.put(MASTER, List.of(p.deployer(), p.databaseRoles(), p.masterRotation()));
        // The builder derives DATABASE_URL from the application role's secret.
        // Both user secrets have a SecretTargetAttachment: CloudFormation, as the deployer, reads the
        // secret, merges the instance's connection details into it and writes it back (ACC-1).
        readers.put(APP_USER, List.of(p.deployer(), p.databaseRoles(), p.secretsBuilder(), p.masterRotation()));
        // Migrations run as a task of their own (MigrationTask), whose execution role alone reads this one.
        readers.put(MIGRATION_USER, List.of(p.deployer(), p.databaseRoles(), p.masterRotation(), p.migrationExecution()));
        readers.put(REDIS_TOKEN, List.of(p.deployer(), p.secretsBuilder()));
        for (String derived : List.of(DATABASE_URL, REDIS_URL, ENCRYPTION_KEY)) {
            readers.put(derived, List.of(p.secretsBuilder(), p.ecsExecution()));
        }
        return readers;
    }

    /** The Deny for everyone but {@code readers}. */
    public static PolicyStatement denyAllBut(List<RolePattern> readers) {
        return PolicyStatement.Builder.create()
                .sid(SID)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnNotLike", Map.of("aws:PrincipalArn",
                        readers.stream().map(RolePattern::resolved).toList())))
                .build();
    }

    /** Restricts {@code secret}, named by suffix, to its readers. */
    public static void restrict(ISecret secret, String suffix, PlatformPrincipals p) {
        List<RolePattern> readers = of(p).get(suffix);
        if (readers == null) {
            throw new IllegalArgumentException("No readers are listed for the secret " + suffix + " (known: " + of(p).keySet() + ")");
        }
        secret.addToResourcePolicy(denyAllBut(readers));
    }
}
