package fr.medsaas.dbroles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The custom resource {@code Custom::MedSaasDatabaseRoles} (HARD-6): on Create and Update, logs
 * in to PostgreSQL as the master user (TLS required) and runs {@link RoleStatements}; on Delete,
 * does nothing, since a role that owns data is never dropped. It answers CloudFormation itself
 * (a PUT to the pre-signed response URL) and logs no secret, no SQL text with a password.
 *
 * <p>The Lambda runtime calls {@link #handleRequest(InputStream, OutputStream)} directly; no
 * Lambda library is needed.
 */
public final class Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PostgreSQL's invalid_password. */
    static final String INVALID_PASSWORD = "28P01";
    private static final int PASSWORD_TRIES = 24;
    private final Function<String, JsonNode> secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The Lambda runtime's constructor: secrets read from Secrets Manager. */
    public Handler() {
        this(secretsManager());
    }

    Handler(Function<String, JsonNode> secrets) {
        this.secrets = secrets;
    }

    private static Function<String, JsonNode> secretsManager() {
        SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
        return arn -> {
            try {
                return JSON.readTree(client.getSecretValue(b -> b.secretId(arn)).secretString());
            } catch (IOException e) {
                throw new IllegalStateException("The secret " + arn + " is not JSON", e);
            }
        };
    }

    /** The entry point. */
    public void handleRequest(InputStream input, OutputStream output) throws IOException {
        JsonNode event = JSON.readTree(input);
        String status = "SUCCESS";
        String reason = "";
        try {
            apply(event);
        } catch (RuntimeException | SQLException e) {
            status = "FAILED";
            // The message of a driver error never holds a password: statements with one are not echoed.
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            System.out.println("FAILED " + reason);
        }
        respond(event, status, reason);
        output.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Runs the request; Delete changes nothing. */
    void apply(JsonNode event) throws SQLException {
        String type = event.path("RequestType").asText();
        if ("Delete".equals(type)) {
            System.out.println("Delete: roles are kept (they may own data)");
            return;
        }
        JsonNode p = event.path("ResourceProperties");
        RoleSpec spec = new RoleSpec(p.path("Database").asText(null), p.path("Schema").asText(null),
                p.path("Owner").asText(null), p.path("AppRole").asText(null), p.path("MigrationRole").asText(null));
        JsonNode app = secrets.apply(p.path("AppSecretArn").asText());
        JsonNode migration = secrets.apply(p.path("MigrationSecretArn").asText());
        List<String> sql = RoleStatements.of(spec, passwordOf(app, spec.appRole()), passwordOf(migration, spec.migrationRole()));
        String url = "jdbc:postgresql://" + p.path("Host").asText() + ":" + p.path("Port").asText("5432") + "/"
                + spec.database();
        // The master password's first rotation may be under way: a refused password is re-read.
        for (int attempt = 1; ; attempt++) {
            JsonNode master = secrets.apply(p.path("MasterSecretArn").asText());
            try {
                run(url, master.path("username").asText(), master.path("password").asText(), sql);
                break;
            } catch (SQLException e) {
                if (!INVALID_PASSWORD.equals(e.getSQLState()) || attempt >= PASSWORD_TRIES) {
                    throw e;
                }
                sleep();
            }
        }
        System.out.println(type + ": " + sql.size() + " statements applied for " + spec.appRole() + " and "
                + spec.migrationRole());
    }

    private static void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the master password's rotation", e);
        }
    }

    /** The password to set: the secret's, unless the secret now names the role's rotation clone. */
    static String passwordOf(JsonNode secret, String role) {
        return role.equals(secret.path("username").asText()) ? secret.path("password").asText() : null;
    }

    /** Runs {@code sql} in one transaction over TLS. */
    static void run(String url, String user, String password, List<String> sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("sslmode", System.getProperty("medsaas.dbroles.sslmode", "require"));
        props.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : sql) {
                    s.execute(statement);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("statement failed (" + e.getSQLState() + ")", e.getSQLState());
            }
        }
    }

    private void respond(JsonNode event, String status, String reason) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Status", status);
        body.put("Reason", reason.isEmpty() ? "See the function's log" : reason);
        body.put("PhysicalResourceId", event.path("PhysicalResourceId").asText(
                event.path("LogicalResourceId").asText("database-roles")));
        body.put("StackId", event.path("StackId").asText());
        body.put("RequestId", event.path("RequestId").asText());
        body.put("LogicalResourceId", event.path("LogicalResourceId").asText());
        String url = event.path("ResponseURL").asText("");
        if (url.isEmpty()) {
            return;
        }
        HttpRequest put = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            http.send(put, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while answering CloudFormation", e);
        }
    }
}
