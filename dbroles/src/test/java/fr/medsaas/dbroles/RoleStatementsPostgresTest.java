package fr.medsaas.dbroles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HARD-6 against a real PostgreSQL (Debian's package, 15 on this machine, started here without Docker, as the
 * {@code postgres} user since PostgreSQL refuses root). Skipped with a notice where none can
 * start; under {@code CI=true}, failing instead.
 */
@Tag("integration")
class RoleStatementsPostgresTest {
    private static final Path BIN = serverBin();
    private static final RoleSpec SPEC = new RoleSpec("medical_saas", "app", "medical_saas_owner",
            "medical_saas_app", "medical_saas_migration");
    private static Path dir;
    private static int port;
    private static boolean started;

    /** The newest Debian PostgreSQL server's binaries ({@code /usr/lib/postgresql/<major>/bin}), 15 when none. */
    private static Path serverBin() {
        Path root = Path.of("/usr/lib/postgresql");
        try (var majors = Files.list(root)) {
            return majors.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .map(p -> p.resolve("bin")).orElse(root.resolve("15/bin"));
        } catch (java.io.IOException e) {
            return root.resolve("15/bin");
        }
    }

    @BeforeAll
    static void startPostgres() throws Exception {
        String why = start();
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL could not start under CI: " + why);
            }
            System.out.println("NOTICE: RoleStatementsPostgresTest skipped, PostgreSQL could not start: " + why);
        }
    }

    private static String start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            return BIN + "/initdb not found";
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("medsaas-pg-");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (root && run(List.of("chown", "postgres", dir.toString())) != 0) {
            return "cannot give " + dir + " to the postgres user";
        }
        Path data = dir.resolve("data");
        // Passwords checked over TCP (SCRAM, as on RDS), so that a role's stored verifier is put to the test.
        Path pw = dir.resolve("pw");
        Files.writeString(pw, SUPERUSER_PASSWORD + "\n");
        if (root && run(List.of("chown", "postgres", pw.toString())) != 0) {
            return "cannot give " + pw + " to the postgres user";
        }
        if (run(as(root, BIN + "/initdb", "-D", data.toString(), "-U", "postgres", "--auth-local=trust",
                "--auth-host=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8")) != 0) {
            return "initdb failed";
        }
        if (run(as(root, BIN + "/pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start")) != 0) {
            return "pg_ctl start failed (see " + dir.resolve("log") + ")";
        }
        started = true;
        // As on RDS: the master user is no superuser, only CREATEROLE and CREATEDB, and owns the database.
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE rds_master LOGIN CREATEROLE CREATEDB PASSWORD 'master-password'");
            s.execute("CREATE DATABASE medical_saas OWNER rds_master");
        }
        return null;
    }

    private static List<String> as(boolean root, String... command) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            run(as("root".equals(System.getProperty("user.name")), BIN + "/pg_ctl", "-D", dir.resolve("data").toString(),
                    "-m", "immediate", "stop"));
        }
    }

    private static final String SUPERUSER_PASSWORD = "superuser-password";

    private static Connection connect(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("sslmode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    private static void apply() throws SQLException {
        System.setProperty("medsaas.dbroles.sslmode", "disable");
        try {
            Handler.run("jdbc:postgresql://127.0.0.1:" + port + "/medical_saas", "rds_master", "master-password",
                    RoleStatements.of(SPEC, "app-password", "migration-password"));
        } finally {
            System.clearProperty("medsaas.dbroles.sslmode");
        }
    }

    @Test
    void rolesAreCreatedTwiceWithoutErrorAndHoldTheirRights() throws Exception {
        assumeTrue(started, "PostgreSQL is not running");
        apply();
        apply(); // idempotent: create or alter
        // A migration creates a table: it belongs to the owner, not to the migration login.
        try (Connection c = connect("medical_saas", "medical_saas_migration", "migration-password");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE patient (id bigserial PRIMARY KEY, name text)");
            var rs = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'patient'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("medical_saas_owner");
        }
        try (Connection c = connect("medical_saas", "medical_saas_app", "app-password"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO patient (name) VALUES ('x')");
            s.execute("UPDATE patient SET name = 'y'");
            s.execute("DELETE FROM patient");
            assertThatThrownBy(() -> s.execute("CREATE TABLE other (id int)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("DROP TABLE patient")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE TABLE public.other (id int)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE ROLE intruder")).isInstanceOf(SQLException.class);
        }
        // The password the server checks is the one set, though only its SCRAM verifier was sent.
        assertThatThrownBy(() -> connect("medical_saas", "medical_saas_app", "not-the-password"))
                .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection c = connect("medical_saas", "rds_master", "master-password"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'medical_saas_app'");
            assertThat(rs.next()).isFalse(); // pg_authid is the superuser's: the master cannot read verifiers
        } catch (SQLException e) {
            assertThat(e.getSQLState()).isEqualTo("42501");
        }
        // A third run after data exists changes nothing and drops nothing.
        apply();
        try (Connection c = connect("medical_saas", "medical_saas_app", "app-password"); Statement s = c.createStatement()) {
            s.execute("SELECT count(*) FROM patient");
        }
    }
}
