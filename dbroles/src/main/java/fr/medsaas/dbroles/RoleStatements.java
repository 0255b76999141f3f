package fr.medsaas.dbroles;

import static fr.medsaas.dbroles.RoleSpec.quoted;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that makes the application's roles (HARD-6), every statement idempotent: a role or
 * schema is created when missing and altered otherwise; grants and revokes repeat harmlessly.
 * Nothing is ever dropped: a role that owns data stays, whatever CloudFormation asks. Plain data.
 *
 * <p>The schema and everything in it belong to {@code owner}, which cannot log in. The migration
 * role is a member of it and acts as it ({@code ALTER ROLE ... SET role}), so that tables made by
 * a migration belong to the owner and the application gets its rights on them through default
 * privileges. The application role gets DML and sequence use on the schema, no DDL, no other
 * schema: an SQL injection in the application can read and change rows, not roles, audit
 * settings or the schema.
 */
public final class RoleStatements {
    private RoleStatements() {
    }

    /** Creates {@code role} if it does not exist; never alters an existing one's attributes here. */
    static String createRoleIfMissing(String role, boolean login) {
        String literal = "'" + role.replace("'", "''") + "'";
        return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = " + literal + ") THEN "
                + "CREATE ROLE " + quoted(role) + (login ? " LOGIN" : " NOLOGIN") + "; END IF; END $$";
    }

    /** {@code password} as a string literal, quotes doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * The statements, in order, for {@code spec}; the passwords are those of the roles' secrets
     * (AWSCURRENT). A password given as {@code null} is left as it is (the role's secret is held
     * by its clone after an alternating-users rotation, which owns the password now).
     */
    public static List<String> of(RoleSpec spec, String appPassword, String migrationPassword) {
        String db = quoted(spec.database());
        String schema = quoted(spec.schema());
        String owner = quoted(spec.owner());
        String app = quoted(spec.appRole());
        String migration = quoted(spec.migrationRole());
        List<String> sql = new ArrayList<>();
        sql.add(createRoleIfMissing(spec.owner(), false));
        sql.add(createRoleIfMissing(spec.appRole(), true));
        sql.add(createRoleIfMissing(spec.migrationRole(), true));
        // The connected administrator must be a member of the owner to give it the schema and set
        // its default privileges (PostgreSQL 15 gives the creator of a role no membership).
        sql.add("GRANT " + owner + " TO CURRENT_USER");
        // Attributes set every time: whatever someone changed by hand is put back. Only those a
        // CREATEROLE administrator may set (RDS's master is no superuser): SUPERUSER, REPLICATION
        // and BYPASSRLS are off from CREATE ROLE and only a superuser could turn them on.
        sql.add("ALTER ROLE " + owner + " NOLOGIN NOCREATEDB NOCREATEROLE");
        for (String role : List.of(app, migration)) {
            sql.add("ALTER ROLE " + role + " LOGIN NOCREATEDB NOCREATEROLE CONNECTION LIMIT -1");
        }
        if (appPassword != null) {
            // The SCRAM verifier, never the password: a failed statement is logged, and pgaudit is on.
            sql.add("ALTER ROLE " + app + " PASSWORD " + literal(ScramVerifier.of(appPassword)));
        }
        if (migrationPassword != null) {
            sql.add("ALTER ROLE " + migration + " PASSWORD " + literal(ScramVerifier.of(migrationPassword)));
        }
        sql.add("GRANT " + owner + " TO " + migration);
        // pgaudit's DDL class (the parameter group loads the library and logs DDL from every session,
        // the master's and the migrations' among them) needs its extension in the database; a server
        // without the library (a test server) is left as it is.
        sql.add("DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_available_extensions WHERE name = 'pgaudit') "
                + "AND EXISTS (SELECT FROM pg_catalog.pg_settings WHERE name = 'shared_preload_libraries' "
                + "AND setting LIKE '%pgaudit%') THEN CREATE EXTENSION IF NOT EXISTS pgaudit; END IF; END $$");
        // Objects a migration makes belong to the owner, not to the migration login (or its clone).
        sql.add("ALTER ROLE " + migration + " SET role = " + literal(spec.owner()));
        sql.add("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + owner);
        sql.add("ALTER SCHEMA " + schema + " OWNER TO " + owner);
        // Nobody but these roles connects; nobody creates in public.
        sql.add("REVOKE ALL ON DATABASE " + db + " FROM PUBLIC");
        sql.add("GRANT CONNECT, TEMPORARY ON DATABASE " + db + " TO " + app + ", " + migration);
        sql.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        sql.add("REVOKE ALL ON SCHEMA " + schema + " FROM PUBLIC");
        sql.add("GRANT USAGE ON SCHEMA " + schema + " TO " + app);
        sql.add("GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + owner);
        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + app);
        sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + app);
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
        sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA " + schema
                + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        // The application and its tools find their tables without naming the schema.
        sql.add("ALTER DATABASE " + db + " SET search_path = " + schema);
        return List.copyOf(sql);
    }
}
