package fr.medsaas.dbroles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HARD-6: the SQL the database-roles function issues. */
class RoleStatementsTest {
    private static final RoleSpec SPEC = new RoleSpec("medical_saas", "app", "medical_saas_owner",
            "medical_saas_app", "medical_saas_migration");

    @Test
    void createsEachRoleOnlyWhenMissing() {
        List<String> sql = RoleStatements.of(SPEC, "a", "m");
        for (String role : List.of("medical_saas_owner", "medical_saas_app", "medical_saas_migration")) {
            assertThat(sql).anyMatch(s -> s.startsWith("DO $$ BEGIN IF NOT EXISTS")
                    && s.contains("rolname = '" + role + "'") && s.contains("CREATE ROLE \"" + role + "\""));
        }
        assertThat(sql).filteredOn(s -> s.contains("CREATE ROLE")).allMatch(s -> s.contains("IF NOT EXISTS"));
    }

    @Test
    void nothingIsEverDropped() {
        assertThat(String.join("\n", RoleStatements.of(SPEC, "a", "m")).toUpperCase()).doesNotContain("DROP");
    }

    @Test
    void theApplicationGetsDmlOnlyOnItsSchema() {
        List<String> sql = RoleStatements.of(SPEC, "a", "m");
        List<String> toApp = sql.stream().filter(s -> s.startsWith("GRANT") || s.startsWith("ALTER DEFAULT"))
                .filter(s -> s.endsWith("TO \"medical_saas_app\"")).toList();
        assertThat(toApp).containsExactly(
                "GRANT USAGE ON SCHEMA \"app\" TO \"medical_saas_app\"",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"app\" TO \"medical_saas_app\"",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \"app\" TO \"medical_saas_app\"",
                "ALTER DEFAULT PRIVILEGES FOR ROLE \"medical_saas_owner\" IN SCHEMA \"app\" GRANT SELECT, INSERT, UPDATE, "
                        + "DELETE ON TABLES TO \"medical_saas_app\"",
                "ALTER DEFAULT PRIVILEGES FOR ROLE \"medical_saas_owner\" IN SCHEMA \"app\" GRANT USAGE, SELECT ON "
                        + "SEQUENCES TO \"medical_saas_app\"");
        assertThat(sql).anyMatch(s -> s.startsWith("ALTER ROLE \"medical_saas_app\" LOGIN NOCREATEDB NOCREATEROLE"));
        // RDS's master is no superuser: it may not even name these attributes.
        assertThat(String.join("\n", sql)).doesNotContain("SUPERUSER").doesNotContain("REPLICATION").doesNotContain("BYPASSRLS");
        assertThat(sql).noneMatch(s -> s.matches("GRANT \"medical_saas_owner\" TO .*\"medical_saas_app\".*"));
    }

    @Test
    void migrationsActAsTheOwnerOfTheSchema() {
        List<String> sql = RoleStatements.of(SPEC, "a", "m");
        assertThat(sql).contains("GRANT \"medical_saas_owner\" TO \"medical_saas_migration\"",
                "ALTER ROLE \"medical_saas_migration\" SET role = 'medical_saas_owner'",
                "CREATE SCHEMA IF NOT EXISTS \"app\" AUTHORIZATION \"medical_saas_owner\"",
                "ALTER ROLE \"medical_saas_owner\" NOLOGIN NOCREATEDB NOCREATEROLE");
    }

    @Test
    void passwordsAreQuotedLiteralsAndLeftAloneWhenTheSecretNamesTheClone() {
        assertThat(RoleStatements.of(SPEC, "it's", null))
                .anyMatch(s -> s.matches("ALTER ROLE \"medical_saas_app\" PASSWORD 'SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}'"))
                .noneMatch(s -> s.contains("it''s") || s.contains("it's"))
                .noneMatch(s -> s.startsWith("ALTER ROLE \"medical_saas_migration\" PASSWORD"));
        ObjectMapper json = new ObjectMapper();
        assertThat(Handler.passwordOf(json.createObjectNode().put("username", "medical_saas_app_clone").put("password", "x"),
                "medical_saas_app")).isNull();
        assertThat(Handler.passwordOf(json.createObjectNode().put("username", "medical_saas_app").put("password", "x"),
                "medical_saas_app")).isEqualTo("x");
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> new RoleSpec("db", "app", "o", "a\"; DROP ROLE x; --", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AppRole");
        assertThatThrownBy(() -> new RoleSpec("db", "app", "o", "same", "same"))
                .hasMessageContaining("three different roles");
    }

    @Test
    void deleteChangesNothing() throws Exception {
        Handler handler = new Handler(arn -> {
            throw new AssertionError("Delete must read no secret");
        });
        handler.apply(new ObjectMapper().readTree("{\"RequestType\":\"Delete\",\"ResourceProperties\":{}}"));
    }

    @Test
    void aScramVerifierIsSaltedAndRefusesWhatSaslprepWouldChange() {
        assertThat(ScramVerifier.of("pencil")).isNotEqualTo(ScramVerifier.of("pencil")).startsWith("SCRAM-SHA-256$4096:");
        byte[] salt = java.util.Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        assertThat(ScramVerifier.of("pencil", salt, 4096)).isEqualTo(ScramVerifier.of("pencil", salt, 4096))
                .startsWith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScramVerifier.of("pâte"))
                .hasMessageContaining("printable ASCII");
    }
}
