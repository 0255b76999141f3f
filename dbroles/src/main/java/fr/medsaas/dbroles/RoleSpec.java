package fr.medsaas.dbroles;

import java.util.regex.Pattern;

/**
 * The roles to make in one database (HARD-6), read from the custom resource's properties.
 *
 * @param database      the database the application uses
 * @param schema        the application's schema, owned by {@code owner}
 * @param owner         a role that cannot log in and owns the schema and every object in it
 * @param appRole       the application: DML on the schema's tables, nothing else
 * @param migrationRole the migrations: DDL on the schema, acting as {@code owner}
 */
public record RoleSpec(String database, String schema, String owner, String appRole, String migrationRole) {
    /** A PostgreSQL identifier we write unquoted-safe: lower case, digits, underscores. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RoleSpec {
        for (String[] field : new String[][] {{"Database", database}, {"Schema", schema}, {"Owner", owner},
                {"AppRole", appRole}, {"MigrationRole", migrationRole}}) {
            if (field[1] == null || !IDENTIFIER.matcher(field[1]).matches()) {
                throw new IllegalArgumentException(field[0] + " '" + field[1]
                        + "' is not a PostgreSQL identifier of lower-case letters, digits and underscores (at most 63)");
            }
        }
        if (appRole.equals(migrationRole) || appRole.equals(owner) || migrationRole.equals(owner)) {
            throw new IllegalArgumentException("AppRole, MigrationRole and Owner must be three different roles");
        }
    }

    /** {@code name} as a quoted identifier. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
